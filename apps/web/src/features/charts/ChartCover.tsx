import { useTranslation } from 'react-i18next';

/** A chart's cover: its colour and its name, no picture needed. */
export function ChartCover({
  name,
  titleKey,
  className = '',
}: {
  name: string;
  titleKey: string;
  className?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className={`chart-cover chart-cover-${name} ${className}`} aria-hidden="true">
      <span>{t(titleKey)}</span>
    </div>
  );
}
