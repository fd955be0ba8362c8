import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { needsOnboarding } from './onboarding-needed.ts';
import { OnboardingDialog } from './OnboardingDialog.tsx';
import { useDaily, useTaste } from './recommend-queries.ts';
import './onboarding.css';

/** For a listener we know nothing about: pick a few genres or artists to start from. */
export function OnboardingCard() {
  const { t } = useTranslation();
  const taste = useTaste();
  const daily = useDaily(null);
  const [later, setLater] = useState(false);
  const [open, setOpen] = useState(false);
  if (later || !needsOnboarding(taste.data, daily.data)) return null;
  return (
    <section className="onboarding-card" data-testid="onboarding-card">
      <div className="onboarding-card-text">
        <h2 className="onboarding-card-title">{t('recommend.onboarding.cardTitle')}</h2>
        <p className="onboarding-card-body">{t('recommend.onboarding.cardText')}</p>
      </div>
      <div className="onboarding-card-actions">
        <button type="button" className="btn" onClick={() => setLater(true)}>
          {t('recommend.onboarding.later')}
        </button>
        <button type="button" className="btn btn-primary" onClick={() => setOpen(true)}>
          {t('recommend.onboarding.start')}
        </button>
      </div>
      {open ? <OnboardingDialog onClose={() => setOpen(false)} /> : null}
    </section>
  );
}
