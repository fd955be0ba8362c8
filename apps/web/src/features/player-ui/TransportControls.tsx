import { useTranslation } from 'react-i18next';
import { NextIcon, PauseIcon, PlayIcon, PreviousIcon } from '../../components/icons.tsx';
import { usePlayer, usePlayerState } from './player-context.tsx';

/** Previous · play/pause · next. */
export function TransportControls({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const engine = usePlayer();
  const paused = usePlayerState((s) => s.paused);
  const buffering = usePlayerState((s) => s.buffering);
  const empty = usePlayerState((s) => s.current === null);

  return (
    <div className={`transport ${compact ? 'transport-compact' : ''}`}>
      {compact ? null : (
        <button
          type="button"
          className="icon-btn transport-skip"
          onClick={() => engine.previous()}
          disabled={empty}
          aria-label={t('player.previous')}
        >
          <PreviousIcon />
        </button>
      )}
      <button
        type="button"
        className={`transport-play ${buffering ? 'is-buffering' : ''}`}
        onClick={() => engine.toggle()}
        disabled={empty}
        aria-label={paused ? t('player.play') : t('player.pause')}
        data-testid="play-pause"
      >
        {paused ? <PlayIcon /> : <PauseIcon />}
      </button>
      <button
        type="button"
        className="icon-btn transport-skip"
        onClick={() => engine.next()}
        disabled={empty}
        aria-label={t('player.next')}
        data-testid="next-track"
      >
        <NextIcon />
      </button>
    </div>
  );
}
