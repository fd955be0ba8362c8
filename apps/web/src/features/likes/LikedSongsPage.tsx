import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Avatar } from '../../components/Avatar.tsx';
import { HeartFilledIcon, PlayIcon, PlusIcon } from '../../components/icons.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { EmptyState } from '../../components/StateViews.tsx';
import type { Track } from '../../lib/api-types.ts';
import { useMe } from '../auth/auth-queries.ts';
import { DetailSkeleton } from '../browse/AlbumPage.tsx';
import { toPlayerTrack } from '../browse/to-player-track.ts';
import { TrackList } from '../browse/TrackList.tsx';
import { usePlayer } from '../player-ui/player-context.tsx';
import { allLikedTracksQuery, useLikedTracks } from './like-queries.ts';
import '../browse/browse.css';
import './likes.css';

const SOURCE = { type: 'likes' } as const;

/** 我喜欢的音乐: my liked songs, shown as my first playlist, most recently liked first. */
export default function LikedSongsPage() {
  const { t } = useTranslation();
  const liked = useLikedTracks();
  return (
    <div className="page">
      <QueryView query={liked} skeleton={<DetailSkeleton />}>
        {(data) => {
          const tracks = data.pages.flatMap((page) => page.data);
          return (
            <>
              <LikedHeader tracks={tracks} complete={!liked.hasNextPage} />
              {tracks.length === 0 ? (
                <EmptyState title={t('likes.emptyTitle')}>{t('likes.emptyHint')}</EmptyState>
              ) : (
                <>
                  <TrackList tracks={tracks} source={SOURCE} showCover label={t('likes.title')} />
                  <LoadMore
                    hasMore={liked.hasNextPage}
                    loading={liked.isFetchingNextPage}
                    failed={liked.isFetchNextPageError}
                    onLoadMore={() => void liked.fetchNextPage()}
                  />
                </>
              )}
            </>
          );
        }}
      </QueryView>
    </div>
  );
}

function LikedHeader({ tracks, complete }: { tracks: Track[]; complete: boolean }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const engine = usePlayer();
  const queryClient = useQueryClient();
  // A long list plays from its first song to its last, not only the pages shown so far.
  const everything = async () =>
    (complete ? tracks : await queryClient.fetchQuery(allLikedTracksQuery)).map((track) =>
      toPlayerTrack(track, SOURCE),
    );

  return (
    <header className="detail-head">
      <div className="detail-cover liked-cover" role="img" aria-label={t('likes.title')}>
        <HeartFilledIcon />
      </div>
      <div className="detail-info">
        <span className="detail-kind">{t('likes.kind')}</span>
        <h1 className="detail-title">{t('likes.title')}</h1>
        {me ? (
          <p className="detail-meta liked-owner">
            <Link to={`/users/${me.id}`}>
              <Avatar url={me.avatarUrl} size={24} />
              {me.nickname}
            </Link>
          </p>
        ) : null}
        <div className="head-actions">
          <button
            type="button"
            className="btn btn-primary"
            disabled={tracks.length === 0}
            onClick={() => void everything().then((all) => engine.playTracks(all, 0))}
          >
            <PlayIcon /> {t('likes.playAll')}
          </button>
          <button
            type="button"
            className="btn"
            disabled={tracks.length === 0}
            onClick={() => void everything().then((all) => engine.addToQueue(all))}
          >
            <PlusIcon /> {t('likes.queueAll')}
          </button>
        </div>
      </div>
    </header>
  );
}
