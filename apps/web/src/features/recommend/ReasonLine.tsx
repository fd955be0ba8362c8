import { useTranslation } from 'react-i18next';
import { reasonMessage, type ReasonTrack } from './reason-text.ts';
import type { RecommendationReason } from './recommend-types.ts';
import './reason-line.css';

/** Why a track was recommended, as one short sentence in the reader's language. */
export function ReasonLine({ reason, track }: { reason: RecommendationReason; track?: ReasonTrack }) {
  const { t } = useTranslation();
  const { key, values } = reasonMessage(reason, track);
  return (
    <span className="reason-line" data-testid="reason">
      {t(key, values)}
    </span>
  );
}
