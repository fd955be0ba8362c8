import { useTranslation } from 'react-i18next';
import { formatDay, pickableDays } from './day-picker.ts';

/** 历史日推: today's list or one of the seven days before it. */
export function DayPicker({
  today,
  value,
  onChange,
}: {
  today: string;
  value: string;
  onChange: (day: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const days = pickableDays(today);
  const label = (day: string, index: number) =>
    index === 0
      ? t('recommend.daily.today')
      : index === 1
        ? t('recommend.daily.yesterday')
        : formatDay(day, i18n.language);
  return (
    <label className="day-picker">
      <span className="visually-hidden">{t('recommend.daily.day')}</span>
      <select
        className="input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid="day-picker"
      >
        {days.map((day, index) => (
          <option key={day} value={day}>
            {label(day, index)}
          </option>
        ))}
      </select>
    </label>
  );
}
