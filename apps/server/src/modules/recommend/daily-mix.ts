/**
 * The rules of a daily list, applied to ranked candidate pools:
 *
 *   - 30 tracks, no track twice; every third slot is a discovery slot, so about 2/3 are
 *     neighbours of the user's favourites and 1/3 discovery (a pool that runs dry lends to the
 *     other, then the fallback pool fills in);
 *   - never a trashed track, never a track by a blocked artist, never a track already shown
 *     (in the list, dismissed, or in the last days' lists);
 *   - nothing heard in the last 3 days unless it is loved (heart on);
 *   - at most 3 tracks the user already knows;
 *   - at most 2 tracks per artist, relaxed to 3 only for slots that cannot be filled otherwise
 *     (a small library), never more.
 *
 * Pure: the candidates may come from anywhere (the model, a popularity query, a hostile test),
 * the rules hold for whatever is passed.
 */

export const DAILY_SIZE = 30;
export const ARTIST_CAP = 2;
export const ARTIST_CAP_RELAXED = 3;
export const MAX_KNOWN = 3;
/** Tracks heard within this many days are not recommended again (unless loved). */
export const RECENT_DAYS = 3;

export interface MixCandidate {
  trackId: string;
  /** credited artists */
  artistIds: readonly string[];
  /** in the user's positive history */
  known: boolean;
}

/** Membership tests (Sets or Maps both fit). */
interface Has {
  has(id: string): boolean;
}

export interface MixRules {
  trashed: Has;
  blockedArtists: Has;
  recentlyHeard: Has;
  loved: Has;
  /** already shown: in today's list, dismissed, or in the previous days' lists */
  taken: Has;
}

export type Slot = 'familiar' | 'discovery' | 'fallback';

export interface MixInput<C extends MixCandidate> {
  familiar: readonly C[];
  discovery: readonly C[];
  fallback: readonly C[];
  rules: MixRules;
  /** tracks staying in the list (when replacing one): they count towards the caps */
  existing?: readonly MixCandidate[];
  /** the positions to fill, e.g. 0..29 for a new list, or the dismissed track's */
  positions: readonly number[];
}

export interface MixPick<C extends MixCandidate> {
  candidate: C;
  position: number;
  slot: Slot;
}

export function isDiscoverySlot(position: number): boolean {
  return position % 3 === 2;
}

/** The rules every list obeys (daily, FM, similar): never binned, never a blocked artist. */
export function passesHardRules(
  candidate: Pick<MixCandidate, 'trackId' | 'artistIds'>,
  rules: Pick<MixRules, 'trashed' | 'blockedArtists'>,
): boolean {
  return (
    !rules.trashed.has(candidate.trackId) &&
    !candidate.artistIds.some((artist) => rules.blockedArtists.has(artist))
  );
}

export function allowed(candidate: MixCandidate, rules: MixRules): boolean {
  if (rules.taken.has(candidate.trackId) || !passesHardRules(candidate, rules)) return false;
  return !rules.recentlyHeard.has(candidate.trackId) || rules.loved.has(candidate.trackId);
}

export function mixDaily<C extends MixCandidate>(input: MixInput<C>): MixPick<C>[] {
  const perArtist = new Map<string, number>();
  const used = new Set<string>();
  let known = 0;
  const count = (candidate: MixCandidate) => {
    used.add(candidate.trackId);
    if (candidate.known) known++;
    for (const artist of new Set(candidate.artistIds))
      perArtist.set(artist, (perArtist.get(artist) ?? 0) + 1);
  };
  for (const candidate of input.existing ?? []) count(candidate);

  const pools: Record<Slot, readonly C[]> = {
    familiar: input.familiar,
    discovery: input.discovery,
    fallback: input.fallback,
  };
  const fits = (candidate: C, cap: number) =>
    !used.has(candidate.trackId) &&
    !(candidate.known && known >= MAX_KNOWN) &&
    candidate.artistIds.every((artist) => (perArtist.get(artist) ?? 0) < cap) &&
    allowed(candidate, input.rules);

  const picks: MixPick<C>[] = [];
  let open = [...input.positions];
  for (const cap of [ARTIST_CAP, ARTIST_CAP_RELAXED]) {
    const unfilled: number[] = [];
    for (const position of open) {
      const order: Slot[] = isDiscoverySlot(position)
        ? ['discovery', 'familiar', 'fallback']
        : ['familiar', 'discovery', 'fallback'];
      let pick: MixPick<C> | undefined;
      for (const slot of order) {
        const candidate = pools[slot].find((c) => fits(c, cap));
        if (candidate) {
          pick = { candidate, position, slot };
          break;
        }
      }
      if (pick) {
        count(pick.candidate);
        picks.push(pick);
      } else {
        unfilled.push(position);
      }
    }
    open = unfilled;
  }
  return picks.sort((a, b) => a.position - b.position);
}
