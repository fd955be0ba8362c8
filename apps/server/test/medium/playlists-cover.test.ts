import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aTrack, anAlbum } from '../factories/catalog.ts';
import { aCover } from '../factories/media.ts';
import { aPlaylist, aUser, type BuiltUser } from '../factories/playlists.ts';
import { multipartFile, playlistsTestApp, type PlaylistsTestApp } from '../support/playlists-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** Uploaded covers (checked by content) and the automatic mosaic of the first tracks' covers. */

type Rgb = [number, number, number];

let database: TestDatabase;
let t: PlaylistsTestApp;
let alice: BuiltUser;
let bob: BuiltUser;
const colours: Record<string, Rgb> = {
  red: [220, 30, 30],
  green: [30, 200, 60],
  blue: [30, 60, 220],
  yellow: [240, 220, 30],
  grey: [128, 128, 128],
};
const tracksIn: Record<string, string> = {};

function solid([r, g, b]: Rgb, width = 300, height = 300): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r, g, b } } })
    .png()
    .toBuffer();
}

beforeAll(async () => {
  database = await createTestDatabase();
  alice = await aUser(database.db, 'alice');
  bob = await aUser(database.db, 'bob');
  t = await playlistsTestApp(database.db, [alice, bob]);
  // One track per colour; the blue one has no cover of its own, only its album's.
  for (const [name, rgb] of Object.entries(colours)) {
    const cover = await aCover(database.db, t.paths.covers, await solid(rgb), {
      mime: 'image/png',
      width: 300,
      height: 300,
    });
    const album = await anAlbum().withCover(cover).build(database.db);
    const track = name === 'blue' ? aTrack().on(album) : aTrack().withCover(cover);
    tracksIn[name] = (await track.build(database.db)).id;
  }
});

afterAll(async () => {
  await t?.close();
  await database?.drop();
});

async function playlistWith(...names: string[]): Promise<string> {
  const { id } = await aPlaylist().ownedBy(alice).build(database.db);
  if (names.length > 0) await add(id, names);
  return id;
}

async function add(id: string, names: string[], position?: number) {
  const response = await t.call(alice, 'POST', `/api/v1/playlists/${id}/tracks`, {
    trackIds: names.map((name) => tracksIn[name]),
    ...(position === undefined ? {} : { position }),
  });
  expect(response.statusCode, response.body).toBe(200);
}

async function coverUrl(id: string): Promise<string | null> {
  return (await t.call(alice, 'GET', `/api/v1/playlists/${id}`)).json().data.coverUrl;
}

/** The cover behind a URL, through the media module's public route. */
async function fetchCover(
  url: string,
): Promise<{ width: number; height: number; pixel: (x: number, y: number) => Rgb }> {
  const response = await t.app.inject({ method: 'GET', url });
  expect(response.statusCode).toBe(200);
  const { data, info } = await sharp(response.rawPayload)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    pixel: (x, y) => {
      const at = (y * info.width + x) * info.channels;
      return [data[at]!, data[at + 1]!, data[at + 2]!];
    },
  };
}

function expectColour(actual: Rgb, expected: Rgb) {
  actual.forEach((channel, i) => expect(Math.abs(channel - expected[i]!)).toBeLessThanOrEqual(12));
}

function upload(id: string, bytes: Buffer, filename = 'cover.png', type = 'image/png', user = alice) {
  const { payload, headers } = multipartFile('file', filename, type, bytes);
  return t.app.inject({
    method: 'PUT',
    url: `/api/v1/playlists/${id}/cover`,
    payload,
    headers: { ...headers, ...t.headers(user) },
  });
}

