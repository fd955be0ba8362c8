import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import { buildSnapshot, Catalog } from './catalog-snapshot.ts';
import type { EngineConfigInput, RecModel, TrainInput } from './engine/model.ts';
import type { Csr } from './engine/sparse.ts';
import { trainInWorker } from './engine/worker.ts';
import { confidenceRows, stackRows } from './feedback-matrix.ts';
import type { FeedbackRepository } from './feedback.repository.ts';
import { itemSideOnly, LoadedModel, packModel } from './loaded-model.ts';
import type { ModelStore } from './model-store.ts';
import { MODELS_KEPT, type ModelRepository } from './model.repository.ts';
import type { TrainingDataRepository } from './training-data.repository.ts';

/**
 * Users whose feedback is read per query batch: bounded memory, and the synchronous steps (rows
 * parsed, confidences computed) stay around a tenth of a second at 500 playbacks per user.
 */
const USER_BATCH = 100;
/** Without any feedback only the content part is trained (similar tracks still work). */
const CONTENT_ONLY: EngineConfigInput = { ease: false, ials: false };

export type TrainFunction = (
  input: TrainInput,
  config: EngineConfigInput,
  /** `transferInput`: the input's matrix may be moved away (not read again by the caller) */
  options: { signal?: AbortSignal; transferInput?: boolean },
) => Promise<RecModel>;

export interface TrainingResult {
  modelId: number;
  kind: 'collaborative' | 'content';
  users: number;
  items: number;
  interactions: number;
  seconds: { read: number; train: number; store: number };
}

/**
 * The nightly rebuild: reads the catalogue and every user's feedback (since their taste
 * reset), trains on a worker thread so requests keep being served, stores the model for every
 * instance and swaps it in here. Reading happens on the main thread in batches; the only
 * synchronous stretch is turning a batch into confidences.
 */
export class Trainer {
  private running: Promise<TrainingResult> | null = null;

  constructor(
    private readonly data: TrainingDataRepository,
    private readonly feedback: Pick<FeedbackRepository, 'forUsers'>,
    private readonly models: ModelRepository,
    private readonly store: ModelStore,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly train: TrainFunction = trainInWorker,
  ) {}

  /** Resolves when no training is under way (its outcome is the job's business). */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /** Trains once; a call while training is under way joins it. */
  run(signal?: AbortSignal): Promise<TrainingResult> {
    this.running ??= this.trainOnce(signal).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async trainOnce(signal?: AbortSignal): Promise<TrainingResult> {
    const started = performance.now();
    const tracks = await this.data.catalogue();
    const snapshot = buildSnapshot(tracks);
    const catalog = new Catalog(snapshot);
    const blocks: Csr[] = [];
    for await (const userIds of this.data.userBatches(USER_BATCH)) {
      signal?.throwIfAborted();
      const batch = await this.feedback.forUsers(userIds);
      const active = [...batch.values()].filter((f) => f.cells.size > 0);
      if (active.length > 0) blocks.push(confidenceRows(active, catalog.itemOf, catalog.size));
    }
    const interactions = stackRows(blocks, catalog.size);
    const read = performance.now();

    const meta = {
      users: interactions.nRows,
      items: catalog.size,
      interactions: interactions.indices.length,
    };
    const collaborative = meta.interactions > 0;
    const trainedAt = this.clock.now();
    const model = itemSideOnly(
      await this.train(
        { interactions, itemFeatures: tracks.map((track) => track.features) },
        collaborative ? {} : CONTENT_ONLY,
        { signal, transferInput: true },
      ),
    );
    const trained = performance.now();

    const kind = collaborative ? 'collaborative' : 'content';
    const bytes = packModel(model, snapshot);
    const modelId = await this.models.save({
      kind,
      trainedAt,
      bytes,
      meta: { ...meta, trainSeconds: model.trainSeconds },
    });
    await this.models.pruneKeeping(MODELS_KEPT);
    this.store.install(new LoadedModel(modelId, kind, trainedAt, model, snapshot));
    const result: TrainingResult = {
      modelId,
      kind,
      ...meta,
      seconds: {
        read: (read - started) / 1000,
        train: (trained - read) / 1000,
        store: (performance.now() - trained) / 1000,
      },
    };
    this.logger.info({ ...result, bytes: bytes.length }, 'recommendation model trained');
    return result;
  }
}
