import type { Db } from '../../db/database.ts';

export interface DemoTrack {
  id: string;
  title: string;
  genre: string | null;
  durationMs: number;
  lyricLines: number;
}

/** What the demo community is built from: the tracks of the library, in a stable order. */
export class DemoCatalogRepository {
  constructor(private readonly db: Db) {}

  async tracks(): Promise<DemoTrack[]> {
    return this.db
      .selectFrom('tracks as t')
      .leftJoin('lyrics as l', (join) => join.onRef('l.trackId', '=', 't.id').on('l.lang', '=', ''))
      .select(['t.id', 't.title', 't.genre', 't.durationMs'])
      .select((eb) => eb.fn.coalesce(eb.fn('jsonb_array_length', ['l.lines']), eb.lit(0)).as('lyricLines'))
      .orderBy('t.path')
      .execute() as Promise<DemoTrack[]>;
  }
}
