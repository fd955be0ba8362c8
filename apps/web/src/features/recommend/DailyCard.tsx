import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PlayIcon } from '../../components/icons.tsx';
import { DateTile } from './DateTile.tsx';
import { localDay } from './day-picker.ts';
import { useDaily } from './recommend-queries.ts';
import { usePlayTodaysPicks } from './use-play-daily.ts';

/** The home page's 每日推荐 card: today's calendar leaf; the button plays the list right here. */
export function DailyCard() {
  const { t } = useTranslation();
  const daily = useDaily(null);
  const play = usePlayTodaysPicks();
  return (
    <div className="rec-card rec-card-daily" data-testid="daily-card">
      <Link className="rec-card-link" to="/daily">
        <DateTile day={daily.data?.date ?? localDay()} small />
        <span className="rec-card-text">
          <span className="rec-card-title">{t('recommend.daily.cardTitle')}</span>
          <span className="rec-card-hint">{t('recommend.daily.cardHint')}</span>
        </span>
      </Link>
      <button
        type="button"
        className="rec-card-play"
        onClick={() => void play()}
        disabled={daily.data?.tracks.length === 0}
        aria-label={t('recommend.daily.playToday')}
        data-testid="daily-card-play"
      >
        <PlayIcon />
      </button>
    </div>
  );
}
