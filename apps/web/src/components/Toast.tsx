import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import './toast.css';

/** A short message at the bottom of the screen that goes away by itself. */
export function Toast({ message, onDone, ms = 2500 }: { message: string; onDone: () => void; ms?: number }) {
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    const timer = window.setTimeout(() => done.current(), ms);
    return () => window.clearTimeout(timer);
  }, [message, ms]);
  return createPortal(
    <div className="toast" role="status" data-testid="toast">
      {message}
    </div>,
    document.body,
  );
}
