import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePlaylistShelf } from './playlist-queries.ts';
import { PlaylistGrid, type CardPlaylist } from './PlaylistCard.tsx';

/** The home page's row of hot playlists from the square; nothing at all while there are none. */
export function RecommendedPlaylists() {
  const hot = usePlaylistShelf('hot', 6);
  if (!hot.data || hot.data.length === 0) return null;
  return <RecommendedPlaylistsSection playlists={hot.data} />;
}

/** The home page's 推荐歌单 row for the given playlists: matched to the listener, or hot on the square. */
export function RecommendedPlaylistsSection({ playlists }: { playlists: readonly CardPlaylist[] }) {
  const { t } = useTranslation();
  return (
    <section className="section" data-testid="recommended-playlists">
      <div className="section-head">
        <h2 className="section-title">{t('playlists.home.recommended')}</h2>
        <Link className="section-link" to="/playlists">
          {t('home.more')}
        </Link>
      </div>
      <PlaylistGrid playlists={playlists} />
    </section>
  );
}
