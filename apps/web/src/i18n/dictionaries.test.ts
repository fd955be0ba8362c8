import { describe, expect, it } from 'vitest';
import { dictionaries, mergeDictionaries } from './dictionaries.ts';

/** Every string exists in both languages, with the same placeholders. */
function leaves(dictionary: unknown, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  if (typeof dictionary !== 'object' || dictionary === null) return found;
  for (const [key, value] of Object.entries(dictionary)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') found.set(path, value);
    else for (const [k, v] of leaves(value, path)) found.set(k, v);
  }
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  const zh = leaves(dictionaries['zh-CN']);
  const en = leaves(dictionaries.en);

  it('have the same keys in zh-CN and en', () => {
    const stripPlural = (key: string) => key.replace(/_(one|other|zero|two|few|many)$/, '');
    expect([...new Set([...zh.keys()].map(stripPlural))].sort()).toEqual(
      [...new Set([...en.keys()].map(stripPlural))].sort(),
    );
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of en) {
      const other = zh.get(key) ?? zh.get(key.replace(/_(one|other)$/, ''));
      if (other === undefined) continue;
      expect(placeholders(other), key).toEqual(placeholders(text));
    }
  });

  it('refuse an area that redefines an existing key', () => {
    expect(() => mergeDictionaries({ nav: {} }, { './locales/x.en.json': { nav: {} } }, 'en')).toThrow(/nav/);
    expect(
      mergeDictionaries(
        { a: 1 },
        { './locales/x.en.json': { x: 2 }, './locales/x.zh-CN.json': { y: 3 } },
        'en',
      ),
    ).toEqual({ a: 1, x: 2 });
  });
});
