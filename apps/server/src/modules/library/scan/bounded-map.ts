/**
 * `items.map(run)` with at most `limit` calls in flight, results in input order. Reading tags
 * is mostly waiting on the disk, so a few files in flight keep both cores busy without opening
 * thousands of file handles at once.
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  run: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
