import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { BellIcon } from '../../components/icons.tsx';
import { useUnreadCount } from './notification-queries.ts';
import { useRealtimeNotifications } from './use-realtime-notifications.ts';
import './notification-bell.css';

/** The bell in the top bar with the unread count, kept current over the WebSocket. */
export function NotificationBell() {
  const { t } = useTranslation();
  useRealtimeNotifications();
  const unread = useUnreadCount().data ?? 0;
  const label = unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell');
  return (
    <NavLink
      to="/notifications"
      className="bell"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
    >
      <BellIcon />
      {unread > 0 ? (
        <span className="bell-badge" data-testid="notification-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </NavLink>
  );
}
