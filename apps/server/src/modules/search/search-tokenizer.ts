import { cutWords, searchWords, syllablesOf } from './chinese-text.ts';
import { fold, runsOf, type TextRun } from './search-normalizer.ts';

/**
 * Turns names into index lexemes and typed queries into tsqueries, the way people type them:
 *
 *   周杰伦 晴天 → 周杰伦 晴天 (jieba words) · 周 杰 伦 晴 天 (characters) · 周杰 杰伦 晴天 (bigrams)
 *              · zhou jie lun qing tian (syllables) · zhoujielun qingtian (words and runs joined)
 *              · zjl qt (initials)
 *   Für Elise  → fur elise
 *
 * Postgres trigrams cannot index a two-character Chinese title such as 晴天, hence characters
 * and bigrams: a Chinese query becomes the AND of its bigrams, which is a substring test that
 * does not depend on how jieba happened to cut the title. The lexemes go into a 'simple'
 * tsvector built here, so Postgres never re-parses them.
 */

/** Lexemes longer than this are noise (and tsvector caps a lexeme at 2 KB). */
const MAX_LEXEME_CHARS = 64;
/** Per document field; a title longer than this is noise too. */
const MAX_FIELD_LEXEMES = 512;
/** Per query; a 100-character query stays well below this. */
export const MAX_QUERY_TERMS = 32;

export interface LexemeOptions {
  /** read Han names with the surname table (曾 → zeng, not ceng) */
  personName?: boolean;
}

/** Both spellings of ü: the folded one (lu) and the keyboard one (lv). */
function spellings(pinyinText: string): string[] {
  const u = pinyinText.replace(/ü/g, 'u');
  return pinyinText.includes('ü') ? [u, pinyinText.replace(/ü/g, 'v')] : [u];
}

const joined = (syllables: string[]) => syllables.join('');
const initials = (syllables: string[]) => syllables.map((s) => s.charAt(0)).join('');

function addHanRun(out: Set<string>, run: string, options: LexemeOptions): void {
  const chars = Array.from(run);
  for (let i = 0; i < chars.length; i++) {
    out.add(chars[i]!);
    if (i + 1 < chars.length) out.add(chars[i]! + chars[i + 1]!);
  }
  for (const word of searchWords(run)) if (Array.from(word).length > 2) out.add(word);

  const syllables = syllablesOf(run, options.personName);
  for (const s of syllables) if (s) for (const spelling of spellings(s)) out.add(spelling);
  const readable = syllables.filter(Boolean);
  if (readable.length > 1) {
    for (const spelling of spellings(joined(readable))) out.add(spelling);
    out.add(initials(readable));
  }
  // Each word's own reading, so `zhoujielun` finds 周杰伦 inside 周杰伦的歌.
  let at = 0;
  for (const word of cutWords(run)) {
    const length = Array.from(word).length;
    const wordSyllables = syllables.slice(at, at + length).filter(Boolean);
    at += length;
    if (wordSyllables.length < 2) continue;
    for (const spelling of spellings(joined(wordSyllables))) out.add(spelling);
    out.add(initials(wordSyllables));
  }
}

function addRun(out: Set<string>, run: TextRun, options: LexemeOptions): void {
  if (run.script === 'han') return addHanRun(out, run.text, options);
  if (run.script === 'cjk') {
    const chars = Array.from(run.text);
    chars.forEach((c, i) => {
      out.add(c);
      if (i + 1 < chars.length) out.add(c + chars[i + 1]!);
    });
    return;
  }
  out.add(run.text);
}

/** The index lexemes of one field (a title, a name). */
export function lexemesOf(text: string, options: LexemeOptions = {}): string[] {
  const runs = runsOf(fold(text));
  const out = new Set<string>();
  for (const run of runs) addRun(out, run, options);
  // A title spaced out character by character (我 爱 你) is still typed `woaini` / `wan`.
  const hanRuns = runs.filter((r) => r.script === 'han');
  if (hanRuns.length > 1) {
    const syllables = hanRuns.flatMap((r) => syllablesOf(r.text, options.personName)).filter(Boolean);
    if (syllables.length > 1) {
      for (const spelling of spellings(joined(syllables))) out.add(spelling);
      out.add(initials(syllables));
    }
  }
  return [...out]
    .filter((l) => l.length > 0)
    .map((l) => l.slice(0, MAX_LEXEME_CHARS))
    .slice(0, MAX_FIELD_LEXEMES);
}

export interface NameKeys {
  /** folded words joined by one space: compared for exact, prefix and substring ranks, and trigrams */
  folded: string;
  /** whole-name spellings without spaces: folded, full pinyin, pinyin initials */
  keys: string[];
}

