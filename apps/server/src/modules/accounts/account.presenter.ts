import type { z } from 'zod';
import type { meSchema, publicUserSchema } from './account.schema.ts';
import type { UserRow } from './user.repository.ts';

export function avatarUrl(avatarId: string | null): string | null {
  return avatarId ? `/api/v1/avatars/${avatarId}` : null;
}

export function presentMe(user: UserRow): z.infer<typeof meSchema> {
  return {
    id: user.id,
    username: user.username,
    nickname: user.nickname,
    role: user.role,
    bio: user.bio,
    locale: user.locale,
    timeZone: user.timeZone,
    avatarUrl: avatarUrl(user.avatarId),
    createdAt: user.createdAt.toISOString(),
  };
}

export function presentPublicUser(user: UserRow): z.infer<typeof publicUserSchema> {
  return {
    id: user.id,
    username: user.username,
    nickname: user.nickname,
    role: user.role,
    bio: user.bio,
    avatarUrl: avatarUrl(user.avatarId),
    createdAt: user.createdAt.toISOString(),
  };
}
