import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { TimeRange } from '../player/types.ts';
import './slider.css';

interface SliderProps {
  /** 0…max */
  value: number;
  max: number;
  label: string;
  /** how the value is read out, e.g. "1:02 of 3:40" */
  valueText?: string;
  /** shaded ranges (already buffered audio) in the same unit as value */
  ranges?: readonly TimeRange[];
  step?: number;
  /** called while dragging */
  onPreview?: (value: number | null) => void;
  /** called once the user lets go (or on a key press) */
  onCommit: (value: number) => void;
  className?: string;
}

/**
 * A horizontal slider for seeking and volume: pointer drag (mouse and touch), keyboard arrows,
 * and an optional buffered-range layer. While dragging it shows the dragged value, not the prop.
 */
export function Slider({
  value,
  max,
  label,
  valueText,
  ranges,
  step,
  onPreview,
  onCommit,
  className = '',
}: SliderProps) {
  const track = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<number | null>(null);
  const safeMax = max > 0 ? max : 1;
  const shown = drag ?? value;
  const fraction = Math.min(1, Math.max(0, shown / safeMax));

  const valueAt = (clientX: number) => {
    const rect = track.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return 0;
    return Math.min(1, Math.max(0, (clientX - rect.left) / rect.width)) * safeMax;
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || max <= 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const next = valueAt(event.clientX);
    setDrag(next);
    onPreview?.(next);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag === null) return;
    const next = valueAt(event.clientX);
    setDrag(next);
    onPreview?.(next);
  };
  const finish = (event: PointerEvent<HTMLDivElement>, commit: boolean) => {
    if (drag === null) return;
    const next = valueAt(event.clientX);
    setDrag(null);
    onPreview?.(null);
    if (commit) onCommit(next);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const unit = step ?? safeMax / 20;
    const moves: Record<string, number> = {
      ArrowRight: value + unit,
      ArrowUp: value + unit,
      ArrowLeft: value - unit,
      ArrowDown: value - unit,
      PageUp: value + unit * 4,
      PageDown: value - unit * 4,
      Home: 0,
      End: safeMax,
    };
    const next = moves[event.key];
    if (next === undefined || max <= 0) return;
    event.preventDefault();
    event.stopPropagation();
    onCommit(Math.min(safeMax, Math.max(0, next)));
  };

  return (
    <div
      className={`slider ${drag !== null ? 'is-dragging' : ''} ${className}`}
      role="slider"
      tabIndex={0}
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={Math.round(safeMax)}
      aria-valuenow={Math.round(shown)}
      aria-valuetext={valueText}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={(event) => finish(event, true)}
      onPointerCancel={(event) => finish(event, false)}
      onKeyDown={onKeyDown}
    >
      <div className="slider-track" ref={track}>
        {ranges?.map((range) => (
          <div
            key={`${range.start}-${range.end}`}
            className="slider-buffered"
            style={{
              left: `${(Math.min(range.start, safeMax) / safeMax) * 100}%`,
              width: `${((Math.min(range.end, safeMax) - Math.min(range.start, safeMax)) / safeMax) * 100}%`,
            }}
          />
        ))}
        <div className="slider-fill" style={{ width: `${fraction * 100}%` }} />
        <div className="slider-thumb" style={{ left: `${fraction * 100}%` }} />
      </div>
    </div>
  );
}
