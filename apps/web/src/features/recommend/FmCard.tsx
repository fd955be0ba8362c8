import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Cover } from '../../components/Cover.tsx';
import { PauseIcon, PlayIcon } from '../../components/icons.tsx';
import { usePlayer } from '../player-ui/player-context.tsx';
import { RadioIcon } from './recommend-icons.tsx';
import { useFmNowPlaying } from './use-fm-session.ts';

/** The home page's 私人FM card: the play button starts (or pauses) the stream in place. */
export function FmCard() {
  const { t } = useTranslation();
  const engine = usePlayer();
  const { session, state, track, playing } = useFmNowPlaying();

  const onPlay = () => {
    if (track) engine.toggle();
    else void session.start();
  };

  return (
    <div className="rec-card rec-card-fm" data-testid="fm-card">
      <Link className="rec-card-link" to="/fm" aria-label={t('recommend.fm.open')}>
        {track ? (
          <Cover url={track.coverUrl} size={72} className="rec-card-cover" />
        ) : (
          <span className="rec-card-icon">
            <RadioIcon />
          </span>
        )}
        <span className="rec-card-text">
          <span className="rec-card-title">{t('recommend.fm.cardTitle')}</span>
          <span className="rec-card-hint" data-testid="fm-card-now">
            {track
              ? `${track.title} · ${track.artists.map((artist) => artist.name).join(' / ')}`
              : t('recommend.fm.cardHint')}
          </span>
        </span>
      </Link>
      <button
        type="button"
        className="rec-card-play"
        onClick={onPlay}
        disabled={state.loading && !track}
        aria-label={playing ? t('recommend.fm.pauseFm') : t('recommend.fm.playFm')}
        data-testid="fm-card-play"
      >
        {playing ? <PauseIcon /> : <PlayIcon />}
      </button>
    </div>
  );
}
