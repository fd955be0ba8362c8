import type { QueryClient } from '@tanstack/react-query';

/** Which of the asked-for tracks I like, by track id (every asked id has an answer). */
export type LikeLookup = Readonly<Record<string, boolean>>;

export const LIKES_KEY = ['likes'] as const;
export const likedTracksKey = [...LIKES_KEY, 'tracks'] as const;
export const lookupKey = (trackIds: readonly string[]) => [...LIKES_KEY, 'lookup', trackIds] as const;

/** Lists ask about the tracks they show in chunks of this many (one request per page). */
export const LOOKUP_CHUNK = 50;

/** The ids in chunks, each sorted so a reorder inside a chunk reuses its cached answer. */
export function lookupChunks(trackIds: readonly string[], size = LOOKUP_CHUNK): string[][] {
  const unique = [...new Set(trackIds)];
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += size) chunks.push(unique.slice(i, i + size).sort());
  return chunks;
}

export function toLookup(asked: readonly string[], liked: readonly string[]): LikeLookup {
  const likedSet = new Set(liked);
  return Object.fromEntries(asked.map((id) => [id, likedSet.has(id)]));
}

/**
 * Sets one heart everywhere it is drawn: every cached lookup that asked about the track. Returns
 * what it was before (undefined when no list knew), to put back if the server says no.
 */
export function setLikedInCache(
  queryClient: QueryClient,
  trackId: string,
  liked: boolean,
): boolean | undefined {
  let before: boolean | undefined;
  queryClient.setQueriesData<LikeLookup>({ queryKey: [...LIKES_KEY, 'lookup'] }, (old) => {
    if (!old || !(trackId in old)) return old;
    before ??= old[trackId];
    return old[trackId] === liked ? old : { ...old, [trackId]: liked };
  });
  return before;
}
