import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LogoMark } from '../components/icons.tsx';
import { SearchBox } from '../features/search/SearchBox.tsx';
import { LanguageToggle } from '../features/profile/LanguageToggle.tsx';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';
import { UserMenu } from './UserMenu.tsx';

/** The red bar: brand, search, language, notifications, account. */
export function TopBar() {
  const { t } = useTranslation();
  return (
    <header className="top-bar">
      <Link to="/" className="brand" aria-label={t('app.name')}>
        <LogoMark />
        <span className="brand-name">{t('app.name')}</span>
      </Link>
      <SearchBox />
      <div className="top-bar-end">
        <LanguageToggle className="on-red" />
        <NotificationBell />
        <UserMenu />
      </div>
    </header>
  );
}
