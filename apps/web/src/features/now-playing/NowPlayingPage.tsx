import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ChevronDownIcon, QueueIcon } from '../../components/icons.tsx';
import { EmptyState } from '../../components/StateViews.tsx';
import { deviceCoverSrc } from '../../lib/cover-url.ts';
import { CommentsSection } from '../comments/CommentsSection.tsx';
import { LikeButton } from '../likes/LikeButton.tsx';
import { SimilarTracks } from '../recommend/SimilarTracks.tsx';
import { ShareButton } from '../sharing/ShareButton.tsx';
import { PlayModeButton } from '../player-ui/PlayModeButton.tsx';
import { usePlayerState } from '../player-ui/player-context.tsx';
import { useQueuePanel } from '../player-ui/queue-panel-state.tsx';
import { SeekBar } from '../player-ui/SeekBar.tsx';
import { TransportControls } from '../player-ui/TransportControls.tsx';
import { LyricsPanel } from './LyricsPanel.tsx';
import { VinylDisc } from './VinylDisc.tsx';
import './now-playing.css';

export default function NowPlayingPage() {
  const { t } = useTranslation();
  const current = usePlayerState((s) => s.current);
  const paused = usePlayerState((s) => s.paused);
  const queue = useQueuePanel();
  const navigate = useNavigate();
  // Back within the app when there is somewhere to go back to, else home (opened from a link).
  const goBack = () =>
    (window.history.state as { idx?: number } | null)?.idx ? navigate(-1) : navigate('/');

  if (!current) {
    return (
      <div className="page">
        <EmptyState title={t('nowPlaying.nothing')}>
          <Link className="btn btn-primary" to="/">
            {t('nowPlaying.browse')}
          </Link>
        </EmptyState>
      </div>
    );
  }
  const track = current.track;
  const backdrop = deviceCoverSrc(track.coverUrl, 256);

  return (
    <div className="now-playing">
      {backdrop ? (
        <div className="np-backdrop" style={{ backgroundImage: `url("${backdrop}")` }} aria-hidden="true" />
      ) : null}
      <button type="button" className="icon-btn np-back" onClick={goBack} aria-label={t('nowPlaying.back')}>
        <ChevronDownIcon />
      </button>
      <div className="np-body">
        <div className="np-disc">
          <VinylDisc coverUrl={track.coverUrl} playing={!paused} title={track.album?.title ?? track.title} />
        </div>
        <div className="np-side">
          <header className="np-head">
            <div className="np-title-row">
              <h1 className="np-title" data-testid="now-playing-title">
                <Link to={`/tracks/${track.id}`}>{track.title}</Link>
              </h1>
              <LikeButton trackId={track.id} className="np-like" />
              <ShareButton trackId={track.id} title={track.title} className="np-share" />
            </div>
            <p className="np-meta">
              {track.album ? (
                <>
                  <span className="muted">{t('nowPlaying.album')}</span>
                  <Link to={`/albums/${track.album.id}`}>{track.album.title}</Link>
                </>
              ) : null}
              <span className="muted">{t('nowPlaying.artist')}</span>
              {track.artists.map((artist, i) => (
                <span key={artist.id}>
                  {i > 0 ? ' / ' : null}
                  <Link to={`/artists/${artist.id}`}>{artist.name}</Link>
                </span>
              ))}
            </p>
          </header>
          <LyricsPanel trackId={track.id} key={track.id} />
        </div>
      </div>
      <div className="np-controls">
        <SeekBar />
        <div className="np-buttons">
          <PlayModeButton />
          <TransportControls />
          <button type="button" className="icon-btn" onClick={queue.toggle} aria-label={t('queue.title')}>
            <QueueIcon />
          </button>
        </div>
      </div>
      <div className="np-comments">
        <SimilarTracks trackId={track.id} key={`similar-${track.id}`} />
        <CommentsSection targetType="track" targetId={track.id} key={track.id} />
      </div>
    </div>
  );
}
