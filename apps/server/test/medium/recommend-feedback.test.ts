import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedbackRepository } from '../../src/modules/recommend/feedback.repository.ts';
import { classifyPlay, type PlayFacts } from '../../src/modules/recommend/feedback-signals.ts';
import { aTrack, type BuiltTrack } from '../factories/catalog.ts';
import { aPlaylist, aUser, type BuiltUser } from '../factories/playlists.ts';
import { likes } from '../factories/recommend.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * What the recommender reads about a user: the SQL that counts plays agrees with
 * `classifyPlay`, and likes, own playlists, the bin, dismissals and the taste reset are read as
 * documented.
 */

const NOW = new Date('2026-11-23T04:00:00.000Z');
const DAY = 86_400_000;

let database: TestDatabase;
let me: BuiltUser;
let tracks: BuiltTrack[];

async function play(user: BuiltUser, track: BuiltTrack, at: Date, facts: PlayFacts): Promise<void> {
  await sql`
    INSERT INTO plays (playback_id, user_id, track_id, started_at, last_event_at, played_ms, count_after_ms,
      end_reason, repeat, source_type, counted)
    VALUES (${randomUUID()}, ${user.id}, ${track.id}, ${at}, ${at}, ${facts.playedMs}, 120000,
      ${facts.endReason}, ${facts.repeat}, 'library', ${facts.counted})`.execute(database.db);
}

const cases: PlayFacts[] = [
  { playedMs: 240_000, durationMs: 240_000, endReason: 'finished', repeat: false, counted: true },
  { playedMs: 240_000, durationMs: 240_000, endReason: 'finished', repeat: true, counted: true },
  { playedMs: 10_000, durationMs: 240_000, endReason: 'skipped', repeat: false, counted: false },
  { playedMs: 45_000, durationMs: 240_000, endReason: 'skipped', repeat: false, counted: false },
  { playedMs: 61_000, durationMs: 240_000, endReason: 'skipped', repeat: false, counted: false },
  { playedMs: 10_000, durationMs: 240_000, endReason: 'interrupted', repeat: false, counted: false },
  { playedMs: 130_000, durationMs: 240_000, endReason: 'skipped', repeat: true, counted: true },
  { playedMs: 5_000, durationMs: 240_000, endReason: null, repeat: false, counted: false },
];

beforeAll(async () => {
  database = await createTestDatabase();
  me = await aUser(database.db, 'me');
  tracks = [];
  for (let i = 0; i < cases.length + 4; i++) tracks.push(await aTrack().lasting(240_000).build(database.db));
});

afterAll(async () => {
  await database?.drop();
});

describe('reading feedback', () => {
  it('counts each playback in SQL as classifyPlay does', async () => {
    for (const [i, facts] of cases.entries())
      await play(me, tracks[i]!, new Date(NOW.getTime() - DAY), facts);
    const feedback = await new FeedbackRepository(database.db).forUser(me.id);
    for (const [i, facts] of cases.entries()) {
      const outcome = classifyPlay(facts);
      const cell = feedback.cells.get(tracks[i]!.id);
      expect({
        case: i,
        loops: cell?.loops ?? 0,
        finishes: cell?.finishes ?? 0,
        skips: cell?.skips ?? 0,
      }).toEqual({
        case: i,
        loops: outcome === 'loop' ? 1 : 0,
        finishes: outcome === 'finish' ? 1 : 0,
        skips: outcome === 'skip' ? 1 : 0,
      });
      expect(feedback.lastHeard.get(tracks[i]!.id)).toEqual(new Date(NOW.getTime() - DAY));
    }
  });

  it('reads likes, own playlists, the bin and blocks; a like after the bin lifts it', async () => {
    const [liked, collected, binned, binnedThenLiked] = tracks.slice(cases.length) as [
      BuiltTrack,
      BuiltTrack,
      BuiltTrack,
      BuiltTrack,
    ];
    await likes(database.db, me, liked.id, new Date(NOW.getTime() - 2 * DAY));
    await aPlaylist().ownedBy(me).withTracks([collected.id]).build(database.db);
    const someoneElses = await aUser(database.db, 'other');
    await aPlaylist().ownedBy(someoneElses).withTracks([liked.id, binned.id]).build(database.db);
    await database.db
      .insertInto('trackTrash')
      .values([
        { userId: me.id, trackId: binned.id, at: new Date(NOW.getTime() - 3 * DAY) },
        { userId: me.id, trackId: binnedThenLiked.id, at: new Date(NOW.getTime() - 3 * DAY) },
      ])
      .execute();
    await likes(database.db, me, binnedThenLiked.id, new Date(NOW.getTime() - DAY));
    const feedback = await new FeedbackRepository(database.db).forUser(me.id);
    expect(feedback.cells.get(liked.id)).toMatchObject({ liked: true, collected: false });
    expect(feedback.cells.get(collected.id)).toMatchObject({ collected: true, liked: false });
    expect(feedback.cells.get(binned.id)).toMatchObject({ trashed: true });
    expect([...feedback.trashed.keys()]).toEqual([binned.id]);
    expect(feedback.loved).toEqual(new Set([liked.id, binnedThenLiked.id]));
    const filters = await new FeedbackRepository(database.db).filters(me.id);
    expect([...filters.trashed.keys()]).toEqual([binned.id]);
  });

  it('ignores taste from before a reset, but remembers what was heard and binned', async () => {
    await database.db
      .insertInto('tasteProfiles')
      .values({ userId: me.id, resetAt: NOW, updatedAt: NOW })
      .execute();
    const feedback = await new FeedbackRepository(database.db).forUser(me.id);
    expect(feedback.resetAt).toEqual(NOW);
    expect(feedback.cells.size).toBe(0);
    expect(feedback.lastHeard.size).toBe(cases.length);
    expect(feedback.trashed.size).toBe(1);
  });
});
