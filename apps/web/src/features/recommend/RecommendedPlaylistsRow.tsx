import { RecommendedPlaylists, RecommendedPlaylistsSection } from '../playlists/RecommendedPlaylists.tsx';
import { useRecommendedPlaylists } from './recommend-queries.ts';

/**
 * The home page's 推荐歌单: public playlists matched to the listener's style. When none match
 * (or the server cannot say) the row shows the square's hot playlists instead.
 */
export function RecommendedPlaylistsRow() {
  const matched = useRecommendedPlaylists(6);
  if (matched.isError || matched.data?.length === 0) return <RecommendedPlaylists />;
  if (!matched.data) return null;
  return <RecommendedPlaylistsSection playlists={matched.data} />;
}
