import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryView } from '../../components/QueryView.tsx';
import { CardGridSkeleton } from '../../components/StateViews.tsx';
import { formatDateTime } from '../../lib/intl-format.ts';
import { ChartCover } from './ChartCover.tsx';
import { useCharts } from './chart-queries.ts';
import { MovementMark } from './MovementMark.tsx';
import './charts.css';

type Summary = NonNullable<ReturnType<typeof useCharts>['data']>[number];

/** The charts: each with its top three and when it was last worked out. */
export default function ChartsPage() {
  const { t } = useTranslation();
  const charts = useCharts();
  return (
    <div className="page">
      <h1 className="page-title">{t('charts.title')}</h1>
      <QueryView query={charts} skeleton={<CardGridSkeleton count={4} />}>
        {(data) => (
          <div className="chart-cards">
            {data.map((chart) => (
              <ChartCard key={chart.name} chart={chart} />
            ))}
          </div>
        )}
      </QueryView>
    </div>
  );
}

function ChartCard({ chart }: { chart: Summary }) {
  const { t, i18n } = useTranslation();
  const to = `/charts/${chart.name}`;
  return (
    <section className="chart-card" aria-labelledby={`chart-${chart.name}`} data-testid="chart-card">
      <Link to={to} tabIndex={-1}>
        <ChartCover name={chart.name} titleKey={chart.titleKey} />
      </Link>
      <div className="chart-card-body">
        <h2 className="chart-card-title" id={`chart-${chart.name}`}>
          <Link to={to}>{t(chart.titleKey)}</Link>
        </h2>
        <p className="muted chart-card-meta">
          {chart.refreshedAt
            ? t('charts.refreshedAt', { time: formatDateTime(chart.refreshedAt, i18n.language) })
            : t('charts.notYet')}
        </p>
        {!chart.available ? (
          <p className="chart-card-empty">
            {t(`charts.unavailable.${chart.name}`, t('charts.unavailable.other'))}
          </p>
        ) : chart.preview.length === 0 ? (
          <p className="chart-card-empty">{t('charts.empty')}</p>
        ) : (
          <ol className="chart-preview">
            {chart.preview.map((entry) => (
              <li key={entry.track.id}>
                <span className="chart-rank">{entry.rank}</span>
                <span className="chart-preview-title">
                  {entry.track.title}
                  <span className="muted">
                    {' '}
                    - {entry.track.artists.map((artist) => artist.name).join(' / ')}
                  </span>
                </span>
                <MovementMark entry={entry} />
              </li>
            ))}
          </ol>
        )}
        <Link className="section-link" to={to}>
          {t('charts.viewAll')}
        </Link>
      </div>
    </section>
  );
}
