import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { DiscIcon, HomeIcon, MicIcon, NoteIcon, UserIcon } from '../components/icons.tsx';

const LINKS = [
  { to: '/', key: 'nav.discover', Icon: HomeIcon, end: true },
  { to: '/albums', key: 'nav.albums', Icon: DiscIcon, end: false },
  { to: '/artists', key: 'nav.artists', Icon: MicIcon, end: false },
  { to: '/songs', key: 'nav.songs', Icon: NoteIcon, end: false },
] as const;

/** Desktop: the grey column of sections. */
export function Sidebar() {
  const { t } = useTranslation();
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <div className="sidebar-group">{t('nav.library')}</div>
      {LINKS.map(({ to, key, Icon, end }) => (
        <NavLink key={to} to={to} end={end} className="sidebar-link">
          <Icon /> {t(key)}
        </NavLink>
      ))}
      <div className="sidebar-group">{t('nav.mine')}</div>
      <NavLink to="/me" className="sidebar-link">
        <UserIcon /> {t('nav.profile')}
      </NavLink>
    </nav>
  );
}

/** Phone: the same sections as a tab bar along the bottom. */
export function MobileNav() {
  const { t } = useTranslation();
  return (
    <nav className="mobile-nav" aria-label={t('nav.label')}>
      {LINKS.map(({ to, key, Icon, end }) => (
        <NavLink key={to} to={to} end={end} className="mobile-nav-link">
          <Icon />
          <span>{t(key)}</span>
        </NavLink>
      ))}
      <NavLink to="/me" className="mobile-nav-link">
        <UserIcon />
        <span>{t('nav.profile')}</span>
      </NavLink>
    </nav>
  );
}
