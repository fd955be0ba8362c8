import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Avatar } from '../../components/Avatar.tsx';
import { ClockIcon, EditIcon } from '../../components/icons.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { Skeleton } from '../../components/StateViews.tsx';
import type { PublicUser } from '../../lib/api-types.ts';
import { formatDate } from '../../lib/intl-format.ts';
import { useMe } from '../auth/auth-queries.ts';
import { ListeningRanking } from './ListeningRanking.tsx';
import { usePublicUser } from './user-queries.ts';
import { UserPlaylists } from './UserPlaylists.tsx';
import '../browse/cards.css';
import './users.css';

/** Someone's public profile: who they are, their playlists and what they listen to most. */
export default function UserPage() {
  const { id = '' } = useParams();
  const user = usePublicUser(id);
  const own = useMe().data?.id === id;
  return (
    <div className="page user-page">
      <QueryView query={user} skeleton={<Skeleton height={120} />}>
        {(data) => (
          <>
            <UserHead user={data} own={own} />
            <UserPlaylists userId={data.id} kind="created" own={own} />
            <UserPlaylists userId={data.id} kind="subscribed" own={own} />
            <ListeningRanking userId={data.id} own={own} />
          </>
        )}
      </QueryView>
    </div>
  );
}

function UserHead({ user, own }: { user: PublicUser; own: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <header className="user-head">
      <Avatar url={user.avatarUrl} size={128} alt={user.nickname} className="user-head-avatar" />
      <div className="user-head-info">
        <h1 className="user-name-title" data-testid="user-nickname">
          {user.nickname}
          {user.role !== 'listener' ? (
            <span className="role-badge">{t(`users.role.${user.role}`)}</span>
          ) : null}
        </h1>
        <p className="muted user-handle">
          @{user.username} · {t('users.joined', { date: formatDate(user.createdAt, i18n.language) })}
        </p>
        {user.bio ? <p className="user-bio">{user.bio}</p> : null}
        {own ? (
          <div className="head-actions">
            <Link className="btn" to="/me">
              <EditIcon /> {t('users.editProfile')}
            </Link>
            <Link className="btn" to="/history">
              <ClockIcon /> {t('users.recent')}
            </Link>
          </div>
        ) : null}
      </div>
    </header>
  );
}
