import { ListeningOutbox, type SendOutcome } from '../../player/listening-outbox.ts';
import { ListeningTracker, randomUuid, type ListeningEvent } from '../../player/listening-tracker.ts';
import type { PlayerEngine } from '../../player/player-engine.ts';
import type { KeyValueStorage } from '../../player/resume-state.ts';

export const OUTBOX_KEY = 'resonance.listening';
/** Events waiting are sent this often while the page is open. */
export const FLUSH_EVERY_MS = 15_000;
/** A playback that ended goes out this soon (a quick run of skips shares one request). */
export const END_FLUSH_DELAY_MS = 1_000;

interface EventTargetLike {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

export interface ListeningReportingOptions {
  storage: KeyValueStorage | null;
  /** where in the storage (one outbox per listener); default OUTBOX_KEY */
  key?: string;
  send: (events: ListeningEvent[], options: { keepalive: boolean }) => Promise<SendOutcome>;
  /** where `pagehide` and `online` come from: the window */
  page: EventTargetLike;
  now?: () => number;
  makeId?: () => string;
}

/**
 * Reports every playback to the listening log: the tracker turns the engine's snapshots into
 * start, progress and end events, the outbox keeps them (in local storage) until the server has
 * them. Sent every 15 s, soon after a playback ends, when the network comes back, and as the page
 * goes away: the playing track ends as interrupted and the batch goes with `keepalive`.
 * Returns the way to stop.
 */
export function startListeningReporting(
  engine: PlayerEngine,
  options: ListeningReportingOptions,
): () => void {
  const now = options.now ?? Date.now;
  let keepalive = false;
  const outbox = new ListeningOutbox({
    storage: options.storage,
    key: options.key ?? OUTBOX_KEY,
    now,
    send: (events) => options.send(events, { keepalive }),
  });

  let soon: ReturnType<typeof setTimeout> | undefined;
  const flushSoon = () => {
    soon ??= setTimeout(() => {
      soon = undefined;
      void outbox.flush();
    }, END_FLUSH_DELAY_MS);
  };
  const tracker = new ListeningTracker({
    emit: (event) => {
      outbox.push(event);
      if (event.type === 'end') flushSoon();
    },
    now,
    makeId: options.makeId ?? (() => randomUuid()),
    client: 'web',
  });

  const unsubscribe = engine.subscribe(() => tracker.observe(engine.getSnapshot()));
  tracker.observe(engine.getSnapshot());
  const every = setInterval(() => void outbox.flush(), FLUSH_EVERY_MS);
  const onPageHide = () => {
    tracker.interrupt();
    keepalive = true;
    void outbox.flush(true);
    keepalive = false;
  };
  const onOnline = () => void outbox.flush(true);
  options.page.addEventListener('pagehide', onPageHide);
  options.page.addEventListener('online', onOnline);
  // Whatever an earlier visit could not deliver.
  void outbox.flush(true);

  return () => {
    unsubscribe();
    clearInterval(every);
    if (soon !== undefined) clearTimeout(soon);
    options.page.removeEventListener('pagehide', onPageHide);
    options.page.removeEventListener('online', onOnline);
  };
}
