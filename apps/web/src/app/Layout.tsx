import { lazy, Suspense, useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router-dom';
import { PlayerBar } from '../features/player-ui/PlayerBar.tsx';
import { usePlayer } from '../features/player-ui/player-context.tsx';
import { useKeyboardShortcuts } from '../features/player-ui/keyboard-shortcuts.ts';
import { QueuePanelProvider, useQueuePanel } from '../features/player-ui/queue-panel-state.tsx';
import { PageSkeleton } from './PageSkeleton.tsx';
import { MobileNav, Sidebar } from './Sidebar.tsx';
import { TopBar } from './TopBar.tsx';
import './layout.css';

const QueuePanel = lazy(() => import('../features/player-ui/QueuePanel.tsx'));

/** The frame around every page once logged in: bars, navigation, the player and its queue. */
export function Layout() {
  const engine = usePlayer();
  useKeyboardShortcuts(engine);
  return (
    <QueuePanelProvider>
      <div className="layout">
        <TopBar />
        <Sidebar />
        <Main />
        <PlayerBar />
        <MobileNav />
        <QueueSlot />
      </div>
    </QueuePanelProvider>
  );
}

function Main() {
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  useEffect(() => {
    // A new page starts at its top (the scrolling element is <main>, not the window).
    main.current?.scrollTo(0, 0);
  }, [location.pathname]);
  return (
    <main className="main" ref={main}>
      <Suspense fallback={<PageSkeleton />}>
        <Outlet />
      </Suspense>
    </main>
  );
}

function QueueSlot() {
  const { open } = useQueuePanel();
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <QueuePanel />
    </Suspense>
  );
}
