import { useTranslation } from 'react-i18next';
import { movementOf } from './chart-movement.ts';

/** ▲3 / ▼2 / NEW / – beside a rank, with a spoken label. */
export function MovementMark({
  entry,
}: {
  entry: { movement: 'up' | 'down' | 'same' | 'new'; change: number };
}) {
  const { t } = useTranslation();
  const movement = movementOf(entry);
  return (
    <span
      className={`movement movement-${movement.kind}`}
      aria-label={t(`charts.movement.${movement.kind}`, { count: movement.places })}
      data-testid="chart-movement"
    >
      <span aria-hidden="true">{movement.text}</span>
    </span>
  );
}
