import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/modules/search/search-tokenizer.ts';
import { createSearchModule, type SearchModule } from '../../src/modules/search/search.module.ts';
import { SearchRepository } from '../../src/modules/search/search.repository.ts';
import { searchCatalog } from '../factories/search.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * A very common term is ranked over a capped candidate set (its most popular matches), but an
 * exact name is always a candidate, however unpopular.
 */

let database: TestDatabase;
let search: SearchModule;
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const catalog = searchCatalog(database.db);
  const popular: string[] = [];
  for (let i = 1; i <= 30; i++) popular.push(await catalog.track(`Love Song ${i}`, { by: `Singer ${i}` }));
  ids.exact = await catalog.track('Love', { by: 'Nobody Famous' });
  ids.prefix = await catalog.track('Lovely', { by: 'Nobody Famous' });
  search = createSearchModule({ db: database.db });
  await search.indexer.reindexAll();
  await search.indexer.setPopularity(
    'track',
    popular.map((id, i) => ({ id, popularity: 100 + i })),
  );
});

afterAll(async () => {
  await database?.drop();
});

describe('candidate caps', () => {
  it('keeps an unpopular exact name while the common term is cut to its most popular matches', async () => {
    const repository = new SearchRepository(database.db);
    const hits = await repository.page(parseQuery('love', 'search')!, ['track'], 50, null, {
      matches: 10,
      exact: 5,
      fuzzy: false,
    });
    expect(hits[0]?.refId).toBe(ids.exact);
    // the ten most popular `Love Song`s, most popular first
    expect(hits.slice(1).map((h) => h.title)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Love Song ${30 - i}`),
    );
    expect(hits.map((h) => h.refId)).not.toContain(ids.prefix);
  });

  it('with the service’s caps, pages reach every match once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await search.service.search({ q: 'love', type: 'track', limit: 7, cursor });
      seen.push(...page.tracks.map((t) => t.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(32);
    expect(new Set(seen).size).toBe(32);
    expect(seen[0]).toBe(ids.exact);
  });

  it('setPopularity skips unknown and malformed entries', async () => {
    const updated = await search.indexer.setPopularity('track', [
      { id: ids.exact!, popularity: 1 },
      { id: '00000000-0000-4000-8000-000000000000', popularity: 5 },
      { id: 'nope', popularity: 5 },
      { id: ids.prefix!, popularity: Number.NaN },
    ]);
    expect(updated).toBe(1);
  });
});
