import type { PlayerEngine, PlayerSnapshot } from '../../player/player-engine.ts';
import type { PlayerTrack } from '../../player/types.ts';
import type { FmMode, RecommendationReason } from './recommend-types.ts';

export interface FmItem {
  track: PlayerTrack;
  reason: RecommendationReason;
}

/** What the session needs from the server (the real one is fm-api.ts; tests pass a fake). */
export interface FmApi {
  /** The next tracks of the stream; `mode` null means the user's saved mode. */
  next(count: number, mode: FmMode | null): Promise<{ mode: FmMode; items: FmItem[] }>;
  /** The bin: never recommended again, and tracks like it pushed down. */
  trash(trackId: string): Promise<void>;
}

export interface FmState {
  /** the stream is feeding the player: the current track is one of its own */
  readonly active: boolean;
  /** null until the user picks one or the server says which it used */
  readonly mode: FmMode | null;
  /** a batch is on its way */
  readonly loading: boolean;
  /** the last request failed; nothing more is fetched until the track changes or a retry */
  readonly error: unknown;
  /** the last batch brought nothing new */
  readonly exhausted: boolean;
  /** why each track of the stream was picked, by track id */
  readonly reasons: ReadonlyMap<string, RecommendationReason>;
}

export interface FmSessionOptions {
  /** tracks asked for at a time */
  batchSize?: number;
  /** another batch is fetched when this many tracks (or fewer) wait after the current one */
  refillAt?: number;
}

export const FM_SOURCE = { type: 'fm' } as const;

/**
 * Private FM on top of the ordinary player. Once started it owns the queue: the first batch
 * replaces it, and whenever only one or two tracks are left another batch is appended, so the
 * stream never ends. A trashed track is skipped at once, told to the server (the next batch is
 * asked for only after that, so it already avoids similar tracks) and never queued again. The
 * session remembers which queue entries it added: when the player moves to anything else (the
 * user played an album, cleared the queue), it stops feeding and lets go of the player.
 *
 * No UI: the pages subscribe to its state, as they do to the engine's.
 */
export class FmSession {
  private state: FmState = {
    active: false,
    mode: null,
    loading: false,
    error: null,
    exhausted: false,
    reasons: new Map(),
  };
  private readonly listeners = new Set<() => void>();
  /** queue entries this run added */
  private readonly ours = new Set<string>();
  /** tracks binned in this session: never queued again, whatever a batch says */
  private readonly trashed = new Set<string>();
  private detach: (() => void) | null = null;
  private fetching: Promise<void> | null = null;
  /** the bin request in flight: batches wait for it */
  private pendingTrash: Promise<unknown> = Promise.resolve();
  /** bumped by start, stop and a mode change: answers to older requests are dropped */
  private generation = 0;
  /** the entry that was current when a refill failed or came back empty */
  private stalledAt: string | null = null;
  private readonly batchSize: number;
  private readonly refillAt: number;

  constructor(
    private readonly engine: PlayerEngine,
    private readonly api: FmApi,
    options: FmSessionOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 3;
    this.refillAt = options.refillAt ?? 1;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): FmState => this.state;

  /** Replaces the queue with the stream and plays it. */
  async start(mode: FmMode | null = this.state.mode): Promise<void> {
    this.stop();
    const generation = this.generation;
    this.set({ mode, error: null, exhausted: false });
    const items = await this.fetchBatch(generation);
    if (generation !== this.generation) return;
    const fresh = items.filter((item) => !this.trashed.has(item.track.id));
    if (fresh.length === 0) {
      if (this.state.error === null) this.set({ exhausted: true });
      return;
    }
    // The stream runs in order: shuffle or repeat would replay what was already heard.
    this.engine.setMode('sequential');
    this.engine.playTracks(
      fresh.map((item) => item.track),
      0,
    );
    for (const entry of this.engine.getSnapshot().entries) this.ours.add(entry.uid);
    this.detach = this.engine.subscribe(this.onEngineChange);
    this.set({ active: true });
    this.onEngineChange();
  }

  /** Lets go of the player (it keeps playing what it has). */
  stop(): void {
    this.generation++;
    this.detach?.();
    this.detach = null;
    this.fetching = null;
    this.stalledAt = null;
    this.ours.clear();
    if (this.state.active || this.state.loading) this.set({ active: false, loading: false });
  }

  /** The next track of the stream, fetching it first when none is queued. */
  async skip(): Promise<void> {
    if (!this.state.active) return;
    if (this.upcoming() === 0) await this.refill();
    if (this.state.active && this.upcoming() > 0) this.engine.next();
  }

