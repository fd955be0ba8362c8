import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { PlayIcon, PlusIcon } from '../../components/icons.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { EmptyState } from '../../components/StateViews.tsx';
import { formatDateTime } from '../../lib/intl-format.ts';
import { DetailSkeleton } from '../browse/AlbumPage.tsx';
import { toPlayerTrack } from '../browse/to-player-track.ts';
import { TrackList } from '../browse/TrackList.tsx';
import { usePlayer } from '../player-ui/player-context.tsx';
import { ChartCover } from './ChartCover.tsx';
import { useChart } from './chart-queries.ts';
import { MovementMark } from './MovementMark.tsx';
import '../browse/browse.css';
import './charts.css';

type Chart = NonNullable<ReturnType<typeof useChart>['data']>;

/** One chart: rank, movement since the refresh before, and the songs to play. */
export default function ChartPage() {
  const { name = '' } = useParams();
  const chart = useChart(name);
  return (
    <div className="page">
      <QueryView query={chart} skeleton={<DetailSkeleton />}>
        {(data) => <ChartView chart={data} />}
      </QueryView>
    </div>
  );
}

function ChartView({ chart }: { chart: Chart }) {
  const { t, i18n } = useTranslation();
  const engine = usePlayer();
  const source = { type: 'chart', id: chart.name } as const;
  const tracks = chart.entries.map((entry) => entry.track);
  const playable = tracks.map((track) => toPlayerTrack(track, source));
  return (
    <>
      <header className="detail-head">
        <ChartCover name={chart.name} titleKey={chart.titleKey} className="detail-cover" />
        <div className="detail-info">
          <span className="detail-kind">{t('charts.kind')}</span>
          <h1 className="detail-title">{t(chart.titleKey)}</h1>
          <p className="detail-meta muted">{t(chart.descriptionKey)}</p>
          <p className="detail-meta muted">
            {chart.refreshedAt
              ? t('charts.refreshedAt', { time: formatDateTime(chart.refreshedAt, i18n.language) })
              : t('charts.notYet')}
          </p>
          <div className="head-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={playable.length === 0}
              onClick={() => engine.playTracks(playable, 0)}
            >
              <PlayIcon /> {t('charts.playAll')}
            </button>
            <button
              type="button"
              className="btn"
              disabled={playable.length === 0}
              onClick={() => engine.addToQueue(playable)}
            >
              <PlusIcon /> {t('charts.queueAll')}
            </button>
          </div>
        </div>
      </header>
      {!chart.available ? (
        <EmptyState title={t(`charts.unavailable.${chart.name}`, t('charts.unavailable.other'))} />
      ) : tracks.length === 0 ? (
        <EmptyState title={t('charts.empty')}>{t('charts.emptyHint')}</EmptyState>
      ) : (
        <div className="chart-list">
          <TrackList
            tracks={tracks}
            source={source}
            showCover
            label={t(chart.titleKey)}
            badge={(_track, index) => {
              const entry = chart.entries[index];
              return entry ? <MovementMark entry={entry} /> : null;
            }}
          />
        </div>
      )}
    </>
  );
}
