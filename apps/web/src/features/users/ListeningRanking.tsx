import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryView } from '../../components/QueryView.tsx';
import { EmptyState, ErrorState, TrackListSkeleton } from '../../components/StateViews.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { ApiError } from '../../lib/api.ts';
import { RankingList } from './RankingList.tsx';
import { useListeningSettings, useRanking, useSetRankingHidden, type RankingPeriod } from './user-queries.ts';

const PERIODS = ['week', 'all'] as const;

/** The profile's listening ranking, of the week or of all time; its owner may hide it. */
export function ListeningRanking({ userId, own }: { userId: string; own: boolean }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<RankingPeriod>('week');
  return (
    <section className="section" aria-labelledby="ranking-title">
      <div className="section-head">
        <h2 className="section-title" id="ranking-title">
          {t('users.ranking.title')}
        </h2>
        {own ? <HideRankingSwitch /> : null}
      </div>
      <Tabs
        value={period}
        options={PERIODS}
        label={t('users.ranking.periods')}
        labelOf={(option) => t(`users.ranking.${option}`)}
        onChange={setPeriod}
        testIdPrefix="ranking-tab"
      />
      <RankingPanel userId={userId} period={period} key={period} />
    </section>
  );
}

function RankingPanel({ userId, period }: { userId: string; period: RankingPeriod }) {
  const { t } = useTranslation();
  const ranking = useRanking(userId, period);
  if (ranking.error instanceof ApiError && ranking.error.code === 'ranking_hidden') {
    return <EmptyState title={t('users.ranking.hidden')}>{t('users.ranking.hiddenHint')}</EmptyState>;
  }
  if (ranking.isError) return <ErrorState error={ranking.error} onRetry={() => void ranking.refetch()} />;
  return (
    <QueryView query={ranking} skeleton={<TrackListSkeleton rows={5} />}>
      {(data) =>
        data.entries.length === 0 ? (
          <EmptyState title={t(`users.ranking.empty.${period}`)} />
        ) : (
          <>
            {data.hidden ? <p className="muted user-empty">{t('users.ranking.onlyYou')}</p> : null}
            <RankingList entries={data.entries} label={t(`users.ranking.${period}`)} />
          </>
        )
      }
    </QueryView>
  );
}

function HideRankingSwitch() {
  const { t } = useTranslation();
  const settings = useListeningSettings(true);
  const save = useSetRankingHidden();
  const hidden = save.isPending ? (save.variables ?? false) : (settings.data?.rankingHidden ?? false);
  return (
    <label className="switch">
      <input
        type="checkbox"
        role="switch"
        checked={hidden}
        disabled={!settings.data || save.isPending}
        onChange={(event) => save.mutate(event.target.checked)}
        data-testid="hide-ranking"
      />
      <span className="switch-track" aria-hidden="true" />
      {t('users.ranking.hide')}
    </label>
  );
}
