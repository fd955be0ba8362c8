/*
 * A drag in a list becomes one server call: "put this track right after that one" (or at the
 * top). The list on screen is split in pages, which keep their sizes when a row moves.
 */

/** The list with the item at `from` taken out and put back at `to`. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const result = [...items];
  if (from < 0 || from >= result.length || to < 0 || to >= result.length) return result;
  const [moved] = result.splice(from, 1);
  result.splice(to, 0, moved as T);
  return result;
}

/** The track the moved one follows once it sits at `to`; null when it goes to the top. */
export function afterTrackIdFor(ids: readonly string[], from: number, to: number): string | null {
  if (to <= 0) return null;
  return moveItem(ids, from, to)[to - 1] ?? null;
}

/** The same move on a list shown as pages: the pages keep their lengths. */
export function moveInPages<T>(pages: readonly (readonly T[])[], from: number, to: number): T[][] {
  const moved = moveItem(pages.flat() as T[], from, to);
  let start = 0;
  return pages.map((page) => {
    const slice = moved.slice(start, start + page.length);
    start += page.length;
    return slice;
  });
}

/** The pages without the given items. */
export function removeFromPages<T>(pages: readonly (readonly T[])[], drop: (item: T) => boolean): T[][] {
  return pages.map((page) => page.filter((item) => !drop(item)));
}
