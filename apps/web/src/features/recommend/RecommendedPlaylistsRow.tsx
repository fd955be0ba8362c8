import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PlaylistGrid } from '../playlists/PlaylistCard.tsx';
import { RecommendedPlaylists } from '../playlists/RecommendedPlaylists.tsx';
import { useRecommendedPlaylists } from './recommend-queries.ts';

/**
 * The home page's 推荐歌单: public playlists matched to the listener's style. When none match
 * (or the server cannot say) the row shows the square's hot playlists instead.
 */
export function RecommendedPlaylistsRow() {
  const { t } = useTranslation();
  const matched = useRecommendedPlaylists(6);
  if (matched.isError || matched.data?.length === 0) return <RecommendedPlaylists />;
  if (!matched.data) return null;
  return (
    <section className="section" data-testid="recommended-playlists">
      <div className="section-head">
        <h2 className="section-title">{t('playlists.home.recommended')}</h2>
        <Link className="section-link" to="/playlists">
          {t('home.more')}
        </Link>
      </div>
      <PlaylistGrid playlists={matched.data} />
    </section>
  );
}
