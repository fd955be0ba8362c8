import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/db/database.ts';
import type { Role } from '../../src/db/schema.ts';
import type { CommentTargetType } from '../../src/db/tables/comments.ts';
import type { PlaylistVisibility } from '../../src/db/tables/playlists.ts';
import { buildApp } from '../../src/http/app.ts';
import type { AuthUser, SessionResolver } from '../../src/http/auth-context.ts';
import { createCommentsModule, type CommentsModule } from '../../src/modules/comments/comments.module.ts';
import type { RateWindow } from '../../src/modules/comments/comment.routes.ts';
import { CommentRepository } from '../../src/modules/comments/comment.repository.ts';
import {
  createModerationModule,
  type ModerationModule,
} from '../../src/modules/moderation/moderation.module.ts';
import {
  createNotificationsModule,
  type NotificationsModule,
} from '../../src/modules/notifications/notifications.module.ts';
import { PlaylistAccessRepository } from '../../src/modules/playlists/playlist-access.repository.ts';
import type { Clock } from '../../src/platform/clock.ts';
import type { Logger } from '../../src/platform/logger.ts';
import { fixedSessions } from '../support/fixed-sessions.ts';

/**
 * Builders for the social side: real users (rows in `users`, each with a bearer token),
 * playlists, comments written through the production insert (so counters stay exact), and an
 * app with the comments, notifications and moderation modules wired as the composition root
 * wires them.
 *
 *   const people = somePeople(db);
 *   const alice = await people.user('alice');
 *   const mod = await people.user('mod', { role: 'moderator' });
 *   const comment = await aComment().on('track', track.id).by(alice).build(db);
 */

export interface TestUser extends AuthUser {
  headers: Record<string, string>;
}

const unique = () => randomBytes(4).toString('hex');

/** Users with sessions; the resolver knows every user made so far, including later ones. */
export function somePeople(db: Db) {
  const resolvers: SessionResolver[] = [];
  const sessions: SessionResolver = {
    resolve: async (token) => {
      for (const resolver of resolvers) {
        const session = await resolver.resolve(token);
        if (session) return session;
      }
      return null;
    },
  };

  async function user(username = `user_${unique()}`, options: { role?: Role; nickname?: string } = {}) {
    const role = options.role ?? 'listener';
    const nickname = options.nickname ?? username;
    const row = await db
      .insertInto('users')
      .values({ username, passwordHash: 'not-a-hash', nickname, role })
      .returning('id')
      .executeTakeFirstOrThrow();
    const fixed = fixedSessions(`token-${row.id}`, { id: row.id, username, nickname, role });
    resolvers.push(fixed.sessions);
    return { ...fixed.user, headers: fixed.headers } satisfies TestUser;
  }

  return { sessions, user };
}

export async function aPlaylist(db: Db, owner: TestUser, visibility: PlaylistVisibility = 'public') {
  return db
    .insertInto('playlists')
    .values({ ownerId: owner.id, name: `List ${unique()}`, visibility, durationMs: 0, playCount: 0 })
    .returning(['id', 'ownerId', 'visibility'])
    .executeTakeFirstOrThrow();
}

export async function makePlaylist(db: Db, playlistId: string, visibility: PlaylistVisibility) {
  await db.updateTable('playlists').set({ visibility }).where('id', '=', playlistId).execute();
}

class CommentBuilder {
  private target: { targetType: CommentTargetType; targetId: string } | undefined;
  private author: TestUser | undefined;
  private text = `comment ${unique()}`;
  private at = new Date('2026-11-20T12:00:00.000Z');
  private parent: { id: string; parentId: string | null } | undefined;
  private line: { index: number; text: string } | undefined;

  on(targetType: CommentTargetType, targetId: string): this {
    this.target = { targetType, targetId };
    return this;
  }

  onLine(trackId: string, index: number, text: string): this {
    this.target = { targetType: 'lyric', targetId: trackId };
    this.line = { index, text };
    return this;
  }

  by(author: TestUser): this {
    this.author = author;
    return this;
  }

  saying(body: string): this {
    this.text = body;
    return this;
  }

  postedAt(at: Date): this {
    this.at = at;
    return this;
  }

  /** a reply in the thread of `parent`, quoting it when it is itself a reply */
  replyingTo(parent: { id: string; parentId: string | null }): this {
    this.parent = parent;
    return this;
  }

  async build(db: Db): Promise<{ id: string; parentId: string | null }> {
    if (!this.target || !this.author) throw new Error('a comment needs a target and an author');
    const parentId = this.parent ? (this.parent.parentId ?? this.parent.id) : null;
    const { id } = await new CommentRepository(db).insert({
      ...this.target,
      lineIndex: this.line?.index ?? null,
      quotedLine: this.line?.text ?? null,
      authorId: this.author.id,
      parentId,
      replyToId: this.parent?.parentId ? this.parent.id : null,
      body: this.text,
      mentions: [],
      idempotencyKey: null,
      createdAt: this.at,
    });
    return { id, parentId };
  }
}

export const aComment = () => new CommentBuilder();

/** Logs nothing; a test that cares about logs passes its own. */
export const silentLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
} as unknown as Logger;

export interface SocialApp {
  app: FastifyInstance;
  comments: CommentsModule;
  notifications: NotificationsModule;
  moderation: ModerationModule;
}

/** The three modules wired as the composition root wires them, in one app. */
export async function socialApp(
  db: Db,
  sessions: SessionResolver,
  clock: Clock,
  limits: { posting?: RateWindow; reports?: RateWindow } = { posting: { max: 1000, timeWindow: '1 minute' } },
): Promise<SocialApp> {
  const logger = silentLogger;
  const playlistAccess = new PlaylistAccessRepository(db);
  const notifications = createNotificationsModule({ db, clock, logger, playlistAccess });
  const comments = createCommentsModule({
    db,
    clock,
    logger,
    playlistAccess,
    notifications: notifications.service,
    postingLimit: limits.posting,
  });
  const moderation = createModerationModule({ db, clock, comments, reportLimit: limits.reports });
  const app = await buildApp({
    logger: false,
    sessions,
    routes: [...comments.routes, ...notifications.routes, ...moderation.routes],
  });
  app.addHook('onClose', () => notifications.hub.close());
  return { app, comments, notifications, moderation };
}
