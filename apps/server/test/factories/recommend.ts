import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../../src/db/database.ts';
import { buildApp } from '../../src/http/app.ts';
import { JobRunsRepository } from '../../src/jobs/job-runs.repository.ts';
import { JobScheduler } from '../../src/jobs/job-scheduler.ts';
import { createRecommendModule, type RecommendModule } from '../../src/modules/recommend/recommend.module.ts';
import { mulberry32 } from '../../src/modules/demo/prng.ts';
import { trainModel } from '../../src/modules/recommend/engine/model.ts';
import type { TrainFunction } from '../../src/modules/recommend/trainer.ts';
import { PlaylistAccessRepository } from '../../src/modules/playlists/playlist-access.repository.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { anAlbum, anArtist, aTrack } from './catalog.ts';
import { aUser, signedIn, type BuiltUser } from './playlists.ts';

/**
 * A small world with planted taste for recommendation tests:
 *
 *   rock   10 artists x 4 tracks, two clusters (artists 0-4, 5-9), a year old
 *   jazz   the same
 *   folk    5 artists x 4 tracks added two days ago, nobody has played them
 *
 * and a crowd of listeners per group who play mostly their own cluster, so the model learns
 * rock from jazz and cluster from cluster.
 *
 *   const world = await aTasteWorld(db, NOW);
 *   await aCrowd(db, world, NOW);
 *   await listensTo(db, me, [{ track: world.rock[0]!.id, at: daysAgo(10), times: 5 }]);
 */

export type Genre = 'rock' | 'jazz' | 'folk';

export interface WorldTrack {
  id: string;
  title: string;
  artistId: string;
  genre: Genre;
  /** 0 or 1 within its genre (artists 0-4 and 5-9) */
  cluster: number;
}

export interface TasteWorld {
  rock: WorldTrack[];
  jazz: WorldTrack[];
  folk: WorldTrack[];
  artists: Record<Genre, { id: string; name: string }[]>;
  byId: Map<string, WorldTrack>;
}

const DAY = 86_400_000;

export async function aTasteWorld(db: Db, now: Date): Promise<TasteWorld> {
  const world: TasteWorld = {
    rock: [],
    jazz: [],
    folk: [],
    artists: { rock: [], jazz: [], folk: [] },
    byId: new Map(),
  };
  const plan: [Genre, number, number][] = [
    ['rock', 10, 365],
    ['jazz', 10, 365],
    ['folk', 5, 2],
  ];
  for (const [genre, artists, ageDays] of plan) {
    const createdAt = new Date(now.getTime() - ageDays * DAY);
    for (let a = 0; a < artists; a++) {
      const artist = await anArtist().named(`${genre} artist ${a}`).build(db);
      world.artists[genre].push(artist);
      const album = await anAlbum()
        .titled(`${genre} album ${a}`)
        .by(artist)
        .inGenre(genre)
        .year(2000 + a)
        .build(db);
      for (let t = 0; t < 4; t++) {
        const title = `${genre} ${a}.${t}`;
        const track = await aTrack()
          .titled(title)
          .by(artist)
          .on(album)
          .inGenre(genre)
          .createdAtTime(createdAt)
          .build(db);
        const built: WorldTrack = { id: track.id, title, artistId: artist.id, genre, cluster: a < 5 ? 0 : 1 };
        world[genre].push(built);
        world.byId.set(track.id, built);
      }
    }
  }
  return world;
}

export interface PlaySpec {
  track: string;
  at: Date;
  /** playbacks of this kind; default 1 */
  times?: number;
  /** finish (default): heard to the end; loop: the same under repeat-one; skip: 10 s then skipped */
  kind?: 'finish' | 'loop' | 'skip';
}

/** Playbacks written straight to `plays` (as ingest would leave them), then the play counts. */
export async function listensTo(db: Db, user: { id: string }, plays: PlaySpec[]): Promise<void> {
  const rows = plays.flatMap((play) =>
    Array.from({ length: play.times ?? 1 }, (_, i) => ({
      ...play,
      at: new Date(play.at.getTime() + i * 300_000),
    })),
  );
  if (rows.length === 0) return;
  const kind = (p: PlaySpec) => p.kind ?? 'finish';
  await sql`
    INSERT INTO plays (playback_id, user_id, track_id, started_at, last_event_at, played_ms, count_after_ms,
      end_reason, end_position_ms, ended_at, repeat, source_type, counted, counted_at)
    SELECT gen_random_uuid(), ${user.id}::uuid, x.track_id, x.at, x.at + make_interval(secs => x.played_ms / 1000.0),
      x.played_ms, 100000, x.end_reason, x.played_ms, x.at + make_interval(secs => x.played_ms / 1000.0),
      x.repeat, 'library', x.counted, CASE WHEN x.counted THEN x.at END
    FROM unnest(${rows.map((r) => r.track)}::uuid[], ${rows.map((r) => r.at.toISOString())}::timestamptz[],
      ${rows.map((r) => (kind(r) === 'skip' ? 10_000 : 200_000))}::int[],
      ${rows.map((r) => (kind(r) === 'skip' ? 'skipped' : 'finished'))}::text[],
      ${rows.map((r) => kind(r) === 'loop')}::bool[], ${rows.map((r) => kind(r) !== 'skip')}::bool[])
      AS x(track_id, at, played_ms, end_reason, repeat, counted)`.execute(db);
  await sql`
    INSERT INTO track_play_counts (track_id, play_count, last_played_at)
    SELECT track_id, count(*) FILTER (WHERE counted), max(started_at) FROM plays GROUP BY track_id
    HAVING count(*) FILTER (WHERE counted) > 0
    ON CONFLICT (track_id) DO UPDATE SET play_count = excluded.play_count, last_played_at = excluded.last_played_at`.execute(
    db,
  );
}

