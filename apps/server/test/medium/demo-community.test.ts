import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, type AppContext } from '../../src/app-context.ts';
import { configSchema } from '../../src/config.ts';
import { seedDemoCommunityOnce } from '../../src/demo-seed.ts';
import { DEMO_COMMUNITY } from '../../src/modules/demo/demo-community.ts';
import { SettingsRepository } from '../../src/modules/settings/settings.repository.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { aTrack, anArtist } from '../factories/catalog.ts';
import { aUser } from '../factories/playlists.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** The demo's community is made through the real services, once, and obeys their rules. */

let database: TestDatabase;
let context: AppContext;
let dataDir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'resonance-demo-community-'));
  const genres = [
    'Mandopop',
    'Folk',
    'Synthpop',
    'Chiptune',
    'Lo-fi Hip Hop',
    'Indie Rock',
    'Jazz',
    'Ambient',
  ];
  const artist = await anArtist().named('Demo Band').build(database.db);
  for (const [index, genre] of genres.entries()) {
    for (let n = 0; n < 4; n++) {
      await aTrack()
        .titled(`${genre} ${n}`)
        .by(artist)
        .inGenre(genre)
        .lasting(150_000 + index * 1000)
        .build(database.db);
    }
  }
  for (const person of DEMO_COMMUNITY) await aUser(database.db, person.username);
  const config = { ...configSchema.parse({ demo: false }), dataDir };
  context = createAppContext(config, database.db, pino({ level: 'silent' }), fixedClock(new Date()));
});

afterAll(async () => {
  await context?.close();
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('the demo community', () => {
  it('creates playlists, subscriptions, likes, counted plays and charts, once', async () => {
    const settings = new SettingsRepository(database.db);
    await seedDemoCommunityOnce(context, settings);
    await seedDemoCommunityOnce(context, settings);

    const playlists = await database.db
      .selectFrom('playlists')
      .select(['name', 'visibility', 'trackCount', 'subscriberCount', 'tags'])
      .orderBy('name')
      .execute();
    expect(playlists).toHaveLength(6);
    expect(playlists.find((p) => p.name === '私藏')).toMatchObject({
      visibility: 'private',
      subscriberCount: 0,
    });
    expect(playlists.find((p) => p.name === '深夜单曲循环')).toMatchObject({
      subscriberCount: 3,
      tags: ['mandarin', 'night', 'sad'],
    });
    expect(playlists.every((p) => p.trackCount > 0)).toBe(true);

    const likes = await database.db
      .selectFrom('annotations')
      .select('userId')
      .where('likedAt', 'is not', null)
      .execute();
    expect(likes).toHaveLength(4 * 5);

    const counted = await database.db
      .selectFrom('plays')
      .select('userId')
      .where('counted', '=', true)
      .execute();
    expect(new Set(counted.map((row) => row.userId)).size).toBe(4);
    expect(counted.length).toBeGreaterThan(100);

    const comments = await database.db
      .selectFrom('comments')
      .select(['body', 'parentId', 'likeCount', 'hugCount', 'targetType'])
      .execute();
    const story = comments.find((c) => c.body.startsWith('第一次听'));
    expect(story).toMatchObject({ likeCount: 3, hugCount: 1, parentId: null });
    expect(comments.filter((c) => c.parentId !== null)).toHaveLength(2);
    expect(comments.some((c) => c.targetType === 'playlist')).toBe(true);
    const notified = await database.db.selectFrom('notifications').select('kind').execute();
    expect(new Set(notified.map((n) => n.kind))).toEqual(new Set(['reply', 'mention', 'like', 'hug']));

    const hot = await context.charts.service.chart('hot');
    expect(hot.entries.length).toBeGreaterThan(0);
  });
});
