/**
 * Text folding shared by documents and queries, so both sides meet on the same spelling:
 * NFKD with combining marks stripped (`Beyoncé` → `beyonce`, full-width `ＡＢＣ` → `abc`), lower
 * case, apostrophes dropped (`don't` → `dont`), and the text cut into runs of one script.
 */

/** Letters NFKD leaves alone but people type as plain Latin. */
const LATIN_EXTRAS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
};
const LATIN_EXTRAS_RE = new RegExp(`[${Object.keys(LATIN_EXTRAS).join('')}]`, 'gu');
const LONE_SURROGATE_RE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export type RunScript = 'han' | 'cjk' | 'word';

export interface TextRun {
  script: RunScript;
  text: string;
}

// Han gets words, characters and pinyin; kana and hangul get characters; everything else is
// words of letters and digits (Latin, Cyrillic, Greek, …).
const RUN_RE =
  /(\p{Script=Han}+)|([\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc]+)|([\p{L}\p{N}]+)/gu;

/** Upper bound on how much of a field is looked at; titles longer than this are rare noise. */
export const MAX_FOLD_INPUT = 512;

export function fold(text: string): string {
  return (
    text
      .slice(0, MAX_FOLD_INPUT)
      // A lone surrogate (or one cut in half by the slice) would poison normalize().
      .replace(LONE_SURROGATE_RE, '')
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      // Hangul decomposes into jamo under NFKD; recompose it (jamo are not marks).
      .normalize('NFC')
      .toLowerCase()
      .replace(LATIN_EXTRAS_RE, (c) => LATIN_EXTRAS[c] ?? c)
      .replace(/['’`]/g, '')
  );
}

/** Runs of one script, in order, from already folded text. */
export function runsOf(folded: string): TextRun[] {
  const runs: TextRun[] = [];
  for (const match of folded.matchAll(RUN_RE)) {
    const script: RunScript = match[1] ? 'han' : match[2] ? 'cjk' : 'word';
    runs.push({ script, text: match[0] });
  }
  return runs;
}

/** The comparable form of a name: folded runs joined by single spaces (`Für  Elise!` → `fur elise`). */
export function foldName(text: string): string {
  return runsOf(fold(text))
    .map((r) => r.text)
    .join(' ');
}
