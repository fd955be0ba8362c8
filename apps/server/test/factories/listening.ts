import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../src/db/database.ts';
import type { PlaylistVisibility } from '../../src/db/tables/playlists.ts';

/**
 * Builders for listening tests: users and playlists written straight to the database, and the
 * events a player would send for one playback.
 *
 *   const me = await aUser(db);
 *   const play = aPlayback(track.id, { at: new Date('2026-11-20T10:00:00Z') });
 *   await post([play.start(), play.progress(60_000), play.end(200_000)]);
 */

export interface BuiltUser {
  id: string;
  username: string;
}

export async function aUser(db: Db, nickname = 'Listener'): Promise<BuiltUser> {
  const username = `u_${randomBytes(5).toString('hex')}`;
  return db
    .insertInto('users')
    .values({ username, passwordHash: 'not-a-hash', nickname })
    .returning(['id', 'username'])
    .executeTakeFirstOrThrow();
}

export async function aPlaylist(
  db: Db,
  owner: BuiltUser,
  visibility: PlaylistVisibility = 'public',
  name = `List ${randomBytes(3).toString('hex')}`,
): Promise<{ id: string; name: string }> {
  return db
    .insertInto('playlists')
    .values({ ownerId: owner.id, name, visibility })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
}

export interface EventBody {
  id: string;
  playbackId: string;
  type: 'start' | 'progress' | 'end';
  trackId: string;
  at: string;
  positionMs: number;
  playedMs: number;
  endReason?: 'finished' | 'skipped' | 'interrupted';
  repeat: boolean;
  source: { type: string; id?: string };
  client?: string;
}

export interface PlaybackOptions {
  /** when the playback starts; events are stamped this plus the audio heard so far */
  at?: Date;
  source?: { type: string; id?: string };
  repeat?: boolean;
}

/** The events of one playback, as the web player reports them; each call makes a new event id. */
export function aPlayback(trackId: string, options: PlaybackOptions = {}) {
  const playbackId = randomUUID();
  const startedAt = options.at ?? new Date();
  const event = (type: EventBody['type'], playedMs: number, extra: Partial<EventBody> = {}): EventBody => ({
    id: randomUUID(),
    playbackId,
    type,
    trackId,
    at: new Date(startedAt.getTime() + playedMs).toISOString(),
    positionMs: playedMs,
    playedMs,
    repeat: options.repeat ?? false,
    source: options.source ?? { type: 'library' },
    client: 'web-test',
    ...extra,
  });
  return {
    playbackId,
    start: () => event('start', 0),
    progress: (playedMs: number) => event('progress', playedMs),
    end: (playedMs: number, endReason: EventBody['endReason'] = 'finished') =>
      event('end', playedMs, { endReason }),
  };
}
