import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Cover } from '../../components/Cover.tsx';
import { HeadphonesIcon, LockIcon, PlayIcon } from '../../components/icons.tsx';
import { formatCompactCount } from '../../lib/intl-format.ts';
import { usePlayPlaylist } from './use-play-playlist.ts';
import '../browse/cards.css';
import './playlist-card.css';

export interface CardPlaylist {
  id: string;
  name: string;
  coverUrl: string | null;
  playCount?: number;
  trackCount?: number;
  visibility?: 'public' | 'private';
  owner?: { id: string; nickname: string };
}

/** Playlists as a grid of covers: the square, the home page row, a user's lists. */
export function PlaylistGrid({
  playlists,
  subtitle = 'none',
}: {
  playlists: readonly CardPlaylist[];
  subtitle?: 'owner' | 'trackCount' | 'none';
}) {
  return (
    <div className="card-grid">
      {playlists.map((playlist) => (
        <PlaylistCard key={playlist.id} playlist={playlist} subtitle={subtitle} />
      ))}
    </div>
  );
}

export function PlaylistCard({
  playlist,
  subtitle = 'none',
}: {
  playlist: CardPlaylist;
  subtitle?: 'owner' | 'trackCount' | 'none';
}) {
  const { t, i18n } = useTranslation();
  const play = usePlayPlaylist();
  const to = `/playlists/${playlist.id}`;
  return (
    <div className="card playlist-card" data-testid="playlist-card">
      <div className="card-cover">
        <Link to={to} aria-label={playlist.name} tabIndex={-1}>
          <Cover url={playlist.coverUrl} size={180} />
        </Link>
        {playlist.playCount !== undefined ? (
          <span
            className="card-plays"
            aria-label={t('playlists.playCount', {
              count: playlist.playCount,
              formatted: formatCompactCount(playlist.playCount, i18n.language),
            })}
          >
            <HeadphonesIcon /> {formatCompactCount(playlist.playCount, i18n.language)}
          </span>
        ) : null}
        {playlist.trackCount !== 0 ? (
          <button
            type="button"
            className="card-play"
            onClick={() => void play(playlist.id)}
            aria-label={t('playlists.playNamed', { name: playlist.name })}
          >
            <PlayIcon />
          </button>
        ) : null}
      </div>
      <Link className="card-title" to={to}>
        {playlist.visibility === 'private' ? <LockIcon className="icon card-lock" /> : null}
        {playlist.name}
      </Link>
      {subtitle === 'owner' && playlist.owner ? (
        <div className="card-subtitle">
          <Link to={`/users/${playlist.owner.id}`}>{playlist.owner.nickname}</Link>
        </div>
      ) : null}
      {subtitle === 'trackCount' && playlist.trackCount !== undefined ? (
        <div className="card-subtitle">{t('playlists.trackCount', { count: playlist.trackCount })}</div>
      ) : null}
    </div>
  );
}
