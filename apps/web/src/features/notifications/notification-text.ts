import type { Notification } from '../../lib/api-types.ts';

/** A notification's sentence as a dictionary key and its values, for `t(key, values)`. */
export interface Sentence {
  key: string;
  values: Record<string, string | number>;
}

/**
 * Whether a language counts the people past the two named ("A, B and 12 others") or everyone
 * ("A、B 等 14 人"): the dictionary says, under notifications.groupCounts.
 */
export type GroupCounting = 'others' | 'everyone';

/**
 * What to say about a notification. Likes of one comment come grouped, naming the two latest
 * people; `someone` stands in for a person who is no longer there.
 */
export function describeNotification(n: Notification, counting: GroupCounting, someone: string): Sentence {
  const names = n.actors.map((actor) => actor.nickname);
  const a = names[0] ?? someone;
  if (n.kind !== 'like') return { key: `notifications.${n.kind}`, values: { a } };
  const total = Math.max(n.actorCount, names.length, 1);
  if (total === 1) return { key: 'notifications.like.one', values: { a } };
  const b = names[1] ?? someone;
  if (total === 2) return { key: 'notifications.like.two', values: { a, b } };
  return {
    key: 'notifications.like.many',
    values: { a, b, count: counting === 'everyone' ? total : total - 2 },
  };
}
