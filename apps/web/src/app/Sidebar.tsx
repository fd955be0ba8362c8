import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import {
  ChartIcon,
  ClockIcon,
  DiscIcon,
  HeartIcon,
  HomeIcon,
  MicIcon,
  NoteIcon,
  PlaylistIcon,
  UserIcon,
} from '../components/icons.tsx';
import { useMe } from '../features/auth/auth-queries.ts';
import { SidebarPlaylists } from '../features/playlists/SidebarPlaylists.tsx';
import { CalendarIcon, RadioIcon } from '../features/recommend/recommend-icons.tsx';

const LINKS = [
  { to: '/', key: 'nav.discover', Icon: HomeIcon, end: true },
  { to: '/albums', key: 'nav.albums', Icon: DiscIcon, end: false },
  { to: '/artists', key: 'nav.artists', Icon: MicIcon, end: false },
  { to: '/songs', key: 'nav.songs', Icon: NoteIcon, end: false },
] as const;

const DESKTOP_EXTRA = [
  { to: '/daily', key: 'recommend.nav.daily', Icon: CalendarIcon, end: true },
  { to: '/fm', key: 'recommend.nav.fm', Icon: RadioIcon, end: true },
  { to: '/playlists', key: 'nav.square', Icon: PlaylistIcon, end: true },
  { to: '/charts', key: 'nav.charts', Icon: ChartIcon, end: false },
] as const;

const MINE = [
  { to: '/likes', key: 'nav.likedSongs', Icon: HeartIcon },
  { to: '/history', key: 'nav.recent', Icon: ClockIcon },
  { to: '/me', key: 'nav.profile', Icon: UserIcon },
] as const;

/** Desktop: the grey column of sections, then my playlists. */
export function Sidebar() {
  const { t } = useTranslation();
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <div className="sidebar-group">{t('nav.library')}</div>
      {[...LINKS.slice(0, 1), ...DESKTOP_EXTRA, ...LINKS.slice(1)].map(({ to, key, Icon, end }) => (
        <NavLink key={to} to={to} end={end} className="sidebar-link">
          <Icon /> {t(key)}
        </NavLink>
      ))}
      <div className="sidebar-group">{t('nav.mine')}</div>
      {MINE.map(({ to, key, Icon }) => (
        <NavLink key={to} to={to} className="sidebar-link">
          <Icon /> {t(key)}
        </NavLink>
      ))}
      <SidebarPlaylists />
    </nav>
  );
}

/** Phone: the same sections as a tab bar along the bottom; "me" opens my music and profile. */
export function MobileNav() {
  const { t } = useTranslation();
  const me = useMe().data;
  return (
    <nav className="mobile-nav" aria-label={t('nav.label')}>
      {LINKS.map(({ to, key, Icon, end }) => (
        <NavLink key={to} to={to} end={end} className="mobile-nav-link">
          <Icon />
          <span>{t(key)}</span>
        </NavLink>
      ))}
      <NavLink to={me ? `/users/${me.id}` : '/me'} className="mobile-nav-link">
        <UserIcon />
        <span>{t('nav.mine')}</span>
      </NavLink>
    </nav>
  );
}
