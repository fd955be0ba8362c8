import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPlaylist, aUser, manyTracks, type BuiltPlaylist, type BuiltUser } from '../factories/playlists.ts';
import { multipartFile, playlistsTestApp, type PlaylistsTestApp } from '../support/playlists-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * A private playlist exists only for its owner: every route answers someone else exactly as
 * it answers an id that names nothing, and no list or count shows it.
 */

let database: TestDatabase;
let t: PlaylistsTestApp;
let alice: BuiltUser;
let bob: BuiltUser;
let carol: BuiltUser;
let secret: BuiltPlaylist;
let shared: BuiltPlaylist;
let tracks: string[];

const NOWHERE = '3f0e4c9a-5b7d-4e21-9c8a-6d1f2b3a4c5e';

beforeAll(async () => {
  database = await createTestDatabase();
  alice = await aUser(database.db, 'alice');
  bob = await aUser(database.db, 'bob');
  carol = await aUser(database.db, 'carol');
  tracks = await manyTracks(database.db, 4);
  // Bob subscribed while it was public; then Alice made it private.
  secret = await aPlaylist()
    .ownedBy(alice)
    .named('secret diary')
    .tagged('sad')
    .withTracks(tracks.slice(0, 2))
    .subscribedBy(bob)
    .build(database.db);
  await database.db
    .updateTable('playlists')
    .set({ visibility: 'private' })
    .where('id', '=', secret.id)
    .execute();
  shared = await aPlaylist().ownedBy(alice).named('open').tagged('sad').withTracks(tracks).build(database.db);
  t = await playlistsTestApp(database.db, [alice, bob, carol]);
});

afterAll(async () => {
  await t?.close();
  await database?.drop();
});

const image = () =>
  sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } })
    .png()
    .toBuffer();

/** Every route that names a playlist, as (label, request for a playlist id). */
const routes: [string, (id: string) => Promise<{ statusCode: number; json: () => unknown }>][] = [
  ['GET', (id) => t.call(bob, 'GET', `/api/v1/playlists/${id}`)],
  ['PATCH', (id) => t.call(bob, 'PATCH', `/api/v1/playlists/${id}`, { name: 'mine now' })],
  ['DELETE', (id) => t.call(bob, 'DELETE', `/api/v1/playlists/${id}`)],
  ['POST tracks', (id) => t.call(bob, 'POST', `/api/v1/playlists/${id}/tracks`, { trackIds: [tracks[3]] })],
  [
    'DELETE tracks',
    (id) => t.call(bob, 'DELETE', `/api/v1/playlists/${id}/tracks`, { trackIds: [tracks[0]] }),
  ],
  [
    'PUT order',
    (id) => t.call(bob, 'PUT', `/api/v1/playlists/${id}/order`, { trackId: tracks[1], afterTrackId: null }),
  ],
  [
    'PUT cover',
    async (id) => {
      const { payload, headers } = multipartFile('file', 'c.png', 'image/png', await image());
      return t.app.inject({
        method: 'PUT',
        url: `/api/v1/playlists/${id}/cover`,
        payload,
        headers: { ...headers, ...t.headers(bob) },
      });
    },
  ],
  ['DELETE cover', (id) => t.call(bob, 'DELETE', `/api/v1/playlists/${id}/cover`)],
  ['POST subscription', (id) => t.call(bob, 'POST', `/api/v1/playlists/${id}/subscription`)],
  ['DELETE subscription', (id) => t.call(bob, 'DELETE', `/api/v1/playlists/${id}/subscription`)],
  ['GET subscribers', (id) => t.call(bob, 'GET', `/api/v1/playlists/${id}/subscribers`)],
];

describe("someone else's private playlist", () => {
  it.each(routes)('%s answers exactly as for an id that names nothing (404)', async (_label, request) => {
    const hidden = await request(secret.id);
    const missing = await request(NOWHERE);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual(missing.json());
    expect(hidden.json()).toEqual({ error: { code: 'playlist_not_found', message: 'No such playlist' } });
  });

  it('was not changed by any of those requests', async () => {
    const body = (await t.call(alice, 'GET', `/api/v1/playlists/${secret.id}`)).json();
    expect(body.data).toMatchObject({ name: 'secret diary', trackCount: 2, coverUploaded: false });
    expect(body.data.tracks.map((track: { id: string }) => track.id)).toEqual(tracks.slice(0, 2));
  });

  it('is absent from the square, under every sort and its tag', async () => {
    for (const query of ['', '?sort=new', '?sort=hot&tag=sad', '?sort=quality', '?sort=new&tag=sad']) {
      const ids = (await t.call(bob, 'GET', `/api/v1/playlists${query}`))
        .json()
        .data.map((p: { id: string }) => p.id);
      expect(ids).not.toContain(secret.id);
      if (query !== '?sort=quality') expect(ids).toContain(shared.id);
    }
  });

  it("is absent from its owner's lists and counts as others see them", async () => {
    for (const viewer of [bob, carol]) {
      const body = (await t.call(viewer, 'GET', `/api/v1/users/${alice.id}/playlists`)).json();
      expect(body.data.map((p: { id: string }) => p.id)).toEqual([shared.id]);
      expect(body.total).toBe(1);
    }
  });

  it("is absent from the subscriber's lists and counts, even for the subscriber", async () => {
    for (const viewer of [bob, carol]) {
      const body = (await t.call(viewer, 'GET', `/api/v1/users/${bob.id}/playlists?kind=subscribed`)).json();
      expect(body).toEqual({ data: [], nextCursor: null, total: 0 });
    }
    const mine = (await t.call(bob, 'GET', '/api/v1/me/playlists')).json();
    expect(mine.data.subscribed).toEqual([]);
  });

  it('is still all there for its owner', async () => {
    const own = (await t.call(alice, 'GET', `/api/v1/users/${alice.id}/playlists`)).json();
    expect(own.total).toBe(2);
    expect(own.data.map((p: { id: string }) => p.id)).toContain(secret.id);
    const mine = (await t.call(alice, 'GET', '/api/v1/me/playlists')).json();
    expect(mine.data.created.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([secret.id]));
    const subscribers = (await t.call(alice, 'GET', `/api/v1/playlists/${secret.id}/subscribers`)).json();
    expect(subscribers.data.map((u: { id: string }) => u.id)).toEqual([bob.id]);
  });

  it('answers anonymous callers with 401 before anything else', async () => {
    const response = await t.call(null, 'GET', `/api/v1/playlists/${secret.id}`);
    expect(response.statusCode).toBe(401);
  });
});
