import { randomUUID } from 'node:crypto';
import type { AppContext } from './app-context.ts';
import { DemoCatalogRepository } from './modules/demo/demo-catalog.repository.ts';
import { seedDemoCommunity } from './modules/demo/demo-community.ts';
import type { SettingsRepository } from './modules/settings/settings.repository.ts';
import { UserRepository } from './modules/accounts/user.repository.ts';

const COMMUNITY_KEY = 'demo.communitySeededAt';

/**
 * Gives the demo library its community (playlists, likes, listening) once per database, after
 * the library is imported; an install whose demo library predates this gets it on next start.
 */
export async function seedDemoCommunityOnce(
  context: AppContext,
  settings: SettingsRepository,
): Promise<void> {
  if (await settings.get(COMMUNITY_KEY)) return;
  const { db, clock, logger, playlists, annotations, listening, charts, comments } = context;
  const users = new UserRepository(db);
  const viewer = async (username: string) => {
    const user = await users.findByUsername(username);
    return user ? { id: user.id, role: user.role } : undefined;
  };
  const result = await seedDemoCommunity({
    catalog: new DemoCatalogRepository(db),
    findUserId: async (username) => (await users.findByUsername(username))?.id,
    createPlaylist: (ownerId, input) => playlists.service.create(ownerId, input),
    addTracks: (ownerId, playlistId, trackIds) => playlists.tracks.add(ownerId, playlistId, trackIds),
    subscribe: (userId, playlistId) => playlists.subscriptions.subscribe(userId, playlistId),
    like: (userId, trackId) => annotations.likes.like(userId, trackId),
    ingest: (userId, events) => listening.ingest.ingest(userId, events),
    comments: {
      post: async (username, input) => {
        const author = await viewer(username);
        return author ? (await comments.service.post(author, input)).view.comment.id : undefined;
      },
      like: async (username, commentId) => {
        const user = await viewer(username);
        if (user) await comments.reactions.like(user, commentId);
      },
      hug: async (username, commentId) => {
        const user = await viewer(username);
        if (user) await comments.reactions.hug(user, commentId);
      },
    },
    afterSeed: async () => {
      await charts.service.refresh();
    },
    clock,
    logger,
    makeId: randomUUID,
  });
  if (result.playlists === 0) return; // no library yet: try again on the next start
  await settings.set(COMMUNITY_KEY, clock.now().toISOString());
  logger.info(result, 'demo community ready');
}
