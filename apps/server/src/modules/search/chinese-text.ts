import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { pinyin } from 'pinyin-pro';

/**
 * Word segmentation (jieba) and pinyin readings (pinyin-pro) of Han text. Both libraries pick
 * the reading from context (重庆 → chong qing); names use the surname table (曾 → zeng, 单 → shan),
 * so a polyphone is indexed under its default reading there.
 */

let jieba: Jieba | undefined;

// Loading the dictionary takes about 150 ms: done on first use, not at import.
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** Sequential words of a Han run (they concatenate back to the run). */
export function cutWords(run: string): string[] {
  return segmenter().cut(run, true);
}

/** Words and the shorter words inside them (七里香 → 七里, 七里香), for the index. */
export function searchWords(run: string): string[] {
  return segmenter().cutForSearch(run, true);
}

const SYLLABLE_RE = /^[a-zü]{1,6}$/;

/**
 * One lower-case toneless syllable per character of a Han run ('' when a character has no
 * reading); `ü` is kept so the caller can spell it both `u` and `v`.
 */
export function syllablesOf(run: string, personName = false): string[] {
  const chars = Array.from(run);
  const read = (text: string) =>
    pinyin(text, { toneType: 'none', type: 'array', surname: personName ? 'head' : 'off' });
  let syllables = read(run);
  // Rare characters can make the reading drift from the characters; read them one by one then.
  if (syllables.length !== chars.length) syllables = chars.map((c) => read(c)[0] ?? '');
  return syllables.map((s) => (SYLLABLE_RE.test(s) ? s : ''));
}
