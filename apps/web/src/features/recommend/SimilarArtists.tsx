import { useTranslation } from 'react-i18next';
import { ArtistCard } from '../browse/AlbumCard.tsx';
import { useSimilarArtists } from './recommend-queries.ts';

/** 相似歌手 on an artist's page; nothing at all when there are none. */
export function SimilarArtists({ artistId }: { artistId: string }) {
  const { t } = useTranslation();
  const similar = useSimilarArtists(artistId, 6);
  if (!similar.data || similar.data.length === 0) return null;
  return (
    <section className="section" data-testid="similar-artists">
      <h2 className="section-title section-title-spaced">{t('recommend.similar.artists')}</h2>
      <div className="card-grid">
        {similar.data.map((artist) => (
          <ArtistCard key={artist.id} artist={artist} />
        ))}
      </div>
    </section>
  );
}
