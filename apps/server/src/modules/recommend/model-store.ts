import type { Logger } from '../../platform/logger.ts';
import { unpackModel, type LoadedModel } from './loaded-model.ts';
import type { ModelRepository } from './model.repository.ts';

export interface ModelStoreOptions {
  /** how often the database is asked whether a newer model exists; default 60 s */
  recheckMs?: number;
}

/**
 * The model this instance serves from. Training on any instance stores a new model in the
 * database; every instance notices within `recheckMs` (checked lazily on use, so there is no
 * timer to stop) and swaps it in. Readers holding the previous model keep a valid one.
 */
export class ModelStore {
  private loaded: LoadedModel | null = null;
  private lastCheck = -Infinity;
  private checking: Promise<void> | null = null;

  constructor(
    private readonly models: Pick<ModelRepository, 'latest' | 'read'>,
    private readonly logger: Logger,
    private readonly options: ModelStoreOptions = {},
  ) {}

  /** The newest model known, or null before any was trained (callers then fall back). */
  async current(): Promise<LoadedModel | null> {
    if (performance.now() - this.lastCheck >= (this.options.recheckMs ?? 60_000)) {
      const check = this.refresh();
      // The first load is waited for; later checks happen behind the current model.
      if (!this.loaded) await check;
    }
    return this.loaded;
  }

  /** Looks for a newer model now. */
  refresh(): Promise<void> {
    this.checking ??= this.check().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  /** A model this instance has just trained (and stored). */
  install(model: LoadedModel): void {
    if (!this.loaded || model.trainedAt >= this.loaded.trainedAt) this.loaded = model;
    this.lastCheck = performance.now();
  }

  /** Resolves when no load is in progress (used by stop()). */
  async idle(): Promise<void> {
    await this.checking;
  }

  private async check(): Promise<void> {
    this.lastCheck = performance.now();
    try {
      const head = await this.models.latest();
      if (!head || head.id === this.loaded?.id) return;
      if (this.loaded && head.trainedAt < this.loaded.trainedAt) return;
      const bytes = await this.models.read(head.id);
      if (!bytes) return; // pruned between the two queries; the next check finds the newer one
      const started = performance.now();
      this.install(unpackModel(head, bytes));
      this.logger.info(
        { modelId: head.id, bytes: bytes.length, ms: Math.round(performance.now() - started) },
        'recommendation model loaded',
      );
    } catch (error) {
      this.logger.warn({ err: error }, 'could not load the recommendation model; keeping the current one');
    }
  }
}