/** The heart, as the like route leaves it (annotation + feedback event). */
export async function likes(db: Db, user: { id: string }, trackId: string, at: Date): Promise<void> {
  await db
    .insertInto('annotations')
    .values({ userId: user.id, itemType: 'track', itemId: trackId, likedAt: at })
    .onConflict((oc) => oc.columns(['userId', 'itemType', 'itemId']).doUpdateSet({ likedAt: at }))
    .execute();
  await db.insertInto('feedbackEvents').values({ userId: user.id, trackId, kind: 'like', at }).execute();
}

/**
 * `perGroup` listeners for rock and for jazz, each playing 10 tracks of their genre (80% from
 * their own cluster, popular ones more), 1-6 times each, 10-60 days before `now`.
 */
export async function aCrowd(
  db: Db,
  world: TasteWorld,
  now: Date,
  perGroup = 12,
  seed = 7,
): Promise<Record<'rock' | 'jazz', BuiltUser[]>> {
  const random = mulberry32(seed);
  const crowd: Record<'rock' | 'jazz', BuiltUser[]> = { rock: [], jazz: [] };
  for (const genre of ['rock', 'jazz'] as const) {
    for (let u = 0; u < perGroup; u++) {
      const user = await aUser(db);
      crowd[genre].push(user);
      const lean = u % 2;
      const chosen = new Set<string>();
      while (chosen.size < 10) {
        const cluster = random() < 0.8 ? lean : 1 - lean;
        const pool = world[genre].filter((t) => t.cluster === cluster);
        chosen.add(pool[Math.floor(pool.length * random() ** 1.5)]!.id);
      }
      await listensTo(
        db,
        user,
        [...chosen].map((track) => ({
          track,
          at: new Date(now.getTime() - (10 + Math.floor(random() * 50)) * DAY),
          times: 1 + Math.floor(random() * 6),
        })),
      );
    }
  }
  return crowd;
}

export interface RecommendTestApp {
  app: FastifyInstance;
  recommend: RecommendModule;
  scheduler: JobScheduler;
  clock: ReturnType<typeof fixedClock>;
  call(
    user: BuiltUser,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/**
 * The recommend module behind the real HTTP stack on a fixed clock, with these users signed in.
 * Training runs in-process (fast and deterministic) unless `train` is given (e.g. the engine's
 * worker thread).
 */
export async function recommendTestApp(
  db: Db,
  users: BuiltUser[],
  now: Date,
  options: { train?: TrainFunction } = {},
): Promise<RecommendTestApp> {
  const clock = fixedClock(now);
  const logger = createLogger(process.env.TEST_LOG ?? 'silent');
  const scheduler = new JobScheduler(new JobRunsRepository(db), clock, logger);
  const recommend = createRecommendModule({
    db,
    clock,
    logger,
    scheduler,
    playlistAccess: new PlaylistAccessRepository(db),
    trainTimeZone: 'Asia/Shanghai',
    train: options.train ?? (async (input, config) => trainModel(input, config)),
  });
  const { sessions, headers } = signedIn(...users);
  const app = await buildApp({ logger: false, sessions, routes: recommend.routes });
  return {
    app,
    recommend,
    scheduler,
    clock,
    call: (user, method, url, body) =>
      app.inject({
        method,
        url,
        headers: headers(user),
        ...(body === undefined ? {} : { payload: body as object }),
      }),
    close: async () => {
      await recommend.stop();
      await scheduler.stop();
      await app.close();
    },
  };
}

/** A user in a time zone. */
export async function aUserIn(db: Db, timeZone: string): Promise<BuiltUser> {
  const user = await aUser(db, `u_${randomUUID().slice(0, 8)}`);
  await db.updateTable('users').set({ timeZone }).where('id', '=', user.id).execute();
  return user;
}
