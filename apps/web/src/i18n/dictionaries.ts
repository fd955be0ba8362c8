import en from './en.json';
import zhCN from './zh-CN.json';

/**
 * The app's strings: the core dictionaries here plus one pair per feature area in
 * `locales/<area>.<locale>.json` (e.g. `locales/playlists.zh-CN.json`), so each feature keeps
 * its own strings. Every area file holds one top-level key, named after the area.
 */
export type Dictionary = Record<string, unknown>;

const areaFiles = import.meta.glob<Dictionary>('./locales/*.json', { eager: true, import: 'default' });

export function mergeDictionaries(
  base: Dictionary,
  files: Record<string, Dictionary>,
  locale: string,
): Dictionary {
  const merged: Dictionary = { ...base };
  const suffix = `.${locale}.json`;
  for (const [file, dictionary] of Object.entries(files)) {
    if (!file.endsWith(suffix)) continue;
    for (const [key, value] of Object.entries(dictionary)) {
      if (key in merged) throw new Error(`${file}: the key "${key}" is already defined elsewhere`);
      merged[key] = value;
    }
  }
  return merged;
}

export const dictionaries = {
  'zh-CN': mergeDictionaries(zhCN, areaFiles, 'zh-CN'),
  en: mergeDictionaries(en, areaFiles, 'en'),
};
