import { useTranslation } from 'react-i18next';
import { CompactTrackList } from './CompactTrackList.tsx';
import { usePlaylistSimilar } from './recommend-queries.ts';

/** Under a playlist: songs like its songs that it does not have yet; nothing when there are none. */
export function MoreLikePlaylist({ playlistId }: { playlistId: string }) {
  const { t } = useTranslation();
  const similar = usePlaylistSimilar(playlistId, 10);
  if (!similar.data || similar.data.length === 0) return null;
  return (
    <section className="section" data-testid="more-like-playlist">
      <h2 className="section-title section-title-spaced">{t('recommend.similar.playlist')}</h2>
      <CompactTrackList tracks={similar.data} columns={2} />
    </section>
  );
}
