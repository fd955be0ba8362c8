import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { LyricLine } from '../../../db/schema.ts';
import { parseLrc } from '../lrc-parser.ts';

/** One row of the lyrics table, ready to store. */
export interface LyricsDocument {
  /** '' for the original, a language tag for a translation */
  lang: string;
  isTranslation: boolean;
  source: 'sidecar' | 'embedded';
  synced: boolean;
  lines: LyricLine[];
}

export interface SidecarMatch {
  name: string;
  /** '' for `<base>.lrc`, else the normalised tag of `<base>.<lang>.lrc` */
  lang: string;
}

const MAX_SIDECAR_BYTES = 1024 * 1024;
const langTag = /^([a-z]{2,3})((?:-[a-z0-9]{2,8})*)$/i;

/** `zh-cn` → `zh-CN`, `ZH-hans` → `zh-Hans`, `EN` → `en` (BCP 47 casing), or null if not a tag. */
export function normaliseLang(tag: string): string | null {
  const match = langTag.exec(tag);
  if (!match) return null;
  const subtags = (match[2] ?? '')
    .split('-')
    .filter(Boolean)
    .map((sub) =>
      sub.length === 2
        ? sub.toUpperCase()
        : sub.length === 4
          ? sub[0]!.toUpperCase() + sub.slice(1).toLowerCase()
          : sub.toLowerCase(),
    );
  return [match[1]!.toLowerCase(), ...subtags].join('-');
}

/**
 * The .lrc files that belong to an audio file, found in its directory listing: `<base>.lrc`
 * is the original, `<base>.<lang>.lrc` a translation (`Song.en.lrc`, `Song.zh-CN.lrc`).
 * Names are compared case-insensitively, as on the systems where most such files are made.
 */
export function findSidecars(audioName: string, names: readonly string[]): SidecarMatch[] {
  const base = path.parse(audioName).name.toLowerCase();
  const found = new Map<string, SidecarMatch>();
  for (const name of names) {
    const lower = name.toLowerCase();
    if (!lower.endsWith('.lrc') || !lower.startsWith(`${base}.`)) continue;
    const middle = lower.slice(base.length + 1, lower.length - 4);
    const lang = middle === '' ? '' : normaliseLang(middle);
    if (lang === null || found.has(lang)) continue;
    found.set(lang, { name, lang });
  }
  return [...found.values()].sort((a, b) => a.lang.localeCompare(b.lang));
}

/**
 * LRC files come as UTF-8 (with or without BOM), UTF-16 with a BOM, or, from older Chinese
 * sites, GB18030; a file that is not valid UTF-8 is read as GB18030.
 */
export function decodeLyricsFile(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function toDocument(text: string, lang: string, source: LyricsDocument['source']): LyricsDocument | null {
  const parsed = parseLrc(text);
  if (!parsed.lines.some((line) => line.text !== '')) return null;
  return { lang, isTranslation: lang !== '', source, synced: parsed.synced, lines: parsed.lines };
}

async function readSidecar(file: string): Promise<string | null> {
  try {
    const info = await stat(file);
    if (!info.isFile() || info.size > MAX_SIDECAR_BYTES) return null;
    return decodeLyricsFile(await readFile(file));
  } catch {
    return null;
  }
}

/**
 * All lyrics of one track: sidecar files first (people add them on purpose, so they win over
 * what a tagger embedded), then the embedded lyrics when there is no sidecar original.
 */
export async function findLyrics(
  audioPath: string,
  dirNames: readonly string[],
  embedded: string | null,
): Promise<LyricsDocument[]> {
  const dir = path.dirname(audioPath);
  const documents: LyricsDocument[] = [];
  for (const match of findSidecars(path.basename(audioPath), dirNames)) {
    const text = await readSidecar(path.join(dir, match.name));
    const document = text === null ? null : toDocument(text, match.lang, 'sidecar');
    if (document) documents.push(document);
  }
  if (embedded && !documents.some((d) => !d.isTranslation)) {
    const document = toDocument(embedded, '', 'embedded');
    if (document) documents.unshift(document);
  }
  return documents;
}
