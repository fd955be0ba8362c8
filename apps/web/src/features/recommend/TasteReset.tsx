import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { RefreshIcon } from '../../components/icons.tsx';
import { Toast } from '../../components/Toast.tsx';
import { useResetTaste } from './recommend-mutations.ts';

/** "Reset my taste profile", after asking. */
export function TasteReset() {
  const { t } = useTranslation();
  const reset = useResetTaste();
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState(false);
  return (
    <div className="rec-setting">
      <div className="rec-setting-text">
        <div className="rec-setting-name">{t('recommend.settings.reset')}</div>
        <p className="muted rec-setting-hint">{t('recommend.settings.resetHint')}</p>
      </div>
      <button type="button" className="btn" onClick={() => setAsking(true)} data-testid="taste-reset">
        <RefreshIcon /> {t('recommend.settings.reset')}
      </button>
      {asking ? (
        <ConfirmDialog
          title={t('recommend.settings.resetTitle')}
          message={t('recommend.settings.resetMessage')}
          confirmLabel={t('recommend.settings.resetConfirm')}
          cancelLabel={t('recommend.settings.cancel')}
          busy={reset.isPending}
          onClose={() => setAsking(false)}
          onConfirm={() =>
            reset.mutate(undefined, {
              onSuccess: () => {
                setAsking(false);
                setDone(true);
              },
            })
          }
        />
      ) : null}
      {done ? <Toast message={t('recommend.settings.resetDone')} onDone={() => setDone(false)} /> : null}
    </div>
  );
}
