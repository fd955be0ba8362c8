import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../components/LoadMore.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { CardGridSkeleton } from '../../components/StateViews.tsx';
import { LikedSongsCard } from '../likes/LikedSongsCard.tsx';
import { PlaylistCard } from '../playlists/PlaylistCard.tsx';
import { useUserPlaylists, type UserPlaylistKind } from '../playlists/playlist-queries.ts';

/**
 * A user's created or collected playlists. On my own page "我喜欢的音乐" comes first among the
 * created ones: my liked songs are my first playlist.
 */
export function UserPlaylists({
  userId,
  kind,
  own,
}: {
  userId: string;
  kind: UserPlaylistKind;
  own: boolean;
}) {
  const { t } = useTranslation();
  const playlists = useUserPlaylists(userId, kind);
  const withLikes = own && kind === 'created';
  return (
    <section className="section" aria-labelledby={`playlists-${kind}`}>
      <div className="section-head">
        <h2 className="section-title" id={`playlists-${kind}`}>
          {t(`users.playlists.${kind}`)}
          {playlists.data ? (
            <span className="muted section-count">({playlists.data.pages[0]?.total ?? 0})</span>
          ) : null}
        </h2>
      </div>
      <QueryView query={playlists} skeleton={<CardGridSkeleton count={6} />}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.data);
          if (items.length === 0 && !withLikes)
            return <p className="muted user-empty">{t(`users.playlists.empty.${kind}`)}</p>;
          return (
            <>
              <div className="card-grid">
                {withLikes ? <LikedSongsCard /> : null}
                {items.map((playlist) => (
                  <PlaylistCard
                    key={playlist.id}
                    playlist={playlist}
                    subtitle={kind === 'subscribed' ? 'owner' : 'trackCount'}
                  />
                ))}
              </div>
              <LoadMore
                hasMore={playlists.hasNextPage}
                loading={playlists.isFetchingNextPage}
                failed={playlists.isFetchNextPageError}
                onLoadMore={() => void playlists.fetchNextPage()}
              />
            </>
          );
        }}
      </QueryView>
    </section>
  );
}
