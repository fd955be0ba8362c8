import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Notifier } from '../notifications/notification-event.ts';
import type { PlaylistAccessRepository } from '../playlists/playlist-access.repository.ts';
import { CommentAccess } from './comment-access.ts';
import { CommentReactionRepository } from './comment-reaction.repository.ts';
import { CommentReactionService } from './comment-reaction.service.ts';
import { CommentRepository } from './comment.repository.ts';
import { commentRoutes, type RateWindow } from './comment.routes.ts';
import { CommentService } from './comment.service.ts';
import { CommentTargetRepository } from './comment-target.repository.ts';
import { CommentTargets } from './comment-targets.ts';
import { CommentViews } from './comment-views.ts';
import { HotScoreRefresher } from './hot-score-refresher.ts';
import { MentionRepository } from './mention.repository.ts';

export interface CommentsModuleDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  playlistAccess: Pick<PlaylistAccessRepository, 'findVisible'>;
  /** the notifications module's service */
  notifications: Notifier;
  /** default: 10 comments per user per minute */
  postingLimit?: RateWindow;
}

export interface CommentsModule {
  routes: FastifyPluginAsyncZod[];
  service: CommentService;
  reactions: CommentReactionService;
  /** finds a comment for a viewer, 404 when they cannot see its target (the moderation module uses it) */
  access: CommentAccess;
  repository: CommentRepository;
  /** re-scores young comments as their freshness fades; schedule it every 10 minutes */
  refreshHotScores(): Promise<{ rescored: number }>;
}

export const DEFAULT_POSTING_LIMIT: RateWindow = { max: 10, timeWindow: '1 minute' };

export function createCommentsModule(deps: CommentsModuleDeps): CommentsModule {
  const { db, clock, logger } = deps;
  const repository = new CommentRepository(db);
  const reactionRepository = new CommentReactionRepository(db);
  const mentions = new MentionRepository(db);
  const targets = new CommentTargets(new CommentTargetRepository(db), deps.playlistAccess);
  const access = new CommentAccess(repository, targets);
  const views = new CommentViews(repository, mentions);
  const service = new CommentService(
    repository,
    mentions,
    targets,
    access,
    views,
    deps.notifications,
    clock,
    logger,
  );
  const reactions = new CommentReactionService(access, reactionRepository, deps.notifications, clock, logger);
  const refresher = new HotScoreRefresher(repository, clock, logger);
  return {
    routes: [
      commentRoutes({
        comments: service,
        reactions,
        postingLimit: deps.postingLimit ?? DEFAULT_POSTING_LIMIT,
      }),
    ],
    service,
    reactions,
    access,
    repository,
    refreshHotScores: () => refresher.refresh(),
  };
}
