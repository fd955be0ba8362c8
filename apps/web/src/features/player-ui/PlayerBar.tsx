import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { Cover } from '../../components/Cover.tsx';
import { QueueIcon } from '../../components/icons.tsx';
import { LikeButton } from '../likes/LikeButton.tsx';
import { AddToPlaylistButton } from '../playlists/AddToPlaylistButton.tsx';
import { PlayModeButton } from './PlayModeButton.tsx';
import { usePlayerState } from './player-context.tsx';
import { useQueuePanel } from './queue-panel-state.tsx';
import { SeekBar } from './SeekBar.tsx';
import { TransportControls } from './TransportControls.tsx';
import { VolumeControl } from './VolumeControl.tsx';
import './player-bar.css';

/** The bar at the bottom of every page: what is playing and how to control it. */
export function PlayerBar() {
  const { t } = useTranslation();
  const current = usePlayerState((s) => s.current);
  const count = usePlayerState((s) => s.entries.length);
  const error = usePlayerState((s) => s.error);
  const queue = useQueuePanel();
  const onNowPlaying = useLocation().pathname === '/now-playing';
  const track = current?.track;

  return (
    <footer className={`player-bar ${onNowPlaying ? 'on-now-playing' : ''}`} aria-label={t('player.label')}>
      <MobileProgress />
      <div className="pb-track">
        {track ? (
          <>
            <Link to="/now-playing" className="pb-cover" aria-label={t('player.openNowPlaying')}>
              <Cover url={track.coverUrl} size={48} />
            </Link>
            <div className="pb-text">
              <Link to="/now-playing" className="pb-title" data-testid="player-title">
                {track.title}
              </Link>
              <span className="pb-artist">
                {error ? (
                  <span className="pb-error" role="alert">
                    {t('player.error')}
                  </span>
                ) : (
                  track.artists.map((a) => a.name).join(' / ')
                )}
              </span>
            </div>
            <span className="pb-track-actions">
              <LikeButton trackId={track.id} />
              <AddToPlaylistButton trackIds={[track.id]} />
            </span>
          </>
        ) : (
          <span className="pb-idle">{t('player.idle')}</span>
        )}
      </div>
      <div className="pb-center">
        <div className="pb-controls">
          <span className="pb-desktop">
            <PlayModeButton />
          </span>
          <TransportControls />
        </div>
        <div className="pb-desktop pb-seek">
          <SeekBar />
        </div>
      </div>
      <div className="pb-right">
        <span className="pb-desktop">
          <VolumeControl />
        </span>
        <button
          type="button"
          className={`icon-btn pb-queue ${queue.open ? 'is-on' : ''}`}
          onClick={queue.toggle}
          aria-label={t('queue.toggle', { count })}
          aria-expanded={queue.open}
          data-testid="queue-toggle"
        >
          <QueueIcon />
          {count > 0 ? <span className="pb-count">{count > 99 ? '99+' : count}</span> : null}
        </button>
      </div>
    </footer>
  );
}

/** On a phone the bar has no room for a seek bar: a thin progress line along its top instead. */
function MobileProgress() {
  const position = usePlayerState((s) => s.position);
  const duration = usePlayerState((s) => s.duration);
  const fraction = duration > 0 ? Math.min(1, position / duration) : 0;
  return (
    <div className="pb-mobile-progress" aria-hidden="true">
      <div style={{ width: `${fraction * 100}%` }} />
    </div>
  );
}
