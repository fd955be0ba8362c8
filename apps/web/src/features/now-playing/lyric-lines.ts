/** A lyric line as shown: the original with its translation (when there is one) underneath. */
export interface DisplayLine {
  timeMs: number | null;
  text: string;
  translation: string | null;
}

interface Line {
  timeMs: number | null;
  text: string;
}

/**
 * Pairs each original line with its translation: by timestamp for synced lyrics, by position
 * for unsynced ones (when both have the same number of lines).
 */
export function withTranslation(lines: readonly Line[], translation: readonly Line[] | null): DisplayLine[] {
  if (!translation || translation.length === 0) return lines.map((line) => ({ ...line, translation: null }));
  const byTime = new Map<number, string>();
  for (const line of translation) {
    if (line.timeMs !== null && line.text.trim() !== '' && !byTime.has(line.timeMs))
      byTime.set(line.timeMs, line.text);
  }
  const byIndex = translation.length === lines.length;
  return lines.map((line, index) => {
    const timed = line.timeMs !== null ? byTime.get(line.timeMs) : undefined;
    const positional = byIndex && line.timeMs === null ? translation[index]?.text : undefined;
    const text = timed ?? positional ?? null;
    return { ...line, translation: text && text.trim() !== '' && text !== line.text ? text : null };
  });
}

/**
 * The line being sung at `positionMs`: the last one whose time has come, -1 before the first.
 * Lines are in time order; untimed lines never become current.
 */
export function currentLineIndex(lines: readonly { timeMs: number | null }[], positionMs: number): number {
  let low = 0;
  let high = lines.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const time = lines[mid]?.timeMs;
    if (time === null || time === undefined) {
      // Untimed lines in synced lyrics are rare; fall back to a scan.
      return scan(lines, positionMs);
    }
    if (time <= positionMs) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

function scan(lines: readonly { timeMs: number | null }[], positionMs: number): number {
  let found = -1;
  lines.forEach((line, index) => {
    if (line.timeMs !== null && line.timeMs <= positionMs) found = index;
  });
  return found;
}

/** The translation that fits the reader: one in their language, else whatever the server chose. */
export function preferredTranslation(available: readonly string[], uiLocale: string): string | undefined {
  const want = uiLocale.toLowerCase();
  const base = want.split('-')[0] ?? want;
  return (
    available.find((tag) => tag.toLowerCase() === want) ??
    available.find((tag) => (tag.toLowerCase().split('-')[0] ?? '') === base)
  );
}
