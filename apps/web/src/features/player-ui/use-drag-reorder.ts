import {
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type PointerEvent,
  type RefObject,
} from 'react';

interface DragState {
  from: number;
  to: number;
  dy: number;
  rowHeight: number;
}

interface Options {
  /** ids of the rows in order (used to keep keyboard focus on the moved row) */
  ids: readonly string[];
  onMove: (from: number, to: number) => void;
  /** finds the rows in the list; each row must carry data-drag-row */
  listRef: RefObject<HTMLElement | null>;
}

/**
 * Reordering by dragging a handle, with pointer events so it works with a mouse and on touch
 * screens (native HTML5 drag and drop does not fire on touch). The rows between the old and
 * new place slide aside while dragging. Arrow keys on a handle move its row by one.
 */
export function useDragReorder({ ids, onMove, listRef }: Options) {
  const [drag, setDrag] = useState<DragState | null>(null);
  const start = useRef<{ y: number; mids: number[]; from: number } | null>(null);
  const refocus = useRef<string | null>(null);

  useLayoutEffect(() => {
    const id = refocus.current;
    if (id === null) return;
    refocus.current = null;
    const handle = listRef.current?.querySelector<HTMLElement>(`[data-drag-handle="${CSS.escape(id)}"]`);
    handle?.focus();
  }, [ids, listRef]);

  const targetIndex = (from: number, centerY: number, mids: number[]) => {
    let to = 0;
    mids.forEach((mid, i) => {
      if (i !== from && mid < centerY) to += 1;
    });
    return to;
  };

  const handleProps = (index: number) => ({
    'data-drag-handle': ids[index],
    onPointerDown: (event: PointerEvent<HTMLElement>) => {
      if (event.button !== 0) return;
      const rows = [...(listRef.current?.querySelectorAll<HTMLElement>('[data-drag-row]') ?? [])];
      const rect = rows[index]?.getBoundingClientRect();
      if (!rect) return;
      event.preventDefault();
      event.currentTarget.setPointerCapture(event.pointerId);
      const mids = rows.map((row) => {
        const r = row.getBoundingClientRect();
        return r.top + r.height / 2;
      });
      start.current = { y: event.clientY, mids, from: index };
      setDrag({ from: index, to: index, dy: 0, rowHeight: rect.height });
    },
    onPointerMove: (event: PointerEvent<HTMLElement>) => {
      const s = start.current;
      if (!s) return;
      const dy = event.clientY - s.y;
      const center = (s.mids[s.from] ?? s.y) + dy;
      setDrag((d) => (d ? { ...d, dy, to: targetIndex(s.from, center, s.mids) } : d));
    },
    onPointerUp: () => {
      const s = start.current;
      start.current = null;
      setDrag((d) => {
        if (d && s && d.to !== d.from) onMove(d.from, d.to);
        return null;
      });
    },
    onPointerCancel: () => {
      start.current = null;
      setDrag(null);
    },
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
      const by = event.key === 'ArrowUp' ? -1 : event.key === 'ArrowDown' ? 1 : 0;
      if (by === 0) return;
      event.preventDefault();
      event.stopPropagation();
      const to = index + by;
      if (to < 0 || to >= ids.length) return;
      refocus.current = ids[index] ?? null;
      onMove(index, to);
    },
  });

  /** The transform of each row while a drag is on. */
  const rowStyle = (index: number): CSSProperties | undefined => {
    if (!drag) return undefined;
    const { from, to, dy, rowHeight } = drag;
    if (index === from) return { transform: `translateY(${dy}px)`, zIndex: 2, position: 'relative' };
    if (from < to && index > from && index <= to) return { transform: `translateY(${-rowHeight}px)` };
    if (from > to && index >= to && index < from) return { transform: `translateY(${rowHeight}px)` };
    return undefined;
  };

  return { drag, handleProps, rowStyle };
}
