import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Avatar } from '../../components/Avatar.tsx';
import { ChevronLeftIcon } from '../../components/icons.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { EmptyState, TrackListSkeleton } from '../../components/StateViews.tsx';
import { formatDate } from '../../lib/intl-format.ts';
import { useSubscribers } from './playlist-queries.ts';
import './playlists.css';

/** Who collected a playlist, most recent first. */
export default function SubscribersPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const subscribers = useSubscribers(id);
  return (
    <div className="page">
      <Link className="back-link" to={`/playlists/${id}`}>
        <ChevronLeftIcon /> {t('playlists.backToPlaylist')}
      </Link>
      <h1 className="page-title">{t('playlists.subscribers')}</h1>
      <QueryView query={subscribers} skeleton={<TrackListSkeleton rows={6} />}>
        {(data) => {
          const people = data.pages.flatMap((page) => page.data);
          if (people.length === 0) return <EmptyState title={t('playlists.noSubscribers')} />;
          return (
            <>
              <ul className="people-list">
                {people.map((person) => (
                  <li key={person.id}>
                    <Link className="person-row" to={`/users/${person.id}`} data-testid="subscriber">
                      <Avatar url={person.avatarUrl} size={44} />
                      <span className="person-names">
                        <span>{person.nickname}</span>
                        <span className="muted">@{person.username}</span>
                      </span>
                      <span className="muted person-date">
                        {t('playlists.subscribedOn', {
                          date: formatDate(person.subscribedAt, i18n.language),
                        })}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
              <LoadMore
                hasMore={subscribers.hasNextPage}
                loading={subscribers.isFetchingNextPage}
                failed={subscribers.isFetchNextPageError}
                onLoadMore={() => void subscribers.fetchNextPage()}
              />
            </>
          );
        }}
      </QueryView>
    </div>
  );
}
