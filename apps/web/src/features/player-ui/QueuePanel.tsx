import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CloseIcon, DragIcon, SpeakerWaveIcon, TrashIcon } from '../../components/icons.tsx';
import { EmptyState } from '../../components/StateViews.tsx';
import { formatClock } from '../../lib/intl-format.ts';
import { usePlayer, usePlayerState } from './player-context.tsx';
import { useQueuePanel } from './queue-panel-state.tsx';
import { useDragReorder } from './use-drag-reorder.ts';
import './queue-panel.css';

/** The play queue: jump to an entry, drag to reorder, remove, clear. */
export default function QueuePanel() {
  const { t } = useTranslation();
  const engine = usePlayer();
  const entries = usePlayerState((s) => s.entries);
  const currentIndex = usePlayerState((s) => s.currentIndex);
  const panel = useQueuePanel();
  const listRef = useRef<HTMLOListElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const ids = entries.map((entry) => entry.uid);
  const { drag, handleProps, rowStyle } = useDragReorder({
    ids,
    onMove: (from, to) => engine.move(from, to),
    listRef,
  });

  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') panel.setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [panel]);

  useEffect(() => {
    // Bring the playing entry into view when the panel opens.
    listRef.current?.querySelector('.is-current')?.scrollIntoView({ block: 'center' });
  }, []);

  return (
    <>
      <div className="queue-backdrop" onClick={() => panel.setOpen(false)} aria-hidden="true" />
      <aside className="queue-panel" aria-label={t('queue.title')} data-testid="queue-panel">
        <header className="queue-head">
          <h2 className="queue-title">
            {t('queue.title')} <span className="muted">({entries.length})</span>
          </h2>
          <button
            type="button"
            className="queue-clear"
            onClick={() => engine.clear()}
            disabled={entries.length === 0}
          >
            <TrashIcon /> {t('queue.clear')}
          </button>
          <button
            ref={closeRef}
            type="button"
            className="icon-btn"
            onClick={() => panel.setOpen(false)}
            aria-label={t('queue.close')}
          >
            <CloseIcon />
          </button>
        </header>
        {entries.length === 0 ? (
          <EmptyState title={t('queue.emptyTitle')}>{t('queue.emptyHint')}</EmptyState>
        ) : (
          <ol className={`queue-list ${drag ? 'is-dragging' : ''}`} ref={listRef}>
            {entries.map((entry, index) => {
              const isCurrent = index === currentIndex;
              return (
                <li
                  key={entry.uid}
                  data-drag-row
                  className={`queue-row ${isCurrent ? 'is-current' : ''} ${drag?.from === index ? 'is-lifted' : ''}`}
                  style={rowStyle(index)}
                  data-testid="queue-row"
                >
                  <button
                    type="button"
                    className="queue-handle"
                    aria-label={t('queue.reorder', { title: entry.track.title })}
                    title={t('queue.reorderHint')}
                    {...handleProps(index)}
                  >
                    <DragIcon />
                  </button>
                  <button type="button" className="queue-main" onClick={() => engine.playEntry(entry.uid)}>
                    {isCurrent ? <SpeakerWaveIcon className="icon queue-playing" /> : null}
                    <span className="queue-name">{entry.track.title}</span>
                    <span className="queue-artist">{entry.track.artists.map((a) => a.name).join(' / ')}</span>
                  </button>
                  <span className="queue-duration">{formatClock(entry.track.durationMs / 1000)}</span>
                  <button
                    type="button"
                    className="icon-btn queue-remove"
                    onClick={() => engine.remove(entry.uid)}
                    aria-label={t('queue.remove', { title: entry.track.title })}
                  >
                    <CloseIcon />
                  </button>
                </li>
              );
            })}
          </ol>
        )}
      </aside>
    </>
  );
}