const MAX_KEY_CHARS = 256;

/** The whole-name spellings a query is compared with to rank exact before prefix before substring. */
export function nameKeysOf(name: string, options: LexemeOptions = {}): NameKeys {
  const runs = runsOf(fold(name));
  const folded = runs
    .map((r) => r.text)
    .join(' ')
    .slice(0, MAX_KEY_CHARS);
  const keys = new Set<string>([joined(runs.map((r) => r.text))]);
  if (runs.some((r) => r.script === 'han')) {
    const readings = runs.map((r) =>
      r.script === 'han' ? syllablesOf(r.text, options.personName).filter(Boolean) : [r.text],
    );
    for (const spelling of spellings(joined(readings.flat()))) keys.add(spelling);
    const hanInitials = runs
      .flatMap((r, i) => (r.script === 'han' ? [initials(readings[i] ?? [])] : []))
      .join('');
    if (hanInitials) keys.add(hanInitials);
  }
  keys.delete('');
  return { folded, keys: [...keys].map((k) => k.slice(0, MAX_KEY_CHARS)) };
}

function quote(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * A tsvector literal: title lexemes weighted A, the rest (artists, album) B. Positions carry
 * the weights only (a lexeme without a position would match any weight), so A sits at 1, B at 2.
 */
export function tsvectorLiteral(primary: string[], secondary: string[]): string {
  const entries = new Map<string, string[]>();
  for (const lexeme of primary) entries.set(lexeme, ['1A']);
  for (const lexeme of secondary) {
    const positions = entries.get(lexeme);
    if (!positions) entries.set(lexeme, ['2B']);
    else if (positions.length === 1 && positions[0] === '1A') positions.push('2B');
  }
  return [...entries].map(([lexeme, positions]) => `${quote(lexeme)}:${positions.join(',')}`).join(' ');
}

export type QueryMode = 'search' | 'suggest';

export interface ParsedQuery {
  /** folded words joined by one space */
  folded: string;
  /** folded words joined without spaces: compared with the pinyin and initials keys too */
  compact: string;
  /** every term anywhere in the document (title, artists, album) */
  tsquery: string;
  /** every term in the title: ranks title matches above artist-or-album matches */
  titleTsquery: string;
  /** worth asking the trigram index for near spellings (`beethovn`) */
  fuzzy: boolean;
}

interface Term {
  lexeme: string;
  prefix: boolean;
}

function hanTerms(run: string, split: boolean): string[] {
  const words = split ? cutWords(run) : [run];
  return words.flatMap((word) => {
    const chars = Array.from(word);
    if (chars.length === 1) return chars;
    return chars.slice(1).map((c, i) => chars[i]! + c);
  });
}

/**
 * The tsquery of what someone typed, or null when nothing in it can be searched (punctuation
 * only). The last word is a prefix (`qingt` → qingtian, `bohem` → bohemian), as it is probably
 * still being typed; a lone letter is a prefix only for suggestions, where it is the whole point.
 */
export function parseQuery(text: string, mode: QueryMode): ParsedQuery | null {
  const runs = runsOf(fold(text));
  if (runs.length === 0) return null;
  const terms: Term[] = [];
  runs.forEach((run, index) => {
    const last = index === runs.length - 1;
    if (run.script === 'word') {
      const lexeme = run.text.slice(0, MAX_LEXEME_CHARS);
      terms.push({ lexeme, prefix: last && (mode === 'suggest' || lexeme.length > 1) });
      return;
    }
    // A run such as 周杰伦晴天 may span two fields of the document (artist, title): cut it
    // into words first so no bigram straddles the border.
    for (const lexeme of hanTerms(run.text, run.script === 'han')) terms.push({ lexeme, prefix: false });
  });
  const unique = [...new Map(terms.map((t) => [`${t.lexeme}\u0000${t.prefix}`, t])).values()].slice(
    0,
    MAX_QUERY_TERMS,
  );
  const render = (weight: string) =>
    unique
      .map((t) => `${quote(t.lexeme)}${t.prefix || weight ? ':' : ''}${t.prefix ? '*' : ''}${weight}`)
      .join(' & ');
  const words = runs.map((r) => r.text);
  const latinLetters = words.filter((_, i) => runs[i]!.script === 'word').join('').length;
  return {
    folded: words.join(' ').slice(0, MAX_KEY_CHARS),
    compact: words.join('').slice(0, MAX_KEY_CHARS),
    tsquery: render(''),
    titleTsquery: render('A'),
    fuzzy: mode === 'search' && latinLetters >= 4,
  };
}
