import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Avatar } from '../../components/Avatar.tsx';
import { EditIcon, LockIcon, PlayIcon, PlusIcon } from '../../components/icons.tsx';
import type { Playlist } from '../../lib/api-types.ts';
import { formatCompactCount, formatDate } from '../../lib/intl-format.ts';
import { DeletePlaylistButton } from './DeletePlaylistButton.tsx';
import { PlaylistCoverControl } from './PlaylistCoverControl.tsx';
import { PlaylistEditDialog } from './PlaylistEditDialog.tsx';
import { SubscribeButton } from './SubscribeButton.tsx';
import { useTagLabel } from './use-tag-labels.ts';

interface Props {
  playlist: Playlist;
  onPlayAll: () => void;
  onQueueAll: () => void;
}

/** Cover, name, owner, what to do with it, tags, description and counts. */
export function PlaylistHeader({ playlist, onPlayAll, onQueueAll }: Props) {
  const { t, i18n } = useTranslation();
  const tagLabel = useTagLabel();
  const [editing, setEditing] = useState(false);
  const empty = playlist.trackCount === 0;
  const mine = playlist.abilities.update;

  return (
    <header className="detail-head playlist-head">
      <PlaylistCoverControl playlist={playlist} />
      <div className="detail-info">
        <span className="detail-kind">{t('playlists.kind')}</span>
        <h1 className="detail-title" data-testid="playlist-name">
          {playlist.visibility === 'private' ? (
            <LockIcon className="icon playlist-lock" aria-label={t('playlists.private')} />
          ) : null}
          {playlist.name}
        </h1>
        <p className="detail-meta playlist-owner">
          <Link to={`/users/${playlist.owner.id}`}>
            <Avatar url={playlist.owner.avatarUrl} size={24} />
            {playlist.owner.nickname}
          </Link>
          <span className="muted">
            {t('playlists.createdOn', { date: formatDate(playlist.createdAt, i18n.language) })}
          </span>
        </p>
        <div className="head-actions">
          <button type="button" className="btn btn-primary" disabled={empty} onClick={onPlayAll}>
            <PlayIcon /> {t('playlists.playAll')}
          </button>
          <button type="button" className="btn" disabled={empty} onClick={onQueueAll}>
            <PlusIcon /> {t('playlists.queueAll')}
          </button>
          {playlist.abilities.subscribe && !mine ? <SubscribeButton playlist={playlist} /> : null}
          {mine ? (
            <button type="button" className="btn" onClick={() => setEditing(true)}>
              <EditIcon /> {t('playlists.edit.action')}
            </button>
          ) : null}
          {playlist.abilities.delete ? <DeletePlaylistButton playlist={playlist} /> : null}
        </div>
        {playlist.tags.length > 0 ? (
          <p className="detail-meta playlist-tags">
            <span className="muted">{t('playlists.tagsLabel')}</span>
            {playlist.tags.map((tag) => (
              <Link key={tag} className="tag-link" to={`/playlists?tag=${encodeURIComponent(tag)}`}>
                {tagLabel(tag)}
              </Link>
            ))}
          </p>
        ) : null}
        <p className="detail-meta playlist-stats muted">
          <span>{t('playlists.trackCount', { count: playlist.trackCount })}</span>
          <span>
            {t('playlists.playCount', {
              count: playlist.playCount,
              formatted: formatCompactCount(playlist.playCount, i18n.language),
            })}
          </span>
          <Link to={`/playlists/${playlist.id}/subscribers`} data-testid="subscriber-count">
            {t('playlists.subscriberCount', {
              count: playlist.subscriberCount,
              formatted: formatCompactCount(playlist.subscriberCount, i18n.language),
            })}
          </Link>
        </p>
        {playlist.description ? (
          <p className="detail-meta playlist-description">
            <span className="muted">{t('playlists.descriptionLabel')}</span>
            {playlist.description}
          </p>
        ) : null}
      </div>
      {editing ? <PlaylistEditDialog playlist={playlist} onClose={() => setEditing(false)} /> : null}
    </header>
  );
}
