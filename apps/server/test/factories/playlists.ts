import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../src/db/database.ts';
import type { PlaylistVisibility } from '../../src/db/tables/playlists.ts';
import type { SessionResolver } from '../../src/http/auth-context.ts';
import { fixedSessions } from '../support/fixed-sessions.ts';

/**
 * Builders for playlist tests, written straight to the database:
 *
 *   const alice = await aUser(db, 'alice');
 *   const list = await aPlaylist().ownedBy(alice).private().withTracks(ids).build(db);
 *   const { sessions, headers } = signedIn(alice, bob);   // headers(alice) for app.inject
 */

export interface BuiltUser {
  id: string;
  username: string;
  nickname: string;
}

export interface BuiltPlaylist {
  id: string;
  ownerId: string;
  name: string;
}

const unique = () => randomBytes(5).toString('hex');

/** A real `users` row (playlists reference it); the password hash is never checked. */
export async function aUser(db: Db, username = `user_${unique()}`, nickname = username): Promise<BuiltUser> {
  return db
    .insertInto('users')
    .values({ username, nickname, passwordHash: 'not-a-hash' })
    .returning(['id', 'username', 'nickname'])
    .executeTakeFirstOrThrow();
}

/** Bearer tokens for several users at once: `headers(user)` signs a request in as them. */
export function signedIn(...users: BuiltUser[]): {
  sessions: SessionResolver;
  headers: (user: BuiltUser) => Record<string, string>;
} {
  const byUser = new Map(users.map((user) => [user.id, fixedSessions(`token-${user.id}`, user)]));
  return {
    sessions: {
      resolve: async (token) => {
        for (const one of byUser.values()) {
          const session = await one.sessions.resolve(token);
          if (session) return session;
        }
        return null;
      },
    },
    headers: (user) => {
      const one = byUser.get(user.id);
      if (!one) throw new Error(`${user.username} was not signed in`);
      return one.headers;
    },
  };
}

/**
 * `count` tracks in one statement (for 10,000-track lists), each `durationMs` long, with no
 * artists or album. Returns their ids in creation order.
 */
export async function manyTracks(db: Db, count: number, durationMs = 180_000): Promise<string[]> {
  const { id: folderId } = await db
    .insertInto('libraryFolders')
    .values({ path: `/music/${randomUUID()}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ids = Array.from({ length: count }, () => randomUUID());
  await sql`
    INSERT INTO tracks (id, folder_id, path, size, mtime_ms, format, mime, title, title_key, duration_ms)
    SELECT id, ${folderId}::uuid, '/music/' || id || '.flac', 1000, 0, 'flac', 'audio/flac',
      'Track ' || n, 'track ' || n, ${durationMs}
    FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS x(id, n)`.execute(db);
  return ids;
}

class PlaylistBuilder {
  private owner: BuiltUser | undefined;
  private name = `Playlist ${unique()}`;
  private visibility: PlaylistVisibility = 'public';
  private tagList: string[] = [];
  private trackIds: string[] = [];
  private createdAt: Date | undefined;
  private subscribers: BuiltUser[] = [];

  ownedBy(owner: BuiltUser): this {
    this.owner = owner;
    return this;
  }

  named(name: string): this {
    this.name = name;
    return this;
  }

  private(): this {
    this.visibility = 'private';
    return this;
  }

  tagged(...tags: string[]): this {
    this.tagList = tags;
    return this;
  }

  /** in this order, at positions 1, 2, 3, … */
  withTracks(trackIds: string[]): this {
    this.trackIds = trackIds;
    return this;
  }

  subscribedBy(...users: BuiltUser[]): this {
    this.subscribers = users;
    return this;
  }

  createdAtTime(at: Date): this {
    this.createdAt = at;
    return this;
  }

  async build(db: Db): Promise<BuiltPlaylist> {
    const owner = this.owner ?? (await aUser(db));
    const playlist = await db
      .insertInto('playlists')
      .values({
        ownerId: owner.id,
        name: this.name,
        visibility: this.visibility,
        tags: this.tagList,
        ...(this.createdAt ? { createdAt: this.createdAt, updatedAt: this.createdAt } : {}),
      })
      .returning(['id', 'ownerId', 'name'])
      .executeTakeFirstOrThrow();
    if (this.trackIds.length > 0) {
      await sql`
        INSERT INTO playlist_tracks (playlist_id, track_id, position)
        SELECT ${playlist.id}::uuid, id, n FROM unnest(${this.trackIds}::uuid[]) WITH ORDINALITY AS x(id, n)`.execute(
        db,
      );
    }
    if (this.subscribers.length > 0) {
      await db
        .insertInto('playlistSubscriptions')
        .values(this.subscribers.map((user) => ({ playlistId: playlist.id, userId: user.id })))
        .execute();
    }
    return playlist;
  }
}

export const aPlaylist = () => new PlaylistBuilder();
