import { z } from 'zod';

// Control characters (other than newline/tab in a bio) have no place in names people read.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const noControlChars = (s: string) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(s);

export const usernameSchema = z
  .string()
  .min(3)
  .max(32)
  .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, "_", "." and "-" only');
export const passwordSchema = z.string().min(8).max(128);
export const nicknameSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .refine((s) => noControlChars(s) && !s.includes('\n'), 'no control characters');
export const localeSchema = z.enum(['zh-CN', 'en']);
export const timeZoneSchema = z.string().min(1).max(64);

export const registerBodySchema = z.object({
  bearer: z.boolean().optional(),
  username: usernameSchema,
  password: passwordSchema,
  nickname: nicknameSchema,
  locale: localeSchema.optional(),
  timeZone: timeZoneSchema.optional(),
});

export const loginBodySchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(128),
  /** clients that cannot keep cookies ask for the token in the body and send it as a bearer */
  bearer: z.boolean().optional(),
});

export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1).max(128),
  newPassword: passwordSchema,
});

export const updateProfileBodySchema = z
  .object({
    nickname: nicknameSchema.optional(),
    bio: z.string().max(500).refine(noControlChars, 'no control characters').optional(),
    locale: localeSchema.optional(),
    timeZone: timeZoneSchema.optional(),
  })
  .strict();

export const roleSchema = z.enum(['listener', 'musician', 'moderator', 'admin']);

export const meSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    nickname: z.string(),
    role: roleSchema,
    bio: z.string(),
    locale: localeSchema,
    timeZone: z.string(),
    avatarUrl: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Me' });

export const sessionResponseSchema = z
  .object({
    user: meSchema,
    /** send back as the x-csrf-token header on writes made with the session cookie */
    csrfToken: z.string(),
    /** for clients that cannot keep cookies: send as `Authorization: Bearer <token>` */
    token: z.string().optional(),
    expiresAt: z.string(),
  })
  .meta({ id: 'Session' });

/** What anyone logged in may see of another user: no locale, time zone or settings. */
export const publicUserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    nickname: z.string(),
    role: roleSchema,
    bio: z.string(),
    avatarUrl: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'PublicUser' });

export const publicUserResponseSchema = z.object({ data: publicUserSchema });
export const userIdParamsSchema = z.object({ id: z.string().max(64) });

export const meResponseSchema = z.object({ data: meSchema, csrfToken: z.string() });
export const okSchema = z.object({ ok: z.literal(true) });
export const logoutAllResponseSchema = z.object({ ok: z.literal(true), endedSessions: z.number().int() });
