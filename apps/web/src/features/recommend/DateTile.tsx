import { useTranslation } from 'react-i18next';
import { dayAsDate } from './day-picker.ts';
import './date-tile.css';

/** The 每日推荐 calendar leaf: the weekday over the day of the month. */
export function DateTile({ day, small = false }: { day: string; small?: boolean }) {
  const { i18n } = useTranslation();
  const date = dayAsDate(day);
  const weekday = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' }).format(date);
  return (
    <div className={`date-tile ${small ? 'date-tile-small' : ''}`} aria-hidden="true" data-testid="date-tile">
      <span className="date-tile-top">{weekday}</span>
      <span className="date-tile-day">{date.getUTCDate()}</span>
    </div>
  );
}
