import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LogoMark } from '../../components/icons.tsx';
import { LanguageToggle } from '../profile/LanguageToggle.tsx';
import './auth.css';

/** The red welcome panel beside the login and register forms. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="auth">
      <aside className="auth-brand">
        <div className="auth-brand-inner">
          <LogoMark className="icon auth-logo" />
          <h1 className="auth-brand-name">{t('app.name')}</h1>
          <p className="auth-brand-tagline">{t('app.tagline')}</p>
        </div>
      </aside>
      <main className="auth-main">
        <div className="auth-lang">
          <LanguageToggle />
        </div>
        <div className="auth-card">
          <h2 className="auth-title">{title}</h2>
          {children}
        </div>
      </main>
    </div>
  );
}
