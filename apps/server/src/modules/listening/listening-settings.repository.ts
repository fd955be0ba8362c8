import type { Db } from '../../db/database.ts';

export interface ListeningSettings {
  /** others may not see this user's listening ranking */
  rankingHidden: boolean;
}

const defaults: ListeningSettings = { rankingHidden: false };

export class ListeningSettingsRepository {
  constructor(private readonly db: Db) {}

  async get(userId: string): Promise<ListeningSettings> {
    const row = await this.db
      .selectFrom('listeningSettings')
      .select(['rankingHidden'])
      .where('userId', '=', userId)
      .executeTakeFirst();
    return row ?? defaults;
  }

  async save(userId: string, settings: ListeningSettings, at: Date): Promise<ListeningSettings> {
    return this.db
      .insertInto('listeningSettings')
      .values({ userId, rankingHidden: settings.rankingHidden, updatedAt: at })
      .onConflict((oc) =>
        oc.column('userId').doUpdateSet({ rankingHidden: settings.rankingHidden, updatedAt: at }),
      )
      .returning(['rankingHidden'])
      .executeTakeFirstOrThrow();
  }
}
