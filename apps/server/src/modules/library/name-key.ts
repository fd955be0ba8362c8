/**
 * Keys that decide when two spellings are the same artist, album or title: "Kevin  MacLeod",
 * "kevin macleod" and its full-width form (ＫｅｖｉｎＭａｃＬｅｏｄ with an ideographic space) all
 * land on one artist row.
 */
export function nameKey(name: string): string {
  // NFKC folds full-width and compatibility forms; lower-casing can leave a string that NFKC
  // would change again (and NFKC can produce capitals, "㎁" → "nA"), so fold twice.
  const folded = name.normalize('NFKC').toLowerCase().normalize('NFKC').toLowerCase();
  return folded.replace(/\s+/gu, ' ').trim();
}

const leadingArticle = /^(the|a|an) (?=\S)/u;

/** The key used for alphabetical lists: "The Beatles" sorts under B. */
export function sortName(name: string): string {
  const key = nameKey(name);
  return key.replace(leadingArticle, '');
}

// C0/C1 controls (tabs and newlines included: tags are one-line values) and U+FFFE/U+FFFF;
// PostgreSQL rejects NUL in text and jsonb, the rest only confuses people reading the name.
// eslint-disable-next-line no-control-regex
const controlChars = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]+/gu;

/**
 * A tag value fit to store: text only, control characters turned into spaces, trimmed and
 * capped. Returns null for anything empty, so "missing" has one spelling.
 */
export function cleanTagText(value: unknown, maxLength: number): string | null {
  if (typeof value !== 'string') return null;
  const cleaned = value.replace(controlChars, ' ').replace(/\s+/gu, ' ').trim();
  if (!cleaned) return null;
  if (cleaned.length <= maxLength) return cleaned;
  // Cut by code points so an emoji or a rare CJK character is never split in half.
  return Array.from(cleaned).slice(0, maxLength).join('').trim() || null;
}
