import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { RealtimeConnection, realtimeUrl, type SocketLike } from '../../lib/realtime-connection.ts';
import { useMe } from '../auth/auth-queries.ts';
import { applyRealtimeMessage } from './notification-cache.ts';

/**
 * While someone is signed in, this tab keeps a WebSocket to the server and turns its hints
 * into fresh notifications; every open tab has its own, so all of them update. It closes when
 * the frame goes away (logout) or another person signs in.
 */
export function useRealtimeNotifications(): void {
  const queryClient = useQueryClient();
  const userId = useMe().data?.id;
  useEffect(() => {
    if (!userId || typeof WebSocket === 'undefined') return;
    const connection = new RealtimeConnection({
      url: realtimeUrl(window.location),
      // The browser's WebSocket is what SocketLike describes; its handlers take richer events.
      connect: (url) => new WebSocket(url) as unknown as SocketLike,
      setTimer: (run, ms) => window.setTimeout(run, ms),
      clearTimer: (timer) => window.clearTimeout(timer as number),
    });
    const unsubscribe = connection.subscribe((message) => applyRealtimeMessage(queryClient, message));
    connection.start();
    return () => {
      unsubscribe();
      connection.stop();
    };
  }, [queryClient, userId]);
}
