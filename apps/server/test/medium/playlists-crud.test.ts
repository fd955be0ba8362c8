import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aUser, type BuiltUser } from '../factories/playlists.ts';
import { playlistsTestApp, type PlaylistsTestApp } from '../support/playlists-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** Creating, reading, editing and deleting playlists over HTTP, and the rules on their text. */

let database: TestDatabase;
let t: PlaylistsTestApp;
let alice: BuiltUser;
let bob: BuiltUser;

beforeAll(async () => {
  database = await createTestDatabase();
  alice = await aUser(database.db, 'alice', '爱丽丝');
  bob = await aUser(database.db, 'bob', 'Bob');
  t = await playlistsTestApp(database.db, [alice, bob]);
});

afterAll(async () => {
  await t?.close();
  await database?.drop();
});

async function create(body: Record<string, unknown>, user = alice) {
  const response = await t.call(user, 'POST', '/api/v1/playlists', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json().data;
}

describe('POST /api/v1/playlists', () => {
  it('creates a public, empty playlist owned by the caller, with trimmed text', async () => {
    const created = await create({
      name: '  夜晚的民谣  ',
      description: ' 睡前听 \n第二行 ',
      tags: ['folk', 'night'],
    });
    expect(created).toEqual({
      id: expect.any(String),
      name: '夜晚的民谣',
      description: '睡前听 \n第二行',
      visibility: 'public',
      tags: ['folk', 'night'],
      owner: { id: alice.id, username: 'alice', nickname: '爱丽丝', avatarUrl: null },
      coverUrl: null,
      coverUploaded: false,
      trackCount: 0,
      durationMs: 0,
      playCount: 0,
      subscriberCount: 0,
      subscribed: false,
      createdAt: '2026-11-23T08:00:00.000Z',
      updatedAt: '2026-11-23T08:00:00.000Z',
      abilities: { update: true, delete: true, subscribe: false },
    });
  });

  it('needs a logged-in user', async () => {
    const response = await t.call(null, 'POST', '/api/v1/playlists', { name: 'x' });
    expect(response.statusCode).toBe(401);
  });

  it.each([
    ['an empty name', { name: '' }],
    ['a name of spaces', { name: '    ' }],
    ['a name over 100 characters', { name: 'a'.repeat(101) }],
    ['a name with a line break', { name: 'a\nb' }],
    ['a description over 1000 characters', { name: 'ok', description: 'd'.repeat(1001) }],
    ['an unknown field', { name: 'ok', owner: 'someone' }],
    ['an unknown visibility', { name: 'ok', visibility: 'friends' }],
  ])('refuses %s with 400 naming the field', async (_what, body) => {
    const response = await t.call(alice, 'POST', '/api/v1/playlists', body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
  });

  it('accepts exactly 100 characters of name and 1000 of description', async () => {
    const created = await create({ name: '歌'.repeat(100), description: 'd'.repeat(1000) });
    expect(created.name).toHaveLength(100);
  });
});

describe('tags', () => {
  it('lists the fixed categories with both labels', async () => {
    const response = await t.call(bob, 'GET', '/api/v1/playlists/tags');
    expect(response.statusCode).toBe(200);
    const { categories, maxPerPlaylist } = response.json().data;
    expect(maxPerPlaylist).toBe(3);
    expect(categories.map((c: { id: string }) => c.id)).toEqual([
      'language',
      'style',
      'scene',
      'mood',
      'theme',
    ]);
    const language = categories[0].tags;
    expect(language).toContainEqual({ id: 'mandarin', label: { 'zh-CN': '华语', en: 'Mandarin' } });
  });

  it('refuses a fourth tag and an unknown tag, on create and on edit', async () => {
    const four = await t.call(alice, 'POST', '/api/v1/playlists', {
      name: 'x',
      tags: ['pop', 'rock', 'folk', 'jazz'],
    });
    expect(four.statusCode).toBe(400);
    expect(four.json().error.code).toBe('too_many_tags');

    const playlist = await create({ name: 'tagged', tags: ['pop'] });
    const unknown = await t.call(alice, 'PATCH', `/api/v1/playlists/${playlist.id}`, {
      tags: ['pop', '华语'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toEqual({ code: 'unknown_tag', message: 'Unknown tag: 华语' });
    const again = await t.call(alice, 'PATCH', `/api/v1/playlists/${playlist.id}`, {
      tags: ['pop', 'rock', 'folk', 'jazz'],
    });
    expect(again.json().error.code).toBe('too_many_tags');
    expect((await t.call(alice, 'GET', `/api/v1/playlists/${playlist.id}`)).json().data.tags).toEqual([
      'pop',
    ]);
  });

  it('keeps each tag once', async () => {
    const playlist = await create({ name: 'dupes', tags: ['sad', 'sad', 'study'] });
    expect(playlist.tags).toEqual(['sad', 'study']);
  });
});

describe('GET /api/v1/playlists/:id', () => {
  it("shows another user's public playlist with what they may do", async () => {
    const playlist = await create({ name: 'shared' });
    const response = await t.call(bob, 'GET', `/api/v1/playlists/${playlist.id}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.data.abilities).toEqual({ update: false, delete: false, subscribe: true });
    expect(body.data.tracks).toEqual([]);
    expect(body.nextCursor).toBeNull();
  });

  it('answers 404 playlist_not_found for an unknown id and for one that is not a UUID', async () => {
    for (const id of ['8d8f1f0e-3c4b-4e59-a7a4-0d3f5b1c2e9a', 'not-a-uuid', "1'; drop table playlists;--"]) {
      const response = await t.call(alice, 'GET', `/api/v1/playlists/${encodeURIComponent(id)}`);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('playlist_not_found');
    }
  });
});

describe('PATCH /api/v1/playlists/:id', () => {
  it('renames, describes, retags and hides a playlist, stamping the edit time', async () => {
    const playlist = await create({ name: 'draft' });
    t.clock.advance(60_000);
    const response = await t.call(alice, 'PATCH', `/api/v1/playlists/${playlist.id}`, {
      name: ' 学习用 ',
      description: '安静',
      tags: ['study', 'quiet'],
      visibility: 'private',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().data).toMatchObject({
      name: '学习用',
      description: '安静',
      tags: ['study', 'quiet'],
      visibility: 'private',
      createdAt: playlist.createdAt,
      updatedAt: new Date(Date.parse(playlist.createdAt) + 60_000).toISOString(),
    });
  });

  it("refuses another user's edit with 403 and changes nothing", async () => {
    const playlist = await create({ name: 'mine' });
    const response = await t.call(bob, 'PATCH', `/api/v1/playlists/${playlist.id}`, { name: 'theirs' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('forbidden');
    expect((await t.call(alice, 'GET', `/api/v1/playlists/${playlist.id}`)).json().data.name).toBe('mine');
  });

  it('refuses an empty name', async () => {
    const playlist = await create({ name: 'named' });
    const response = await t.call(alice, 'PATCH', `/api/v1/playlists/${playlist.id}`, { name: ' ' });
    expect(response.statusCode).toBe(400);
  });
});

describe('DELETE /api/v1/playlists/:id', () => {
  it('lets only the owner delete, and then the playlist is gone', async () => {
    const playlist = await create({ name: 'short-lived' });
    expect((await t.call(bob, 'DELETE', `/api/v1/playlists/${playlist.id}`)).statusCode).toBe(403);
    expect((await t.call(alice, 'GET', `/api/v1/playlists/${playlist.id}`)).statusCode).toBe(200);
    const response = await t.call(alice, 'DELETE', `/api/v1/playlists/${playlist.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true });
    expect((await t.call(alice, 'GET', `/api/v1/playlists/${playlist.id}`)).statusCode).toBe(404);
    expect((await t.call(alice, 'DELETE', `/api/v1/playlists/${playlist.id}`)).statusCode).toBe(404);
  });
});