  /**
   * Bins the current track: the player moves on at once, the server is told, and the track
   * never comes back in this stream. Resolves false when the server could not be told.
   */
  async trash(): Promise<boolean> {
    const snapshot = this.engine.getSnapshot();
    const entry = snapshot.current;
    if (!this.state.active || !entry || !this.ours.has(entry.uid)) return false;
    const trackId = entry.track.id;
    this.trashed.add(trackId);
    const told = this.api.trash(trackId).then(
      () => true,
      () => false,
    );
    this.pendingTrash = told;
    for (const later of snapshot.entries.slice(snapshot.currentIndex + 1)) {
      if (later.track.id === trackId) this.engine.remove(later.uid);
    }
    await this.skip();
    // Gone from the queue too, so "previous" does not bring it back.
    if (this.engine.getSnapshot().current?.uid !== entry.uid) this.engine.remove(entry.uid);
    return told;
  }

  /** Another mode: what was queued in the old one goes, the current track plays on. */
  setMode(mode: FmMode): void {
    if (mode === this.state.mode) return;
    this.set({ mode, exhausted: false });
    if (!this.state.active) return;
    this.generation++;
    this.fetching = null;
    this.stalledAt = null;
    const snapshot = this.engine.getSnapshot();
    for (const entry of snapshot.entries.slice(snapshot.currentIndex + 1)) {
      if (this.ours.has(entry.uid)) this.engine.remove(entry.uid);
    }
    void this.refill();
  }

  /** After a failed request: try again now. */
  retry(): void {
    this.stalledAt = null;
    if (this.state.active) void this.refill();
    else void this.start();
  }

  private onEngineChange = (): void => {
    const current = this.engine.getSnapshot().current;
    if (!current || !this.ours.has(current.uid)) {
      this.stop();
      return;
    }
    if (this.stalledAt !== null && this.stalledAt !== current.uid) this.stalledAt = null;
    if (this.upcoming() <= this.refillAt) void this.refill();
  };

  private refill(): Promise<void> {
    if (this.fetching) return this.fetching;
    const current = this.engine.getSnapshot().current;
    if (this.stalledAt !== null && this.stalledAt === current?.uid) return Promise.resolve();
    const generation = this.generation;
    const run = (async () => {
      await this.pendingTrash;
      if (generation !== this.generation) return;
      const items = await this.fetchBatch(generation);
      if (generation !== this.generation) return;
      const added = this.append(items);
      if (added === 0) this.stalledAt = this.engine.getSnapshot().current?.uid ?? null;
      if (added === 0 && this.state.error === null) this.set({ exhausted: true });
    })();
    this.fetching = run;
    void run.finally(() => {
      if (this.fetching === run) this.fetching = null;
    });
    return run;
  }

  /** Queues the items that are new to the stream; returns how many went in. */
  private append(items: readonly FmItem[]): number {
    const before = this.engine.getSnapshot();
    const queued = new Set(before.entries.slice(before.currentIndex).map((entry) => entry.track.id));
    const fresh = items.filter((item) => !this.trashed.has(item.track.id) && !queued.has(item.track.id));
    if (fresh.length === 0) return 0;
    const stoppedAtEnd = endedOnLast(before);
    this.engine.addToQueue(fresh.map((item) => item.track));
    for (const entry of this.engine.getSnapshot().entries.slice(-fresh.length)) this.ours.add(entry.uid);
    // The last track ended before the batch came: carry on with the new one.
    if (stoppedAtEnd) this.engine.next();
    return fresh.length;
  }

  private async fetchBatch(generation: number): Promise<FmItem[]> {
    this.set({ loading: true });
    try {
      const batch = await this.api.next(this.batchSize, this.state.mode);
      if (generation !== this.generation) return [];
      const reasons = new Map(this.state.reasons);
      for (const item of batch.items) reasons.set(item.track.id, item.reason);
      this.set({ loading: false, error: null, mode: batch.mode, reasons, exhausted: false });
      return batch.items;
    } catch (error) {
      if (generation !== this.generation) return [];
      this.stalledAt = this.engine.getSnapshot().current?.uid ?? null;
      this.set({ loading: false, error });
      return [];
    }
  }

  private upcoming(): number {
    const snapshot = this.engine.getSnapshot();
    return snapshot.currentIndex < 0 ? 0 : snapshot.entries.length - snapshot.currentIndex - 1;
  }

  private set(changes: Partial<FmState>): void {
    this.state = { ...this.state, ...changes };
    for (const listener of this.listeners) listener();
  }
}

/** The queue played to its end and stopped there. */
function endedOnLast(snapshot: PlayerSnapshot): boolean {
  return (
    snapshot.currentIndex === snapshot.entries.length - 1 &&
    snapshot.paused &&
    snapshot.duration > 0 &&
    snapshot.position >= snapshot.duration
  );
}
