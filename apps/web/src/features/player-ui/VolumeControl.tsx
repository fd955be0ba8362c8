import { useTranslation } from 'react-i18next';
import { MuteIcon, VolumeIcon } from '../../components/icons.tsx';
import { Slider } from '../../components/Slider.tsx';
import { usePlayer, usePlayerState } from './player-context.tsx';

export function VolumeControl() {
  const { t } = useTranslation();
  const engine = usePlayer();
  const volume = usePlayerState((s) => s.volume);
  const muted = usePlayerState((s) => s.muted);
  const silent = muted || volume === 0;
  return (
    <div className="volume">
      <button
        type="button"
        className="icon-btn"
        onClick={() => engine.toggleMute()}
        aria-label={silent ? t('player.unmute') : t('player.mute')}
        aria-pressed={muted}
      >
        {silent ? <MuteIcon /> : <VolumeIcon />}
      </button>
      <Slider
        className="volume-slider"
        value={muted ? 0 : volume * 100}
        max={100}
        step={5}
        label={t('player.volume')}
        valueText={`${Math.round((muted ? 0 : volume) * 100)}%`}
        onPreview={(value) => value !== null && engine.setVolume(value / 100)}
        onCommit={(value) => engine.setVolume(value / 100)}
      />
    </div>
  );
}
