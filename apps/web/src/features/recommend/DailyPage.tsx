import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PlayIcon } from '../../components/icons.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { EmptyState, TrackListSkeleton } from '../../components/StateViews.tsx';
import { ApiError } from '../../lib/api.ts';
import { usePlayer } from '../player-ui/player-context.tsx';
import { DailyTrackList } from './DailyTrackList.tsx';
import { DateTile } from './DateTile.tsx';
import { chooseDay, formatDay, localDay } from './day-picker.ts';
import { DayPicker } from './DayPicker.tsx';
import { CalendarIcon } from './recommend-icons.tsx';
import { useDaily } from './recommend-queries.ts';
import { dailyQueue } from './use-play-daily.ts';
import '../browse/browse.css';
import './daily.css';

/** 每日推荐: today's 30 songs with their reasons, and the lists of the past week. */
export default function DailyPage() {
  const { t, i18n } = useTranslation();
  const engine = usePlayer();
  const [params, setParams] = useSearchParams();
  // Today's list always loads: the server's answer says which day "today" is for this user.
  const todays = useDaily(null);
  const today = todays.data?.date ?? null;
  const day = today ? chooseDay(params.get('date'), today) : null;
  const past = day !== null && day !== today;
  const pastList = useDaily(past ? day : null, past);
  const shown = past ? pastList : todays;
  const list = shown.data;

  const pick = (next: string) => setParams(next === today ? {} : { date: next }, { replace: true });
  const subtitle = past
    ? t('recommend.daily.pastSubtitle', { date: formatDay(day, i18n.language) })
    : list?.coldStart
      ? t('recommend.daily.coldSubtitle')
      : t('recommend.daily.subtitle');

  return (
    <div className="page daily-page">
      <header className="daily-head">
        <DateTile day={day ?? localDay()} />
        <div className="daily-head-info">
          <span className="detail-kind">
            <CalendarIcon /> {t('recommend.nav.daily')}
          </span>
          <h1 className="detail-title">{t('recommend.daily.title')}</h1>
          <p className="muted daily-subtitle">{subtitle}</p>
          <div className="head-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={!list || list.tracks.length === 0}
              onClick={() => list && engine.playTracks(dailyQueue(list), 0)}
              data-testid="daily-play-all"
            >
              <PlayIcon /> {t('recommend.daily.playAll')}
            </button>
            {today && day ? <DayPicker today={today} value={day} onChange={pick} /> : null}
          </div>
        </div>
      </header>
      {past && shown.error instanceof ApiError && shown.error.status === 404 ? (
        <NoList onBack={() => pick(today ?? '')} />
      ) : (
        <QueryView query={shown} skeleton={<TrackListSkeleton rows={10} />}>
          {(data) =>
            data.tracks.length === 0 ? (
              <NoList />
            ) : (
              <DailyTrackList list={data} today={!past} key={data.date} />
            )
          }
        </QueryView>
      )}
    </div>
  );
}

function NoList({ onBack }: { onBack?: () => void }) {
  const { t } = useTranslation();
  return (
    <EmptyState title={t('recommend.daily.empty')}>
      <p>{t('recommend.daily.emptyHint')}</p>
      {onBack ? (
        <button type="button" className="btn" onClick={onBack}>
          {t('recommend.daily.backToToday')}
        </button>
      ) : null}
    </EmptyState>
  );
}
