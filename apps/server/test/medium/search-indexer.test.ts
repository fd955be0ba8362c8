import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SearchDocumentRepository } from '../../src/modules/search/search-document.repository.ts';
import { SearchIndexer } from '../../src/modules/search/search-indexer.ts';
import { SearchSourceRepository } from '../../src/modules/search/search-source.repository.ts';
import { createSearchModule, type SearchModule } from '../../src/modules/search/search.module.ts';
import { searchCatalog, type SearchCatalog } from '../factories/search.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** The index follows the catalog: after a scan, after removals, and on a full rebuild. */

let database: TestDatabase;
let catalog: SearchCatalog;
let search: SearchModule;

beforeEach(async () => {
  database = await createTestDatabase();
  catalog = searchCatalog(database.db);
  search = createSearchModule({ db: database.db });
});

afterEach(async () => {
  await database.drop();
});

const trackTitles = async (q: string) =>
  (await search.service.search({ q, type: 'track' })).tracks.map((t) => t.title);
const artistNames = async (q: string) =>
  (await search.service.search({ q, type: 'artist' })).artists.map((a) => a.name);
const popularity = async (kind: string, id: string) => {
  const { rows } = await sql<{ popularity: number }>`
    SELECT popularity FROM search_documents WHERE kind = ${kind} AND ref_id = ${id}`.execute(database.db);
  return rows[0]?.popularity;
};

describe('reindexTracks', () => {
  it('indexes new tracks with their album and artists', async () => {
    const id = await catalog.track('晴天', { by: '周杰伦', album: '叶惠美' });
    expect(await search.indexer.isEmpty()).toBe(true);
    await search.indexer.reindexTracks([id]);
    expect(await trackTitles('qingtian')).toEqual(['晴天']);
    expect(await artistNames('zjl')).toEqual(['周杰伦']);
    expect((await search.service.search({ q: '叶惠美', type: 'album' })).albums).toHaveLength(1);
  });

  it('follows a retitle, and drops the old words', async () => {
    const id = await catalog.track('晴天', { by: '周杰伦' });
    await search.indexer.reindexTracks([id]);
    await database.db
      .updateTable('tracks')
      .set({ title: '雨天', titleKey: '雨天' })
      .where('id', '=', id)
      .execute();
    await search.indexer.reindexTracks([id]);
    expect(await trackTitles('雨天')).toEqual(['雨天']);
    expect(await trackTitles('晴天')).toEqual([]);
  });

  it('removes the document of a deleted track and recounts its artist', async () => {
    const keep = await catalog.track('七里香', { by: '周杰伦' });
    const gone = await catalog.track('晴天', { by: '周杰伦' });
    await search.indexer.reindexTracks([keep, gone]);
    const artistId = await catalog.artist('周杰伦');
    expect(await popularity('artist', artistId)).toBe(2);

    await database.db.deleteFrom('tracks').where('id', '=', gone).execute();
    const stats = await search.indexer.reindexTracks([gone]);
    expect(stats.removed).toBe(1);
    expect(await trackTitles('晴天')).toEqual([]);
    expect(await popularity('artist', artistId)).toBe(1);
  });

  it('keeps a popularity the index was given (play counts) when a track is reindexed', async () => {
    const id = await catalog.track('稻香', { by: '周杰伦' });
    await search.indexer.reindexTracks([id]);
    await catalog.setPopularity('track', id, 42);
    await database.db.updateTable('tracks').set({ title: '稻香 (Live)' }).where('id', '=', id).execute();
    await search.indexer.reindexTracks([id]);
    expect(await popularity('track', id)).toBe(42);
  });

  it('ignores ids that are not ids', async () => {
    await expect(search.indexer.reindexTracks(['not-a-uuid', ''])).resolves.toEqual({
      written: 0,
      removed: 0,
    });
  });
});

describe('reindexAll', () => {
  it('builds everything, and a second run changes nothing', async () => {
    await catalog.track('Für Elise', { by: 'Beethoven', album: 'Piano Works' });
    await catalog.track('Halo', { by: 'Beyoncé' });
    await catalog.user('sunny_day', '晴天');
    const first = await search.indexer.reindexAll();
    // 2 tracks, 1 album, 2 artists, 1 user
    expect(first).toEqual({ written: 6, removed: 0 });
    expect(await search.indexer.reindexAll()).toEqual({ written: 0, removed: 0 });
    expect(await trackTitles('fur elise')).toEqual(['Für Elise']);
  });

  it('removes documents whose rows are gone', async () => {
    const id = await catalog.track('Halo', { by: 'Beyoncé' });
    await search.indexer.reindexAll();
    await database.db.deleteFrom('tracks').where('id', '=', id).execute();
    expect((await search.indexer.reindexAll()).removed).toBe(1);
    expect(await trackTitles('halo')).toEqual([]);
    // the artist stays (its row does), now with no tracks
    expect(await artistNames('beyonce')).toEqual(['Beyoncé']);
  });

  it('walks the catalog in batches', async () => {
    for (let i = 0; i < 7; i++) await catalog.track(`Song ${i}`, { by: 'Band' });
    // a batch of 3 makes the keyset loop take several turns
    const indexer = new SearchIndexer(
      new SearchSourceRepository(database.db),
      new SearchDocumentRepository(database.db),
      3,
    );
    expect((await indexer.reindexAll()).written).toBe(8);
    expect((await search.service.search({ q: 'song', type: 'track', limit: 50 })).tracks).toHaveLength(7);
  });
});
