import type { ListeningEvent } from './listening-tracker.ts';
import type { KeyValueStorage } from './resume-state.ts';

/** What a send attempt says about a batch: delivered, try again later, or never deliverable. */
export type SendOutcome = 'sent' | 'retry' | 'drop';

export interface ListeningOutboxOptions {
  storage: KeyValueStorage | null;
  key: string;
  send: (events: ListeningEvent[]) => Promise<SendOutcome>;
  now: () => number;
  batchSize?: number;
  /** the oldest events are let go beyond this many (a client offline for weeks) */
  maxStored?: number;
}

const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * Listening events wait here, saved in local storage, until the server has them: a flaky or
 * offline client sends them later in batches. Event ids make a resend harmless (the server
 * ignores duplicates), so a batch whose answer was lost is simply sent again.
 */
export class ListeningOutbox {
  private events: ListeningEvent[];
  private sending: Promise<void> | null = null;
  private failures = 0;
  private nextAttemptAt = 0;

  constructor(private readonly options: ListeningOutboxOptions) {
    this.events = readSaved(options.storage, options.key);
  }

  get pending(): number {
    return this.events.length;
  }

  push(event: ListeningEvent): void {
    this.events.push(event);
    const max = this.options.maxStored ?? 2000;
    if (this.events.length > max) this.events.splice(0, this.events.length - max);
    this.save();
  }

  /** Sends everything waiting, batch by batch; stops at the first batch that must wait. */
  flush(force = false): Promise<void> {
    if (!force && this.options.now() < this.nextAttemptAt) return Promise.resolve();
    this.sending ??= this.drain().finally(() => {
      this.sending = null;
    });
    return this.sending;
  }

  private async drain(): Promise<void> {
    const size = this.options.batchSize ?? 50;
    while (this.events.length > 0) {
      const batch = this.events.slice(0, size);
      let outcome: SendOutcome;
      try {
        outcome = await this.options.send(batch);
      } catch {
        outcome = 'retry';
      }
      if (outcome === 'retry') {
        this.failures += 1;
        this.nextAttemptAt = this.options.now() + Math.min(MAX_BACKOFF_MS, 2_000 * 2 ** this.failures);
        return;
      }
      this.failures = 0;
      this.nextAttemptAt = 0;
      const sent = new Set(batch.map((event) => event.id));
      this.events = this.events.filter((event) => !sent.has(event.id));
      this.save();
    }
  }

  private save(): void {
    try {
      this.options.storage?.setItem(this.options.key, JSON.stringify(this.events));
    } catch {
      // storage full or disabled: the events still go out from memory
    }
  }
}

function readSaved(storage: KeyValueStorage | null, key: string): ListeningEvent[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isListeningEvent) : [];
  } catch {
    return [];
  }
}

function isListeningEvent(value: unknown): value is ListeningEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Partial<ListeningEvent>;
  return (
    typeof event.id === 'string' &&
    typeof event.playbackId === 'string' &&
    typeof event.trackId === 'string' &&
    typeof event.at === 'string' &&
    (event.type === 'start' || event.type === 'progress' || event.type === 'end')
  );
}
