import type { Db } from '../../db/database.ts';
import type { RecommendModelKind } from '../../db/tables/recommend.ts';

/** 8 MiB: a chunk's hex text stays far below what one JS string may hold. */
const CHUNK_BYTES = 8 * 1024 * 1024;
/** Models kept; older ones are deleted after each training. */
export const MODELS_KEPT = 3;

export interface ModelHead {
  id: number;
  kind: RecommendModelKind;
  trainedAt: Date;
}

/** Trained models as bytes in PostgreSQL, so every instance can load the latest. */
export class ModelRepository {
  constructor(private readonly db: Db) {}

  /** Stores the bytes in one transaction: readers never see a half-written model. */
  save(input: { kind: RecommendModelKind; trainedAt: Date; bytes: Buffer; meta: object }): Promise<number> {
    return this.db.transaction().execute(async (tx) => {
      const { id } = await tx
        .insertInto('recommendModels')
        .values({
          kind: input.kind,
          trainedAt: input.trainedAt,
          byteSize: input.bytes.length,
          meta: JSON.stringify(input.meta),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (let seq = 0; seq * CHUNK_BYTES < input.bytes.length; seq++) {
        const data = input.bytes.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES);
        await tx.insertInto('recommendModelChunks').values({ modelId: id, seq, data }).execute();
      }
      return id;
    });
  }

  latest(): Promise<ModelHead | undefined> {
    return this.db
      .selectFrom('recommendModels')
      .select(['id', 'kind', 'trainedAt'])
      .orderBy('trainedAt', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /** The bytes of a model, or undefined when it was pruned meanwhile. */
  async read(id: number): Promise<Buffer | undefined> {
    const chunks: Buffer[] = [];
    // One chunk per query: the whole model never sits in one result set (or one string).
    for (let seq = 0; ; seq++) {
      const row = await this.db
        .selectFrom('recommendModelChunks')
        .select('data')
        .where('modelId', '=', id)
        .where('seq', '=', seq)
        .executeTakeFirst();
      if (!row) break;
      chunks.push(row.data);
    }
    return chunks.length > 0 ? Buffer.concat(chunks) : undefined;
  }

  async pruneKeeping(keep: number): Promise<number> {
    const result = await this.db
      .deleteFrom('recommendModels')
      .where(
        'id',
        'not in',
        this.db
          .selectFrom('recommendModels')
          .select('id')
          .orderBy('trainedAt', 'desc')
          .orderBy('id', 'desc')
          .limit(keep),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
