import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PlayIcon } from '../../components/icons.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { CardGridSkeleton, EmptyState, TrackListSkeleton } from '../../components/StateViews.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import type { Track } from '../../lib/api-types.ts';
import { AlbumGrid } from '../browse/AlbumCard.tsx';
import { toPlayerTrack } from '../browse/to-player-track.ts';
import { TrackList } from '../browse/TrackList.tsx';
import { usePlayer } from '../player-ui/player-context.tsx';
import { PlaylistGrid } from '../playlists/PlaylistCard.tsx';
import { HISTORY_KINDS, useHistory, type HistoryKind } from './history-queries.ts';
import '../browse/browse.css';

const SOURCE = { type: 'history' } as const;

/** Recently played: songs, albums and playlists, each once, most recent first. */
export default function HistoryPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const kind = HISTORY_KINDS.find((candidate) => candidate === params.get('kind')) ?? 'tracks';
  return (
    <div className="page">
      <h1 className="page-title">{t('history.title')}</h1>
      <Tabs
        value={kind}
        options={HISTORY_KINDS}
        label={t('history.kinds')}
        labelOf={(option) => t(`history.kind.${option}`)}
        onChange={(next) => setParams({ kind: next }, { replace: true })}
        testIdPrefix="history-tab"
      />
      <div role="tabpanel">
        <HistoryList kind={kind} key={kind} />
      </div>
    </div>
  );
}

function HistoryList({ kind }: { kind: HistoryKind }) {
  const { t } = useTranslation();
  const history = useHistory(kind);
  const skeleton = kind === 'tracks' ? <TrackListSkeleton rows={10} /> : <CardGridSkeleton count={12} />;
  return (
    <QueryView query={history} skeleton={skeleton}>
      {(data) => {
        const items = data.pages.flatMap((page) => page.data);
        if (items.length === 0) {
          return <EmptyState title={t(`history.empty.${kind}`)}>{t('history.emptyHint')}</EmptyState>;
        }
        return (
          <>
            {kind === 'tracks' ? (
              <HistoryTracks tracks={items.flatMap((item) => (item.kind === 'track' ? [item.track] : []))} />
            ) : null}
            {kind === 'albums' ? (
              <AlbumGrid albums={items.flatMap((item) => (item.kind === 'album' ? [item.album] : []))} />
            ) : null}
            {kind === 'playlists' ? (
              <PlaylistGrid
                playlists={items.flatMap((item) => (item.kind === 'playlist' ? [item.playlist] : []))}
                subtitle="owner"
              />
            ) : null}
            <LoadMore
              hasMore={history.hasNextPage}
              loading={history.isFetchingNextPage}
              failed={history.isFetchNextPageError}
              onLoadMore={() => void history.fetchNextPage()}
            />
          </>
        );
      }}
    </QueryView>
  );
}

function HistoryTracks({ tracks }: { tracks: Track[] }) {
  const { t } = useTranslation();
  const engine = usePlayer();
  return (
    <>
      <div className="head-actions history-actions">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() =>
            engine.playTracks(
              tracks.map((track) => toPlayerTrack(track, SOURCE)),
              0,
            )
          }
        >
          <PlayIcon /> {t('history.playAll')}
        </button>
      </div>
      <TrackList tracks={tracks} source={SOURCE} showCover label={t('history.kind.tracks')} />
    </>
  );
}
