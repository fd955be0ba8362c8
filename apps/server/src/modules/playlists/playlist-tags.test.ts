import { describe, expect, it } from 'vitest';
import { mosaicCells } from './playlist-cover-image.ts';
import { MAX_TAGS, PLAYLIST_TAGS, TAG_CATEGORIES, checkTags } from './playlist-tags.ts';

describe('the playlist tag set', () => {
  it('has unique ids, labels in both languages, and tags in every category', () => {
    const ids = PLAYLIST_TAGS.map((tag) => tag.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const tag of PLAYLIST_TAGS) {
      expect(tag.id).toMatch(/^[a-z0-9-]+$/);
      expect(tag.zh.length).toBeGreaterThan(0);
      expect(tag.en.length).toBeGreaterThan(0);
    }
    for (const category of TAG_CATEGORIES) {
      expect(PLAYLIST_TAGS.some((tag) => tag.category === category)).toBe(true);
    }
    const zh = (id: string) => PLAYLIST_TAGS.find((tag) => tag.id === id)?.zh;
    expect(['mandarin', 'folk', 'night', 'sad', 'study'].map(zh)).toEqual([
      '华语',
      '民谣',
      '夜晚',
      '伤感',
      '学习',
    ]);
  });

  it('accepts up to three known tags, each once, in the order given', () => {
    expect(checkTags(['night', 'folk', 'night'])).toEqual({ ok: true, tags: ['night', 'folk'] });
    expect(checkTags([])).toEqual({ ok: true, tags: [] });
  });

  it('refuses an unknown tag by name, and a fourth tag', () => {
    expect(checkTags(['folk', '华语', 'jazzz'])).toMatchObject({ ok: false, code: 'unknown_tag' });
    expect(checkTags(['folk', 'jazzz'])).toMatchObject({ message: expect.stringContaining('jazzz') });
    expect(checkTags(['folk', 'rock', 'pop', 'jazz'])).toMatchObject({ ok: false, code: 'too_many_tags' });
    expect(MAX_TAGS).toBe(3);
  });
});

describe('the mosaic layout', () => {
  it('fills four cells from two, three or four covers, first cover top left', () => {
    expect(mosaicCells(['a', 'b'])).toEqual(['a', 'b', 'b', 'a']);
    expect(mosaicCells(['a', 'b', 'c'])).toEqual(['a', 'b', 'c', 'a']);
    expect(mosaicCells(['a', 'b', 'c', 'd'])).toEqual(['a', 'b', 'c', 'd']);
  });
});
