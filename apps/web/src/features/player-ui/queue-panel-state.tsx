import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

interface QueuePanelState {
  open: boolean;
  setOpen: (open: boolean) => void;
  toggle: () => void;
}

const QueuePanelContext = createContext<QueuePanelState | null>(null);

/** Whether the queue panel is showing; the player bar and the now-playing page both open it. */
export function QueuePanelProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const value = useMemo(() => ({ open, setOpen, toggle: () => setOpen((o) => !o) }), [open]);
  return <QueuePanelContext.Provider value={value}>{children}</QueuePanelContext.Provider>;
}

export function useQueuePanel(): QueuePanelState {
  const state = useContext(QueuePanelContext);
  if (!state) throw new Error('useQueuePanel outside QueuePanelProvider');
  return state;
}
