import { useTranslation } from 'react-i18next';
import { CompactTrackList } from './CompactTrackList.tsx';
import { useSimilarTracks } from './recommend-queries.ts';
import './similar-tracks.css';

/** 相似歌曲: a few songs like this one (for the now-playing and song pages); nothing when none. */
export function SimilarTracks({ trackId, limit = 5 }: { trackId: string; limit?: number }) {
  const { t } = useTranslation();
  const similar = useSimilarTracks(trackId, limit);
  if (!similar.data || similar.data.length === 0) return null;
  return (
    <section className="similar-tracks" data-testid="similar-tracks">
      <h2 className="similar-tracks-title">{t('recommend.similar.tracks')}</h2>
      <CompactTrackList tracks={similar.data} />
    </section>
  );
}
