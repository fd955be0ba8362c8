import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { CloseIcon } from '../../components/icons.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { EmptyState } from '../../components/StateViews.tsx';
import type { PlaylistDetail, Track } from '../../lib/api-types.ts';
import { DetailSkeleton } from '../browse/AlbumPage.tsx';
import { toPlayerTrack } from '../browse/to-player-track.ts';
import { TrackList } from '../browse/TrackList.tsx';
import { CommentsSection } from '../comments/CommentsSection.tsx';
import { usePlayer } from '../player-ui/player-context.tsx';
import { MoreLikePlaylist } from '../recommend/MoreLikePlaylist.tsx';
import { afterTrackIdFor } from './playlist-order.ts';
import { useMoveTrack, useRemoveTracks } from './playlist-mutations.ts';
import { usePlaylist } from './playlist-queries.ts';
import { PlaylistHeader } from './PlaylistHeader.tsx';
import { usePlayPlaylist } from './use-play-playlist.ts';
import '../browse/browse.css';
import './playlists.css';

export default function PlaylistPage() {
  const { id = '' } = useParams();
  const playlist = usePlaylist(id);
  return (
    <div className="page">
      <QueryView query={playlist} skeleton={<DetailSkeleton />}>
        {(data) => (
          <PlaylistView
            playlist={data.pages[0]!.data}
            tracks={data.pages.flatMap((page) => page.data.tracks)}
            more={{
              hasMore: playlist.hasNextPage,
              loading: playlist.isFetchingNextPage,
              failed: playlist.isFetchNextPageError,
              onLoadMore: () => void playlist.fetchNextPage(),
            }}
          />
        )}
      </QueryView>
    </div>
  );
}

interface ViewProps {
  playlist: PlaylistDetail;
  tracks: Track[];
  more: { hasMore: boolean; loading: boolean; failed: boolean; onLoadMore: () => void };
}

function PlaylistView({ playlist, tracks, more }: ViewProps) {
  const { t } = useTranslation();
  const engine = usePlayer();
  const playPlaylist = usePlayPlaylist();
  const move = useMoveTrack(playlist.id);
  const remove = useRemoveTracks(playlist.id);
  const source = { type: 'playlist', id: playlist.id } as const;
  const mine = playlist.abilities.update;

  const playAll = () => {
    // A long list plays from its first song to its last, not only the pages shown so far.
    if (more.hasMore) void playPlaylist(playlist.id);
    else
      engine.playTracks(
        tracks.map((track) => toPlayerTrack(track, source)),
        0,
      );
  };
  const queueAll = () => {
    if (more.hasMore) void playPlaylist(playlist.id, 'queue');
    else engine.addToQueue(tracks.map((track) => toPlayerTrack(track, source)));
  };
  const onMove = (from: number, to: number) => {
    const ids = tracks.map((track) => track.id);
    const trackId = ids[from];
    if (trackId === undefined || from === to) return;
    move.mutate({ from, to, trackId, afterTrackId: afterTrackIdFor(ids, from, to) });
  };

  return (
    <>
      <PlaylistHeader playlist={playlist} onPlayAll={playAll} onQueueAll={queueAll} />
      {tracks.length === 0 ? (
        <EmptyState title={t('playlists.emptyTitle')}>{mine ? t('playlists.emptyHint') : null}</EmptyState>
      ) : (
        <>
          <TrackList
            tracks={tracks}
            source={source}
            showCover
            label={t('playlists.tracks')}
            onMove={mine ? onMove : undefined}
            rowActions={
              mine
                ? (track) => (
                    <button
                      type="button"
                      className="icon-btn"
                      onClick={() => remove.mutate([track.id])}
                      aria-label={t('playlists.remove', { title: track.title })}
                      title={t('playlists.remove', { title: track.title })}
                    >
                      <CloseIcon />
                    </button>
                  )
                : undefined
            }
          />
          <LoadMore {...more} />
        </>
      )}
      <MoreLikePlaylist playlistId={playlist.id} />
      <CommentsSection targetType="playlist" targetId={playlist.id} anchor />
    </>
  );
}
