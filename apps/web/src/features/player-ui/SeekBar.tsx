import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Slider } from '../../components/Slider.tsx';
import { formatClock } from '../../lib/intl-format.ts';
import { usePlayer, usePlayerState } from './player-context.tsx';

/** current time — seek slider (with the buffered range) — duration */
export function SeekBar() {
  const { t } = useTranslation();
  const engine = usePlayer();
  const position = usePlayerState((s) => s.position);
  const duration = usePlayerState((s) => s.duration);
  const buffered = usePlayerState((s) => s.buffered);
  const empty = usePlayerState((s) => s.current === null);
  const [preview, setPreview] = useState<number | null>(null);
  const shown = preview ?? position;

  return (
    <div className="seek-bar">
      <span className="seek-time" data-testid="current-time">
        {formatClock(shown)}
      </span>
      <Slider
        value={empty ? 0 : position}
        max={empty ? 0 : duration}
        ranges={buffered}
        step={5}
        label={t('player.seek')}
        valueText={t('player.timeOf', { time: formatClock(shown), total: formatClock(duration) })}
        onPreview={setPreview}
        onCommit={(value) => engine.seek(value)}
      />
      <span className="seek-time">{formatClock(empty ? 0 : duration)}</span>
    </div>
  );
}
