import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { dictionaries } from '../../i18n/dictionaries.ts';
import { describeNotification, type GroupCounting } from './notification-text.ts';
import type { Notification } from '../../lib/api-types.ts';

const person = (nickname: string) => ({ id: nickname, username: nickname, nickname, avatarUrl: null });

function aNotification(
  kind: Notification['kind'],
  actors: string[],
  actorCount = actors.length,
): Notification {
  return {
    id: 'n1',
    kind,
    read: false,
    actors: actors.map(person),
    actorCount,
    comment: {
      id: 'c1',
      targetType: 'track',
      targetId: 't1',
      lineIndex: null,
      parentId: null,
      excerpt: 'hi',
      deleted: false,
    },
    createdAt: '2026-11-23T00:00:00.000Z',
    updatedAt: '2026-11-23T00:00:00.000Z',
  };
}

const translators: Record<string, TFunction> = {};

beforeAll(async () => {
  for (const lng of ['zh-CN', 'en'] as const) {
    const instance = i18next.createInstance();
    await instance.init({
      lng,
      resources: { [lng]: { translation: dictionaries[lng] } },
      interpolation: { escapeValue: false },
    });
    translators[lng] = instance.t;
  }
});

function say(lng: 'zh-CN' | 'en', n: Notification): string {
  const t = translators[lng]!;
  const sentence = describeNotification(
    n,
    t('notifications.groupCounts') as GroupCounting,
    t('notifications.someone'),
  );
  return t(sentence.key, sentence.values);
}

describe('notification sentences', () => {
  it('group likes: two names and how many more', () => {
    const many = aNotification('like', ['A', 'B'], 14);
    expect(say('zh-CN', many)).toBe('A、B 等 14 人赞了你的评论');
    expect(say('en', many)).toBe('A, B and 12 others liked your comment');
    expect(say('en', aNotification('like', ['A', 'B'], 3))).toBe('A, B and 1 other liked your comment');
  });

  it('name one or two people plainly', () => {
    expect(say('zh-CN', aNotification('like', ['A']))).toBe('A 赞了你的评论');
    expect(say('en', aNotification('like', ['A', 'B']))).toBe('A and B liked your comment');
    expect(say('zh-CN', aNotification('like', ['A', 'B']))).toBe('A、B 赞了你的评论');
  });

  it('say hugs warmly, and replies and mentions by name', () => {
    expect(say('zh-CN', aNotification('hug', ['小明']))).toBe('小明 抱了抱你 🤗');
    expect(say('en', aNotification('hug', ['Ming']))).toBe('Ming sent you a hug 🤗');
    expect(say('en', aNotification('reply', ['A']))).toBe('A replied to you');
    expect(say('zh-CN', aNotification('mention', ['A']))).toBe('A 在评论里提到了你');
  });

  it('stand in for people who are gone', () => {
    expect(say('en', aNotification('like', [], 3))).toBe('Someone, Someone and 1 other liked your comment');
    expect(say('zh-CN', aNotification('reply', []))).toBe('有人 回复了你');
  });
});
