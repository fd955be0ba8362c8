import { useTranslation } from 'react-i18next';
import { RepeatAllIcon, RepeatOneIcon, SequentialIcon, ShuffleIcon } from '../../components/icons.tsx';
import type { PlayMode } from '../../player/types.ts';
import { usePlayer, usePlayerState } from './player-context.tsx';

const ICONS: Record<PlayMode, typeof ShuffleIcon> = {
  sequential: SequentialIcon,
  'repeat-all': RepeatAllIcon,
  'repeat-one': RepeatOneIcon,
  shuffle: ShuffleIcon,
};

/** Cycles sequential → repeat all → repeat one → shuffle; the label names the current mode. */
export function PlayModeButton() {
  const { t } = useTranslation();
  const engine = usePlayer();
  const mode = usePlayerState((s) => s.mode);
  const Icon = ICONS[mode];
  const name = t(`player.mode.${mode}`);
  return (
    <button
      type="button"
      className="icon-btn"
      onClick={() => engine.cycleMode()}
      aria-label={t('player.modeLabel', { mode: name })}
      title={name}
      data-mode={mode}
    >
      <Icon />
    </button>
  );
}
