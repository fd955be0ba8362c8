import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PlayIcon } from '../../components/icons.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { TrackListSkeleton } from '../../components/StateViews.tsx';
import { usePlayer } from '../player-ui/player-context.tsx';
import { useInfiniteTracks } from './browse-queries.ts';
import { LibraryEmpty } from './LibraryEmpty.tsx';
import { SortSelect, sortFrom } from './SortSelect.tsx';
import { toPlayerTrack } from './to-player-track.ts';
import { TrackList } from './TrackList.tsx';
import './browse.css';

const SORTS = ['title', 'newest', 'duration'] as const;

export default function SongsPage() {
  const { t } = useTranslation();
  const engine = usePlayer();
  const [params, setParams] = useSearchParams();
  const sort = sortFrom(params, SORTS, 'title');
  const tracks = useInfiniteTracks(sort);
  const items = tracks.data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <div className="page">
      <div className="section-head">
        <h1 className="page-title">{t('nav.songs')}</h1>
        <div className="head-actions">
          <button
            type="button"
            className="btn btn-primary"
            disabled={items.length === 0}
            onClick={() =>
              engine.playTracks(
                items.map((track) => toPlayerTrack(track, { type: 'library' })),
                0,
              )
            }
          >
            <PlayIcon /> {t('album.playAll')}
          </button>
          <SortSelect
            value={sort}
            options={SORTS}
            onChange={(next) => setParams({ sort: next }, { replace: true })}
          />
        </div>
      </div>
      <QueryView query={tracks} skeleton={<TrackListSkeleton rows={12} />}>
        {() =>
          items.length === 0 ? (
            <LibraryEmpty />
          ) : (
            <>
              <TrackList tracks={items} source={{ type: 'library' }} showCover label={t('nav.songs')} />
              <LoadMore
                hasMore={tracks.hasNextPage}
                loading={tracks.isFetchingNextPage}
                failed={tracks.isFetchNextPageError}
                onLoadMore={() => void tracks.fetchNextPage()}
              />
            </>
          )
        }
      </QueryView>
    </div>
  );
}
