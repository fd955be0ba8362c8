import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/modules/demo/prng.ts';
import { aTrack, anAlbum, anArtist } from '../factories/catalog.ts';
import { aPlaylist, aUser, manyTracks, type BuiltUser } from '../factories/playlists.ts';
import { playlistsTestApp, type PlaylistsTestApp } from '../support/playlists-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** Adding, removing and ordering tracks; the 10,000 cap; counts that stay exact. */

let database: TestDatabase;
let t: PlaylistsTestApp;
let alice: BuiltUser;
let bob: BuiltUser;
let pool: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  alice = await aUser(database.db, 'alice');
  bob = await aUser(database.db, 'bob');
  pool = await manyTracks(database.db, 60, 200_000);
  t = await playlistsTestApp(database.db, [alice, bob]);
});

afterAll(async () => {
  await t?.close();
  await database?.drop();
});

const url = (id: string, rest = '') => `/api/v1/playlists/${id}${rest}`;

async function emptyPlaylist(): Promise<string> {
  return (await aPlaylist().ownedBy(alice).build(database.db)).id;
}

/** Every track id of the playlist in order, read page by page through the cursor. */
async function order(id: string, limit = 7): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const response = await t.call(alice, 'GET', url(id, query));
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    ids.push(...body.data.tracks.map((track: { id: string }) => track.id));
    cursor = body.nextCursor;
  } while (cursor);
  return ids;
}

describe('POST /api/v1/playlists/:id/tracks', () => {
  it('appends in the order given, skipping tracks already there and repeats in the request', async () => {
    const id = await emptyPlaylist();
    const first = await t.call(alice, 'POST', url(id, '/tracks'), { trackIds: pool.slice(0, 3) });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().data).toEqual({
      added: pool.slice(0, 3),
      skipped: [],
      trackCount: 3,
      durationMs: 600_000,
    });
    const second = await t.call(alice, 'POST', url(id, '/tracks'), {
      trackIds: [pool[1], pool[3], pool[3], pool[0]],
    });
    expect(second.json().data).toEqual({
      added: [pool[3]],
      skipped: [pool[1], pool[0]],
      trackCount: 4,
      durationMs: 800_000,
    });
    expect(await order(id, 2)).toEqual(pool.slice(0, 4));
  });

  it('inserts before the track at `position`, at the top with 0, and appends past the end', async () => {
    const id = await emptyPlaylist();
    await t.call(alice, 'POST', url(id, '/tracks'), { trackIds: pool.slice(0, 4) });
    await t.call(alice, 'POST', url(id, '/tracks'), { trackIds: [pool[10], pool[11]], position: 2 });
    await t.call(alice, 'POST', url(id, '/tracks'), { trackIds: [pool[12]], position: 0 });
    await t.call(alice, 'POST', url(id, '/tracks'), { trackIds: [pool[13]], position: 999 });
    expect(await order(id)).toEqual([
      pool[12],
      pool[0],
      pool[1],
      pool[10],
      pool[11],
      pool[2],
      pool[3],
      pool[13],
    ]);
  });

  it('shows tracks as the library lists do', async () => {
    const artist = await anArtist().named('陈绮贞').build(database.db);
    const album = await anAlbum().titled('华丽的冒险').by(artist).build(database.db);
    const track = await aTrack()
      .titled('旅行的意义')
      .by(artist)
      .on(album)
      .lasting(250_000)
      .build(database.db);
    const id = await emptyPlaylist();
    await t.call(alice, 'POST', url(id, '/tracks'), { trackIds: [track.id] });
    const shown = (await t.call(alice, 'GET', url(id))).json().data.tracks[0];
    expect(shown).toMatchObject({
      id: track.id,
      title: '旅行的意义',
      artists: [{ id: artist.id, name: '陈绮贞' }],
      album: { id: album.id, title: '华丽的冒险' },
      albumArtist: { id: artist.id, name: '陈绮贞' },
      durationMs: 250_000,
      streamUrl: `/api/v1/tracks/${track.id}/stream`,
    });
  });

  it('refuses unknown tracks with 400 track_not_found naming each, adding nothing', async () => {
    const id = await emptyPlaylist();
    const ghosts = [randomUUID(), randomUUID()];
    const response = await t.call(alice, 'POST', url(id, '/tracks'), { trackIds: [pool[0], ...ghosts] });
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe('track_not_found');
    for (const ghost of ghosts) expect(error.message).toContain(ghost);
    expect(error.message).not.toContain(pool[0]);
    expect((await t.call(alice, 'GET', url(id))).json().data.trackCount).toBe(0);
  });

  it('refuses malformed ids, an empty list and more than 500 ids in one request', async () => {
    const id = await emptyPlaylist();
    for (const trackIds of [['nope'], [], Array.from({ length: 501 }, () => randomUUID())]) {
      const response = await t.call(alice, 'POST', url(id, '/tracks'), { trackIds });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
    }
  });

  it("refuses another user's edit with 403", async () => {
    const id = await emptyPlaylist();
    const response = await t.call(bob, 'POST', url(id, '/tracks'), { trackIds: [pool[0]] });
    expect(response.statusCode).toBe(403);
  });
});

