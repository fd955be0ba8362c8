import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ARTIST_CAP,
  ARTIST_CAP_RELAXED,
  DAILY_SIZE,
  isDiscoverySlot,
  MAX_KNOWN,
  mixDaily,
  type MixCandidate,
  type MixRules,
} from './daily-mix.ts';

const positions = Array.from({ length: DAILY_SIZE }, (_, i) => i);
const noRules: MixRules = {
  trashed: new Set(),
  blockedArtists: new Set(),
  recentlyHeard: new Set(),
  loved: new Set(),
  taken: new Set(),
};

/** n tracks by distinct artists, named prefix-0, prefix-1, … */
function pool(prefix: string, n: number, artist = (i: number) => `${prefix}-artist-${i}`): MixCandidate[] {
  return Array.from({ length: n }, (_, i) => ({
    trackId: `${prefix}-${i}`,
    artistIds: [artist(i)],
    known: false,
  }));
}

// Small id spaces so that pools overlap, artists repeat and the rules actually bite.
const trackId = fc.integer({ min: 0, max: 60 }).map((n) => `t${n}`);
const artistId = fc.integer({ min: 0, max: 25 }).map((n) => `a${n}`);
const candidate: fc.Arbitrary<MixCandidate> = fc.record({
  trackId,
  artistIds: fc.array(artistId, { minLength: 1, maxLength: 2 }),
  known: fc.boolean(),
});
const ids = (arb: fc.Arbitrary<string>) => fc.array(arb, { maxLength: 15 }).map((list) => new Set(list));
const rules: fc.Arbitrary<MixRules> = fc.record({
  trashed: ids(trackId),
  blockedArtists: ids(artistId),
  recentlyHeard: ids(trackId),
  loved: ids(trackId),
  taken: ids(trackId),
});
const pools = fc.record({
  familiar: fc.array(candidate, { maxLength: 60 }),
  discovery: fc.array(candidate, { maxLength: 60 }),
  fallback: fc.array(candidate, { maxLength: 60 }),
  rules,
});

describe('mixing the daily list', () => {
  it('fills 30 slots, every third from discovery, from pools large enough', () => {
    const picks = mixDaily({
      familiar: pool('f', 40),
      discovery: pool('d', 40),
      fallback: [],
      rules: noRules,
      positions,
    });
    expect(picks).toHaveLength(DAILY_SIZE);
    expect(picks.map((p) => p.position)).toEqual(positions);
    for (const pick of picks)
      expect(pick.slot).toBe(isDiscoverySlot(pick.position) ? 'discovery' : 'familiar');
    expect(picks.filter((p) => p.slot === 'discovery')).toHaveLength(10);
  });

  it('keeps to 2 tracks per artist while other artists can fill the list', () => {
    const oneArtist = pool('f', 40, () => 'prolific');
    const picks = mixDaily({
      familiar: oneArtist,
      discovery: pool('d', 40),
      fallback: [],
      rules: noRules,
      positions,
    });
    expect(picks).toHaveLength(DAILY_SIZE);
    expect(picks.filter((p) => p.candidate.artistIds[0] === 'prolific')).toHaveLength(ARTIST_CAP);
  });

  it('lets a small library have 3 per artist, never more, rather than a short list', () => {
    const picks = mixDaily({
      familiar: pool('f', 40, (i) => `a${i % 5}`),
      discovery: [],
      fallback: [],
      rules: noRules,
      positions,
    });
    expect(picks).toHaveLength(5 * ARTIST_CAP_RELAXED);
  });

  it('fills from the fallback pool when the model has too little', () => {
    const picks = mixDaily({
      familiar: pool('f', 5),
      discovery: [],
      fallback: pool('p', 50),
      rules: noRules,
      positions,
    });
    expect(picks).toHaveLength(DAILY_SIZE);
    expect(picks.filter((p) => p.slot === 'fallback')).toHaveLength(25);
  });

  it('replaces one dismissed track at its own position, counting the rest of the list', () => {
    const existing = [
      { trackId: 'x', artistIds: ['shared'], known: false },
      { trackId: 'y', artistIds: ['shared'], known: false },
    ];
    const familiar = [
      { trackId: 'z', artistIds: ['shared'], known: false },
      { trackId: 'w', artistIds: ['other'], known: false },
    ];
    const picks = mixDaily({
      familiar,
      discovery: [],
      fallback: [],
      rules: noRules,
      existing,
      positions: [7],
    });
    expect(picks).toEqual([{ candidate: familiar[1], position: 7, slot: 'familiar' }]);
  });

  it('obeys every rule, whatever the pools hold', () => {
    fc.assert(
      fc.property(pools, ({ familiar, discovery, fallback, rules: r }) => {
        const picks = mixDaily({ familiar, discovery, fallback, rules: r, positions });
        const tracks = picks.map((p) => p.candidate.trackId);
        expect(new Set(tracks).size).toBe(tracks.length);
        expect(new Set(picks.map((p) => p.position)).size).toBe(picks.length);
        expect(picks.length).toBeLessThanOrEqual(DAILY_SIZE);
        const perArtist = new Map<string, number>();
        for (const { candidate: c } of picks) {
          expect(r.trashed.has(c.trackId)).toBe(false);
          expect(r.taken.has(c.trackId)).toBe(false);
          expect(c.artistIds.some((a) => r.blockedArtists.has(a))).toBe(false);
          if (r.recentlyHeard.has(c.trackId)) expect(r.loved.has(c.trackId)).toBe(true);
          for (const a of new Set(c.artistIds)) perArtist.set(a, (perArtist.get(a) ?? 0) + 1);
        }
        for (const n of perArtist.values()) expect(n).toBeLessThanOrEqual(ARTIST_CAP_RELAXED);
        expect(picks.filter((p) => p.candidate.known).length).toBeLessThanOrEqual(MAX_KNOWN);
      }),
    );
  });

  it('makes a full list whenever the allowed single-artist candidates could', () => {
    const single = fc.record({ trackId, artistIds: artistId.map((a) => [a]), known: fc.constant(false) });
    fc.assert(
      fc.property(fc.array(single, { maxLength: 80 }), rules, (familiar, r) => {
        const picks = mixDaily({ familiar, discovery: [], fallback: [], rules: r, positions });
        // the most a list could hold: up to 3 allowed tracks per artist
        const byArtist = new Map<string, Set<string>>();
        for (const c of familiar) {
          const allowed =
            !r.taken.has(c.trackId) &&
            !r.trashed.has(c.trackId) &&
            !r.blockedArtists.has(c.artistIds[0]!) &&
            (!r.recentlyHeard.has(c.trackId) || r.loved.has(c.trackId));
          if (!allowed) continue;
          const set = byArtist.get(c.artistIds[0]!) ?? new Set();
          set.add(c.trackId);
          byArtist.set(c.artistIds[0]!, set);
        }
        // a track listed under two artists in the input is one track: count each once
        const seen = new Set<string>();
        let possible = 0;
        for (const tracks of byArtist.values()) {
          const fresh = [...tracks].filter((t) => !seen.has(t));
          fresh.forEach((t) => seen.add(t));
          possible += Math.min(ARTIST_CAP_RELAXED, fresh.length);
        }
        expect(picks.length).toBeGreaterThanOrEqual(Math.min(DAILY_SIZE, possible));
      }),
    );
  });
});