describe('the automatic cover', () => {
  it('is none for an empty playlist, and the one cover when there is one', async () => {
    const id = await playlistWith();
    expect(await coverUrl(id)).toBeNull();
    await add(id, ['red']);
    const url = await coverUrl(id);
    const redCover = (
      await database.db
        .selectFrom('tracks')
        .select('coverId')
        .where('id', '=', tracksIn.red!)
        .executeTakeFirstOrThrow()
    ).coverId;
    expect(url).toBe(`/api/v1/covers/${redCover}`);
  });

  it('is a 2×2 mosaic of the first four distinct covers, album covers included, first top left', async () => {
    const id = await playlistWith('red', 'green', 'red', 'blue', 'yellow', 'grey');
    const cover = await fetchCover((await coverUrl(id))!);
    expect([cover.width, cover.height]).toEqual([600, 600]);
    expectColour(cover.pixel(150, 150), colours.red!);
    expectColour(cover.pixel(450, 150), colours.green!);
    expectColour(cover.pixel(150, 450), colours.blue!);
    expectColour(cover.pixel(450, 450), colours.yellow!);
  });

  it('is made again when the first tracks change, and not otherwise', async () => {
    const id = await playlistWith('red', 'green', 'blue', 'yellow');
    const before = await coverUrl(id);
    await add(id, ['grey']); // fifth: the first four are unchanged
    expect(await coverUrl(id)).toBe(before);
    await t.call(alice, 'PUT', `/api/v1/playlists/${id}/order`, {
      trackId: tracksIn.grey,
      afterTrackId: null,
    });
    const after = await coverUrl(id);
    expect(after).not.toBe(before);
    expectColour((await fetchCover(after!)).pixel(150, 150), colours.grey!);
    await t.call(alice, 'DELETE', `/api/v1/playlists/${id}/tracks`, {
      trackIds: [tracksIn.grey, tracksIn.green, tracksIn.blue, tracksIn.yellow],
    });
    expect(await coverUrl(id)).toBe((await playlistCoverOfOnly('red'))!);
  });

  it('repeats two covers across the four cells', async () => {
    const id = await playlistWith('green', 'blue');
    const cover = await fetchCover((await coverUrl(id))!);
    expectColour(cover.pixel(150, 150), colours.green!);
    expectColour(cover.pixel(450, 150), colours.blue!);
    expectColour(cover.pixel(150, 450), colours.blue!);
    expectColour(cover.pixel(450, 450), colours.green!);
  });
});

async function playlistCoverOfOnly(name: string): Promise<string | null> {
  return coverUrl(await playlistWith(name));
}

describe('PUT /api/v1/playlists/:id/cover', () => {
  it('stores an uploaded image, served by the cover route, and keeps it over track changes', async () => {
    const id = await playlistWith('red', 'green');
    const response = await upload(id, await solid([10, 120, 200], 2000, 1000), 'photo.jpeg.png');
    expect(response.statusCode, response.body).toBe(200);
    const data = response.json().data;
    expect(data.coverUploaded).toBe(true);
    const cover = await fetchCover(data.coverUrl);
    // Never larger than 1200 px on a side, proportions kept.
    expect([cover.width, cover.height]).toEqual([1200, 600]);
    expectColour(cover.pixel(600, 300), [10, 120, 200]);

    await add(id, ['blue'], 0);
    expect(await coverUrl(id)).toBe(data.coverUrl);
  });

  it('refuses a file that is not an image, whatever its name says, and keeps the old cover', async () => {
    const id = await playlistWith('red');
    const before = await coverUrl(id);
    const response = await upload(
      id,
      Buffer.from('<svg onload="alert(1)"></svg> not really a png'),
      'cover.png',
    );
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('unsupported_media_type');
    expect(await coverUrl(id)).toBe(before);
  });

  it('refuses an upload over 5 MB with 413, and a request that is not multipart with 400', async () => {
    const id = await playlistWith();
    const big = await upload(id, Buffer.alloc(5 * 1024 * 1024 + 1, 1));
    expect(big.statusCode).toBe(413);
    const json = await t.call(alice, 'PUT', `/api/v1/playlists/${id}/cover`, { file: 'x' });
    expect(json.statusCode).toBe(400);
  });

  it("refuses another user's upload with 403", async () => {
    const id = await playlistWith();
    const response = await upload(id, await solid([1, 2, 3]), 'c.png', 'image/png', bob);
    expect(response.statusCode).toBe(403);
  });

  it('goes back to the automatic cover on DELETE', async () => {
    const id = await playlistWith('yellow');
    await upload(id, await solid([0, 0, 0]));
    const response = await t.call(alice, 'DELETE', `/api/v1/playlists/${id}/cover`);
    expect(response.statusCode).toBe(200);
    expect(response.json().data).toMatchObject({
      coverUploaded: false,
      coverUrl: await playlistCoverOfOnly('yellow'),
    });
  });
});