describe('the 10,000-track cap', () => {
  it('refuses what would pass 10,000 with playlist_full, and accepts up to exactly 10,000', async () => {
    const filler = await manyTracks(database.db, 9_998);
    const { id } = await aPlaylist().ownedBy(alice).withTracks(filler).build(database.db);
    const three = await t.call(alice, 'POST', url(id, '/tracks'), { trackIds: pool.slice(0, 3) });
    expect(three.statusCode).toBe(400);
    expect(three.json().error.code).toBe('playlist_full');
    expect((await t.call(alice, 'GET', url(id, '?limit=1'))).json().data.trackCount).toBe(9_998);

    // Tracks already in the list do not count against the room left.
    const two = await t.call(alice, 'POST', url(id, '/tracks'), {
      trackIds: [filler[0], ...pool.slice(0, 2)],
    });
    expect(two.statusCode, two.body).toBe(200);
    expect(two.json().data).toMatchObject({ trackCount: 10_000, skipped: [filler[0]] });

    const one = await t.call(alice, 'POST', url(id, '/tracks'), { trackIds: [pool[5]] });
    expect(one.json().error.code).toBe('playlist_full');
    const again = await t.call(alice, 'POST', url(id, '/tracks'), { trackIds: [pool[0]] });
    expect(again.statusCode).toBe(200);
  });
});

