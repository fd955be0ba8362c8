import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { dictionaries } from '../../i18n/dictionaries.ts';
import { REASON_KINDS, reasonMessage, type ReasonTrack } from './reason-text.ts';
import type { RecommendationReason, ReasonKind } from './recommend-types.ts';

const track: ReasonTrack = { genre: 'Lo-fi Hip Hop', artists: [{ name: '北极星电台' }] };

/** One reason of each kind, with the fields the server sends for it. */
const REASONS: Record<ReasonKind, RecommendationReason> = {
  looped: { kind: 'looped', track: { id: 't1', title: '晴天' } },
  liked: { kind: 'liked', track: { id: 't1', title: '晴天' } },
  similar_to: { kind: 'similar_to', track: { id: 't2', title: 'Night Drive' } },
  popular_with_listeners_of: { kind: 'popular_with_listeners_of', artist: { id: 'a1', name: '周杰伦' } },
  new_from_artist: { kind: 'new_from_artist', artist: { id: 'a2', name: 'Neon Harbor' } },
  popular_in_genre: { kind: 'popular_in_genre', genre: 'lo-fi hip hop' },
  discovery: { kind: 'discovery' },
};

const EXPECTED: Record<'zh-CN' | 'en', Record<ReasonKind, string>> = {
  'zh-CN': {
    looped: '因为你单曲循环了《晴天》',
    liked: '因为你喜欢《晴天》',
    similar_to: '和你常听的《Night Drive》很像',
    popular_with_listeners_of: '喜欢 周杰伦 的人也在听',
    new_from_artist: '你常听的 Neon Harbor 出新歌了',
    popular_in_genre: 'Lo-fi Hip Hop 热门歌曲',
    discovery: '发现：你还没听过的 北极星电台',
  },
  en: {
    looped: 'Because you looped “晴天”',
    liked: 'Because you liked “晴天”',
    similar_to: 'Like “Night Drive”, which you play',
    popular_with_listeners_of: 'Popular with listeners of 周杰伦',
    new_from_artist: 'New from Neon Harbor, an artist you play',
    popular_in_genre: 'Popular in Lo-fi Hip Hop',
    discovery: 'Discovery: 北极星电台, new to you',
  },
};

const translators = {} as Record<'zh-CN' | 'en', TFunction>;

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

const say = (lng: 'zh-CN' | 'en', reason: RecommendationReason, about?: ReasonTrack) => {
  const { key, values } = reasonMessage(reason, about);
  return translators[lng](key, values);
};

describe('reason sentences', () => {
  it('cover every kind of the contract', () => {
    expect([...REASON_KINDS].sort()).toEqual(Object.keys(REASONS).sort());
  });

  for (const lng of ['zh-CN', 'en'] as const) {
    it(`word every kind in ${lng}`, () => {
      for (const kind of REASON_KINDS) {
        expect(say(lng, REASONS[kind], track), kind).toBe(EXPECTED[lng][kind]);
      }
    });
  }

  it('spell a genre as the track does, else with capitals', () => {
    const reason = REASONS.popular_in_genre;
    expect(say('en', reason, { genre: 'Lo-fi Hip Hop', artists: [] })).toBe('Popular in Lo-fi Hip Hop');
    expect(say('en', reason)).toBe('Popular in Lo-fi Hip Hop');
    expect(say('en', { kind: 'popular_in_genre', genre: 'jazz' }, track)).toBe('Popular in Jazz');
    expect(say('zh-CN', { kind: 'popular_in_genre', genre: '民谣' })).toBe('民谣 热门歌曲');
  });

  it('say something sensible when a field is missing', () => {
    expect(say('en', { kind: 'discovery' })).toBe('Discovery: something you have not heard yet');
    expect(say('zh-CN', { kind: 'discovery' })).toBe('发现：你还没听过的新声音');
    expect(say('en', { kind: 'looped' })).toBe('Picked for your taste');
    expect(say('zh-CN', { kind: 'new_from_artist' })).toBe('根据你的口味推荐');
    // A kind a newer server may send: never a raw key on screen.
    expect(say('en', { kind: 'mystery' } as unknown as RecommendationReason)).toBe('Picked for your taste');
  });
});
