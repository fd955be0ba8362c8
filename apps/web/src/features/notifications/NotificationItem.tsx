import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Avatar } from '../../components/Avatar.tsx';
import { commentTargetPath } from '../comments/comment-link.ts';
import { formatRelativeTime } from '../comments/relative-time.ts';
import { describeNotification, type GroupCounting } from './notification-text.ts';
import type { Notification } from '../../lib/api-types.ts';

/** One notification: who did what, the comment it is about, and a link to where it lives. */
export function NotificationItem({
  notification: n,
  onOpen,
}: {
  notification: Notification;
  onOpen: (n: Notification) => void;
}) {
  const { t, i18n } = useTranslation();
  const counting = t('notifications.groupCounts') as GroupCounting;
  const sentence = describeNotification(n, counting, t('notifications.someone'));
  const [first, second] = n.actors;
  return (
    <li
      className={`notification ${n.read ? '' : 'is-unread'} notification-${n.kind}`}
      data-testid="notification"
    >
      <Link
        to={commentTargetPath(n.comment)}
        className="notification-link"
        onClick={() => onOpen(n)}
        data-kind={n.kind}
      >
        <span className="notification-avatars" aria-hidden="true">
          <Avatar url={first?.avatarUrl} size={40} />
          {second ? <Avatar url={second.avatarUrl} size={24} className="notification-avatar-second" /> : null}
        </span>
        <span className="notification-main">
          <span className="notification-text" data-testid="notification-text">
            {t(sentence.key, sentence.values)}
          </span>
          <span className="notification-excerpt">
            {n.comment.deleted || n.comment.excerpt === null ? (
              <span className="comment-gone">{t('notifications.deletedComment')}</span>
            ) : (
              n.comment.excerpt
            )}
          </span>
          <span className="notification-meta">
            {t(`notifications.on.${n.comment.targetType}`)} ·{' '}
            <time dateTime={n.updatedAt}>{formatRelativeTime(n.updatedAt, new Date(), i18n.language)}</time>
          </span>
        </span>
        {n.read ? null : <span className="unread-dot" role="img" aria-label={t('notifications.unread')} />}
      </Link>
    </li>
  );
}