describe('DELETE /api/v1/playlists/:id/tracks', () => {
  it('removes what is there, ignores what is not, and keeps counts exact', async () => {
    const { id } = await aPlaylist().ownedBy(alice).withTracks(pool.slice(0, 5)).build(database.db);
    const response = await t.call(alice, 'DELETE', url(id, '/tracks'), {
      trackIds: [pool[1], pool[3], pool[40]],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().data).toEqual({
      removed: expect.arrayContaining([pool[1], pool[3]]),
      trackCount: 3,
      durationMs: 600_000,
    });
    const retry = await t.call(alice, 'DELETE', url(id, '/tracks'), { trackIds: [pool[1]] });
    expect(retry.json().data).toEqual({ removed: [], trackCount: 3, durationMs: 600_000 });
    expect(await order(id)).toEqual([pool[0], pool[2], pool[4]]);
  });
});

describe('PUT /api/v1/playlists/:id/order', () => {
  it('keeps the intended order after many random drags, read back page by page', async () => {
    const tracks = pool.slice(0, 40);
    const { id } = await aPlaylist().ownedBy(alice).withTracks(tracks).build(database.db);
    const random = mulberry32(20261123);
    let expected = [...tracks];
    for (let i = 0; i < 150; i++) {
      const trackId = expected[Math.floor(random() * expected.length)]!;
      // Favour the top of the list so one gap is split again and again (forcing a renumber).
      const anchorIndex =
        random() < 0.5 ? Math.floor(random() * 2) - 1 : Math.floor(random() * expected.length);
      const afterTrackId = anchorIndex < 0 ? null : expected[anchorIndex]!;
      const response = await t.call(alice, 'PUT', url(id, '/order'), { trackId, afterTrackId });
      expect(response.statusCode, response.body).toBe(200);
      if (afterTrackId !== trackId) {
        const rest = expected.filter((x) => x !== trackId);
        const at = afterTrackId === null ? 0 : rest.indexOf(afterTrackId) + 1;
        expected = [...rest.slice(0, at), trackId, ...rest.slice(at)];
      }
    }
    expect(await order(id)).toEqual(expected);
    expect((await t.call(alice, 'GET', url(id))).json().data.trackCount).toBe(40);
  });

  it('renumbers when a gap is used up, without changing the order', async () => {
    const { id } = await aPlaylist().ownedBy(alice).withTracks(pool.slice(0, 3)).build(database.db);
    let expected = pool.slice(0, 3);
    // Always move the last track right after the first: the gap after the first halves each time.
    for (let i = 0; i < 60; i++) {
      const [first, second, third] = expected as [string, string, string];
      const response = await t.call(alice, 'PUT', url(id, '/order'), { trackId: third, afterTrackId: first });
      expect(response.statusCode).toBe(200);
      expected = [first, third, second];
    }
    expect(await order(id)).toEqual(expected);
    const positions = await database.db
      .selectFrom('playlistTracks')
      .select('position')
      .where('playlistId', '=', id)
      .orderBy('position')
      .execute();
    // 60 halvings of a gap of 1 would be far below MIN_GAP without a renumber.
    expect(positions[1]!.position - positions[0]!.position).toBeGreaterThan(1e-6);
  });

  it('refuses a track or anchor that is not in the playlist with 400 naming it', async () => {
    const { id } = await aPlaylist().ownedBy(alice).withTracks(pool.slice(0, 3)).build(database.db);
    const response = await t.call(alice, 'PUT', url(id, '/order'), {
      trackId: pool[0],
      afterTrackId: pool[50],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'track_not_in_playlist' });
    expect(response.json().error.message).toContain(pool[50]);
    const missing = await t.call(alice, 'PUT', url(id, '/order'), { trackId: pool[51], afterTrackId: null });
    expect(missing.json().error.code).toBe('track_not_in_playlist');
  });

  it("refuses another user's drag with 403", async () => {
    const { id } = await aPlaylist().ownedBy(alice).withTracks(pool.slice(0, 3)).build(database.db);
    const response = await t.call(bob, 'PUT', url(id, '/order'), { trackId: pool[2], afterTrackId: null });
    expect(response.statusCode).toBe(403);
  });
});

describe('counts when the library changes', () => {
  it('follow a track removed from the library and a track whose duration changed', async () => {
    const [gone, kept, rescanned] = await manyTracks(database.db, 3, 100_000);
    const { id } = await aPlaylist().ownedBy(alice).withTracks([gone!, kept!, rescanned!]).build(database.db);
    const other = await aPlaylist().ownedBy(bob).withTracks([gone!]).build(database.db);
    await database.db.deleteFrom('tracks').where('id', '=', gone!).execute();
    await database.db
      .updateTable('tracks')
      .set({ durationMs: 160_000 })
      .where('id', '=', rescanned!)
      .execute();
    const body = (await t.call(alice, 'GET', url(id))).json();
    expect(body.data).toMatchObject({ trackCount: 2, durationMs: 260_000 });
    expect(body.data.tracks.map((track: { id: string }) => track.id)).toEqual([kept, rescanned]);
    expect((await t.call(bob, 'GET', url(other.id))).json().data).toMatchObject({
      trackCount: 0,
      durationMs: 0,
    });
  });
});

describe('paging the tracks', () => {
  it('refuses a cursor from another playlist and a forged one', async () => {
    const a = await aPlaylist().ownedBy(alice).withTracks(pool.slice(0, 5)).build(database.db);
    const b = await aPlaylist().ownedBy(alice).withTracks(pool.slice(0, 5)).build(database.db);
    const { nextCursor } = (await t.call(alice, 'GET', url(a.id, '?limit=2'))).json();
    expect(nextCursor).toEqual(expect.any(String));
    for (const query of [`?cursor=${nextCursor}`, '?cursor=bm90LWEtY3Vyc29y', '?limit=201']) {
      const response = await t.call(alice, 'GET', url(b.id, query));
      expect(response.statusCode).toBe(400);
    }
  });
});
