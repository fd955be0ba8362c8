import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Cover } from '../../components/Cover.tsx';
import { Avatar } from '../../components/Avatar.tsx';
import { PlayNextIcon, PlusIcon } from '../../components/icons.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { CardGridSkeleton, EmptyState, TrackListSkeleton } from '../../components/StateViews.tsx';
import type { SearchResults } from '../../lib/api-types.ts';
import { formatClock } from '../../lib/intl-format.ts';
import { AlbumGrid, ArtistCard } from '../browse/AlbumCard.tsx';
import { ArtistLinks } from '../browse/ArtistLinks.tsx';
import { usePlayerState } from '../player-ui/player-context.tsx';
import { SEARCH_KINDS, useSearch, type SearchKind } from './search-queries.ts';
import { usePlayTrackById } from './use-play-track-by-id.ts';
import '../../components/tabs.css';
import '../browse/track-list.css';
import './search-page.css';

export default function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const type = SEARCH_KINDS.find((kind) => kind === params.get('type')) ?? 'track';

  return (
    <div className="page search-page">
      <h1 className="page-title">{q ? t('search.resultsFor', { q }) : t('search.title')}</h1>
      <div className="tabs" role="tablist" aria-label={t('search.tabs')}>
        {SEARCH_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            role="tab"
            aria-selected={kind === type}
            className={`tab ${kind === type ? 'is-active' : ''}`}
            onClick={() => setParams({ q, type: kind }, { replace: true })}
            data-testid={`search-tab-${kind}`}
          >
            {t(`search.tab.${kind}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {q ? (
          <Results q={q} type={type} key={`${type}:${q}`} />
        ) : (
          <EmptyState title={t('search.typeSomething')} />
        )}
      </div>
    </div>
  );
}

function Results({ q, type }: { q: string; type: SearchKind }) {
  const { t } = useTranslation();
  const search = useSearch(q, type);
  const skeleton =
    type === 'track' || type === 'user' ? (
      <TrackListSkeleton rows={8} />
    ) : (
      <CardGridSkeleton count={8} round={type === 'artist'} />
    );
  return (
    <QueryView query={search} skeleton={skeleton}>
      {(data) => {
        const merged = mergePages(data.pages.map((page) => page.data));
        const count = {
          track: merged.tracks,
          artist: merged.artists,
          album: merged.albums,
          user: merged.users,
        }[type].length;
        if (count === 0) {
          return <EmptyState title={t('search.nothing', { q })}>{t('search.nothingHint')}</EmptyState>;
        }
        return (
          <>
            {type === 'track' ? <TrackResults tracks={merged.tracks} /> : null}
            {type === 'artist' ? (
              <div className="card-grid">
                {merged.artists.map((artist) => (
                  <ArtistCard key={artist.id} artist={artist} />
                ))}
              </div>
            ) : null}
            {type === 'album' ? <AlbumGrid albums={merged.albums} /> : null}
            {type === 'user' ? <UserResults users={merged.users} /> : null}
            <LoadMore
              hasMore={search.hasNextPage}
              loading={search.isFetchingNextPage}
              failed={search.isFetchNextPageError}
              onLoadMore={() => void search.fetchNextPage()}
            />
          </>
        );
      }}
    </QueryView>
  );
}

function mergePages(pages: SearchResults[]): SearchResults {
  return {
    tracks: pages.flatMap((p) => p.tracks),
    albums: pages.flatMap((p) => p.albums),
    artists: pages.flatMap((p) => p.artists),
    users: pages.flatMap((p) => p.users),
  };
}

function TrackResults({ tracks }: { tracks: SearchResults['tracks'] }) {
  const { t } = useTranslation();
  const play = usePlayTrackById();
  const currentId = usePlayerState((s) => s.current?.track.id ?? null);
  return (
    <ol className="track-list with-album with-cover" aria-label={t('search.tab.track')}>
      {tracks.map((track, index) => (
        <li
          key={track.id}
          className={`track-row ${track.id === currentId ? 'is-current' : ''}`}
          onClick={(event) => {
            if ((event.target as HTMLElement).closest('a, button')) return;
            void play(track.id, 'now');
          }}
          data-testid="search-track"
        >
          <span className="track-index">{index + 1}</span>
          <Cover url={track.coverUrl} size={40} className="track-cover" />
          <span className="track-main">
            <button
              type="button"
              className="track-title search-track-title"
              onClick={() => void play(track.id, 'now')}
            >
              {track.title}
            </button>
            <span className="track-artists">
              <ArtistLinks artists={track.artists} />
            </span>
          </span>
          <span className="track-album">
            {track.album ? <Link to={`/albums/${track.album.id}`}>{track.album.title}</Link> : null}
          </span>
          <span className="track-actions">
            <button
              type="button"
              className="icon-btn"
              onClick={() => void play(track.id, 'next')}
              aria-label={t('track.playNext')}
              title={t('track.playNext')}
            >
              <PlayNextIcon />
            </button>
            <button
              type="button"
              className="icon-btn"
              onClick={() => void play(track.id, 'queue')}
              aria-label={t('track.addToQueue')}
              title={t('track.addToQueue')}
            >
              <PlusIcon />
            </button>
          </span>
          <span className="track-duration">{formatClock(track.durationMs / 1000)}</span>
        </li>
      ))}
    </ol>
  );
}

function UserResults({ users }: { users: SearchResults['users'] }) {
  return (
    <ul className="user-results">
      {users.map((user) => (
        <li key={user.id} data-testid="search-user">
          <Link className="user-result" to={`/users/${user.id}`}>
            <Avatar url={user.avatarUrl} size={44} className="user-avatar" />
            <span className="user-names">
              <span>{user.nickname}</span>
              <span className="muted">@{user.username}</span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
