import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResonanceClient } from '../../packages/sdk/src/index.ts';
import { browserLikeClient } from '../support/browser-like-client.ts';
import { startTestServer, type TestServer } from '../support/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

async function register(username: string, password = 'correct horse') {
  const client = browserLikeClient(server.url);
  const result = await client.api.POST('/api/v1/auth/register', {
    body: { username, password, nickname: username.toUpperCase() },
  });
  expect(result.response.status).toBe(201);
  return { client, result };
}

describe('accounts', () => {
  it('makes the first account admin and later ones listeners', async () => {
    const first = await register('founder');
    expect(first.result.data?.user.role).toBe('admin');
    const second = await register('listener1');
    expect(second.result.data?.user.role).toBe('listener');
  });

  it("shows another user's public profile, and nothing private of it", async () => {
    const { result } = await register('profiled');
    const viewer = await register('viewer');
    const id = result.data?.user.id ?? '';
    const profile = await viewer.client.api.GET('/api/v1/users/{id}', { params: { path: { id } } });
    expect(profile.data?.data).toMatchObject({ id, username: 'profiled', nickname: 'PROFILED', bio: '' });
    expect(Object.keys(profile.data?.data ?? {})).not.toEqual(expect.arrayContaining(['locale']));
    expect(JSON.stringify(profile.data)).not.toMatch(/timeZone|locale|password/);
    for (const missing of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', "1'; drop table users;--"]) {
      const response = await viewer.client.api.GET('/api/v1/users/{id}', {
        params: { path: { id: missing } },
      });
      expect(response.response.status).toBe(404);
    }
    const anonymous = createResonanceClient({ baseUrl: server.url });
    expect((await anonymous.GET('/api/v1/users/{id}', { params: { path: { id } } })).response.status).toBe(
      401,
    );
  });

  it('sets an httpOnly SameSite=Lax session cookie and a readable CSRF cookie', async () => {
    const response = await fetch(`${server.url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'cookiecheck', password: 'correct horse', nickname: 'C' }),
    });
    const cookies = response.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('resonance_session='));
    const csrf = cookies.find((c) => c.startsWith('resonance_csrf='));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(csrf).not.toMatch(/HttpOnly/i);
  });

  it('refers to a duplicate username with 409, case-insensitively', async () => {
    await register('dupe');
    const again = await browserLikeClient(server.url).api.POST('/api/v1/auth/register', {
      body: { username: 'DUPE', password: 'whatever123', nickname: 'x' },
    });
    expect(again.response.status).toBe(409);
    expect(again.error?.error.code).toBe('username_taken');
  });

  it('logs in, rotates the session, logs out', async () => {
    const { client } = await register('rotator');
    const before = client.cookies.get('resonance_session');
    const login = await client.api.POST('/api/v1/auth/login', {
      body: { username: 'rotator', password: 'correct horse' },
    });
    expect(login.response.status).toBe(200);
    const after = client.cookies.get('resonance_session');
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    // the pre-login session is gone
    const stale = await createResonanceClient({ baseUrl: server.url, token: before }).GET('/api/v1/me');
    expect(stale.response.status).toBe(401);
    expect((await client.api.GET('/api/v1/me')).data?.data.username).toBe('rotator');
    await client.api.POST('/api/v1/auth/logout');
    expect((await client.api.GET('/api/v1/me')).response.status).toBe(401);
    const reuse = await createResonanceClient({ baseUrl: server.url, token: after }).GET('/api/v1/me');
    expect(reuse.response.status).toBe(401);
  });

  it('logs out everywhere', async () => {
    const { client: laptop } = await register('traveller');
    const phone = browserLikeClient(server.url);
    await phone.api.POST('/api/v1/auth/login', {
      body: { username: 'traveller', password: 'correct horse' },
    });
    const result = await laptop.api.POST('/api/v1/auth/logout-all');
    expect(result.data?.endedSessions).toBe(2);
    expect((await phone.api.GET('/api/v1/me')).response.status).toBe(401);
    expect((await laptop.api.GET('/api/v1/me')).response.status).toBe(401);
  });

  it('changes the password and ends the other sessions', async () => {
    const { client } = await register('changer', 'old password');
    const other = browserLikeClient(server.url);
    await other.api.POST('/api/v1/auth/login', { body: { username: 'changer', password: 'old password' } });
    const wrong = await client.api.POST('/api/v1/auth/password', {
      body: { currentPassword: 'nope nope', newPassword: 'new password' },
    });
    expect(wrong.response.status).toBe(401);
    const ok = await client.api.POST('/api/v1/auth/password', {
      body: { currentPassword: 'old password', newPassword: 'new password' },
    });
    expect(ok.response.status).toBe(200);
    expect((await client.api.GET('/api/v1/me')).response.status).toBe(200);
    expect((await other.api.GET('/api/v1/me')).response.status).toBe(401);
    const oldLogin = await browserLikeClient(server.url).api.POST('/api/v1/auth/login', {
      body: { username: 'changer', password: 'old password' },
    });
    expect(oldLogin.response.status).toBe(401);
    const newLogin = await browserLikeClient(server.url).api.POST('/api/v1/auth/login', {
      body: { username: 'changer', password: 'new password' },
    });
    expect(newLogin.response.status).toBe(200);
  });

  it('stores the password as an argon2id hash', async () => {
    await register('hashcheck', 'plain text secret');
    const row = await server.database.db
      .selectFrom('users')
      .select('passwordHash')
      .where('username', '=', 'hashcheck')
      .executeTakeFirstOrThrow();
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain('plain text secret');
  });

  it('rate-limits failed logins per account, even with the right password afterwards', async () => {
    await register('target', 'right password');
    const attacker = browserLikeClient(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const r = await attacker.api.POST('/api/v1/auth/login', {
        body: { username: 'target', password: `guess ${i}` },
      });
      statuses.push(r.response.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    const locked = await attacker.api.POST('/api/v1/auth/login', {
      body: { username: 'target', password: 'right password' },
    });
    expect(locked.response.status).toBe(429);
    expect(Number(locked.response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(locked.error?.error.code).toBe('rate_limited');
  });

  it('refuses cookie-authenticated writes without the CSRF header, but not bearer ones', async () => {
    const { client } = await register('csrfuser');
    client.withoutCsrf();
    const forged = await client.api.PATCH('/api/v1/me', { body: { bio: 'forged' } });
    expect(forged.response.status).toBe(403);
    expect(forged.error?.error.code).toBe('csrf_failed');
    const login = await createResonanceClient({ baseUrl: server.url }).POST('/api/v1/auth/login', {
      body: { username: 'csrfuser', password: 'correct horse', bearer: true },
    });
    const token = login.data?.token;
    expect(token).toBeTruthy();
    const app = createResonanceClient({ baseUrl: server.url, token });
    const patched = await app.PATCH('/api/v1/me', { body: { bio: 'from the app' } });
    expect(patched.response.status).toBe(200);
    expect(patched.data?.data.bio).toBe('from the app');
  });

  it('edits the profile and validates every field', async () => {
    const { client } = await register('profiler');
    const ok = await client.api.PATCH('/api/v1/me', {
      body: {
        nickname: '  小明  ',
        bio: '<script>alert(1)</script> 你好',
        locale: 'en',
        timeZone: 'Europe/Berlin',
      },
    });
    expect(ok.response.status).toBe(200);
    expect(ok.data?.data).toMatchObject({
      nickname: '小明',
      bio: '<script>alert(1)</script> 你好',
      locale: 'en',
      timeZone: 'Europe/Berlin',
    });
    const badZone = await client.api.PATCH('/api/v1/me', { body: { timeZone: 'Mars/Olympus' } });
    expect(badZone.response.status).toBe(400);
    expect(badZone.error?.error.code).toBe('invalid_time_zone');
    const longBio = await client.api.PATCH('/api/v1/me', { body: { bio: 'x'.repeat(501) } });
    expect(longBio.response.status).toBe(400);
    expect(longBio.error?.error.message).toContain('body.bio');
    const badLocale = await client.fetch(`${server.url}/api/v1/me`, {
      method: 'PATCH',
      headers: {
        'content-type': 'application/json',
        'x-csrf-token': client.cookies.get('resonance_csrf') ?? '',
      },
      body: JSON.stringify({ locale: 'fr', role: 'admin' }),
    });
    expect(badLocale.status).toBe(400);
    const me = await client.api.GET('/api/v1/me');
    expect(me.data?.data.role).toBe('listener');
    expect(me.data?.data.locale).toBe('en');
  });

  it('re-encodes an uploaded avatar and strips its metadata', async () => {
    const { client } = await register('avatarist');
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#e33' } })
      .jpeg()
      .withMetadata({ exif: { IFD0: { Copyright: 'secret-location-data' } } })
      .toBuffer();
    expect(photo.includes(Buffer.from('secret-location-data'))).toBe(true);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), '../../etc/passwd.jpg');
    const upload = await client.fetch(`${server.url}/api/v1/me/avatar`, {
      method: 'PUT',
      headers: { 'x-csrf-token': client.cookies.get('resonance_csrf') ?? '' },
      body: form,
    });
    expect(upload.status).toBe(200);
    const { data } = (await upload.json()) as { data: { avatarUrl: string } };
    expect(data.avatarUrl).toMatch(/^\/api\/v1\/avatars\/[0-9a-f]{64}$/);
    const image = Buffer.from(await (await fetch(`${server.url}${data.avatarUrl}`)).arrayBuffer());
    const meta = await sharp(image).metadata();
    expect(meta.format).toBe('webp');
    expect([meta.width, meta.height]).toEqual([256, 256]);
    expect(meta.exif).toBeUndefined();
    expect(image.includes(Buffer.from('secret-location-data'))).toBe(false);
  });

  it('refuses an avatar that is not an image, whatever it claims', async () => {
    const { client } = await register('faker');
    const form = new FormData();
    form.append('file', new Blob(['<?php echo 1; ?>'], { type: 'image/png' }), 'avatar.png');
    const upload = await client.fetch(`${server.url}/api/v1/me/avatar`, {
      method: 'PUT',
      headers: { 'x-csrf-token': client.cookies.get('resonance_csrf') ?? '' },
      body: form,
    });
    expect(upload.status).toBe(415);
    expect(((await upload.json()) as { error: { code: string } }).error.code).toBe('unsupported_media_type');
  });

  it('refuses an oversized avatar before reading it all', async () => {
    const { client } = await register('bigfile');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(6 * 1024 * 1024)], { type: 'image/png' }), 'big.png');
    const upload = await client.fetch(`${server.url}/api/v1/me/avatar`, {
      method: 'PUT',
      headers: { 'x-csrf-token': client.cookies.get('resonance_csrf') ?? '' },
      body: form,
    });
    expect(upload.status).toBe(413);
  });

  it('answers malformed and oversized bodies with a 4xx in the error shape', async () => {
    const malformed = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username": ',
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBeTruthy();
    const huge = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'x', password: 'y'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
    const unknown = await fetch(`${server.url}/api/v1/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('route_not_found');
  });
});
