import type { z } from 'zod';
import { avatarUrl } from '../accounts/account.presenter.ts';
import { coverUrl, presentTrack } from '../library/browse/browse.presenter.ts';
import type { PlaylistRow } from './playlist-read.repository.ts';
import type { SubscriberRow } from './playlist-subscription.repository.ts';
import { MAX_TAGS, PLAYLIST_TAGS, TAG_CATEGORIES } from './playlist-tags.ts';
import { canOnPlaylist } from './playlist.policy.ts';
import type { PlaylistDetail } from './playlist.service.ts';
import type {
  playlistDetailSchema,
  playlistSchema,
  subscriberPageSchema,
  tagsResponseSchema,
} from './playlist.schema.ts';

type PlaylistDto = z.infer<typeof playlistSchema>;

/** A playlist with what this viewer may do with it (Outline-style abilities). */
export function presentPlaylist(row: PlaylistRow, viewerId: string): PlaylistDto {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    visibility: row.visibility,
    tags: row.tags,
    owner: {
      id: row.ownerId,
      username: row.ownerUsername,
      nickname: row.ownerNickname,
      avatarUrl: avatarUrl(row.ownerAvatarId),
    },
    coverUrl: coverUrl(row.coverId),
    coverUploaded: row.coverUploaded,
    trackCount: row.trackCount,
    durationMs: Number(row.durationMs),
    playCount: Number(row.playCount),
    subscriberCount: row.subscriberCount,
    subscribed: row.subscribed,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: {
      update: canOnPlaylist(viewerId, 'update', row),
      delete: canOnPlaylist(viewerId, 'delete', row),
      subscribe: canOnPlaylist(viewerId, 'subscribe', row),
    },
  };
}

export function presentPlaylistDetail(
  detail: PlaylistDetail,
  viewerId: string,
): z.infer<typeof playlistDetailSchema> {
  return { ...presentPlaylist(detail.playlist, viewerId), tracks: detail.tracks.map(presentTrack) };
}

export function presentSubscriber(row: SubscriberRow): z.infer<typeof subscriberPageSchema>['data'][number] {
  return {
    id: row.id,
    username: row.username,
    nickname: row.nickname,
    avatarUrl: avatarUrl(row.avatarId),
    subscribedAt: row.subscribedAt.toISOString(),
  };
}

/** The fixed tag set, by category; the same for everyone, so it is built once. */
export const presentedTags: z.infer<typeof tagsResponseSchema> = {
  data: {
    categories: TAG_CATEGORIES.map((category) => ({
      id: category,
      tags: PLAYLIST_TAGS.filter((tag) => tag.category === category).map((tag) => ({
        id: tag.id,
        label: { 'zh-CN': tag.zh, en: tag.en },
      })),
    })),
    maxPerPlaylist: MAX_TAGS,
  },
};
