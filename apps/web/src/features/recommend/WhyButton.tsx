import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorState, Skeleton } from '../../components/StateViews.tsx';
import { ApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/intl-format.ts';
import { formatDay } from './day-picker.ts';
import { QuestionIcon } from './recommend-icons.tsx';
import { useWhy } from './recommend-queries.ts';
import { ReasonLine } from './ReasonLine.tsx';
import './why.css';

/** The small "why?" next to a recommendation: the stored reasons, from the server. */
export function WhyButton({ trackId, title }: { trackId: string; title: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="why-button"
        onClick={() => setOpen(true)}
        aria-label={t('recommend.why.actionNamed', { title })}
        title={t('recommend.why.action')}
        data-testid="why-button"
      >
        <QuestionIcon />
        <span className="why-button-text">{t('recommend.why.action')}</span>
      </button>
      {open ? <WhyDialog trackId={trackId} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function WhyDialog({ trackId, onClose }: { trackId: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('recommend.why.title')}
      closeLabel={t('recommend.why.close')}
      onClose={onClose}
      className="dialog-small"
    >
      <WhyContent trackId={trackId} />
    </Dialog>
  );
}

function WhyContent({ trackId }: { trackId: string }) {
  const { t, i18n } = useTranslation();
  const why = useWhy(trackId);
  if (why.isPending) return <Skeleton height={48} />;
  if (why.error instanceof ApiError && why.error.status === 404) {
    return <p className="dialog-message">{t('recommend.why.none')}</p>;
  }
  if (!why.data) return <ErrorState error={why.error} onRetry={() => void why.refetch()} />;
  const { track, explanations } = why.data;
  return (
    <div className="why" data-testid="why">
      <p className="why-track">
        {track.title}
        <span className="muted"> · {track.artists.map((artist) => artist.name).join(' / ')}</span>
      </p>
      <ul className="why-list">
        {explanations.map((explanation, index) => (
          <li key={index} className="why-item">
            <span className="why-source muted">
              {explanation.source === 'daily'
                ? t('recommend.why.daily', { date: formatDay(explanation.day ?? '', i18n.language) })
                : t('recommend.why.fm', { date: formatDateTime(explanation.servedAt ?? '', i18n.language) })}
            </span>
            <ReasonLine reason={explanation.reason} track={track} />
          </li>
        ))}
      </ul>
    </div>
  );
}
