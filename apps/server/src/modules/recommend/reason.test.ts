import { describe, expect, it } from 'vitest';
import { chooseReason, MIN_ANCHOR_SIMILARITY, type Anchor, type ReasonFacts } from './reason.ts';

const jay = 'artist-jay';
const eason = 'artist-eason';
const sunny = 'track-sunny';

const facts = (overrides: Partial<ReasonFacts>): ReasonFacts => ({
  origin: 'familiar',
  trackId: 'track-x',
  artistIds: [jay],
  genre: 'mandopop',
  own: null,
  anchor: null,
  ...overrides,
});

const anchor = (overrides: Partial<Anchor>): Anchor => ({
  trackId: sunny,
  artistId: jay,
  signal: 'finished',
  similarity: 0.8,
  ...overrides,
});

describe('choosing the reason for a recommendation', () => {
  it('names the loved track the recommendation is closest to, by how the user showed it', () => {
    expect(chooseReason(facts({ anchor: anchor({ signal: 'looped' }) }))).toEqual({
      kind: 'looped',
      trackId: sunny,
    });
    expect(chooseReason(facts({ anchor: anchor({ signal: 'liked' }) }))).toEqual({
      kind: 'liked',
      trackId: sunny,
    });
    expect(chooseReason(facts({ anchor: anchor({ signal: 'finished' }) }))).toEqual({
      kind: 'similar_to',
      trackId: sunny,
    });
  });

  it('explains a discovery from another artist by the audience the artists share', () => {
    expect(chooseReason(facts({ origin: 'discovery', artistIds: [eason], anchor: anchor({}) }))).toEqual({
      kind: 'popular_with_listeners_of',
      artistId: jay,
    });
    // the same artist is no discovery across artists: plain similarity
    expect(chooseReason(facts({ origin: 'discovery', anchor: anchor({}) })).kind).toBe('similar_to');
  });

  it('says "discovery" rather than invent a far-fetched link', () => {
    const weak = anchor({ similarity: MIN_ANCHOR_SIMILARITY / 2, signal: 'looped' });
    expect(chooseReason(facts({ anchor: weak }))).toEqual({ kind: 'discovery' });
    expect(chooseReason(facts({}))).toEqual({ kind: 'discovery' });
  });

  it('brings back a favourite by the act on the track itself', () => {
    expect(chooseReason(facts({ own: 'looped', anchor: anchor({ signal: 'liked' }) }))).toEqual({
      kind: 'looped',
      trackId: 'track-x',
    });
  });

  it('credits a new release to the followed artist', () => {
    expect(chooseReason(facts({ origin: 'new', artistId: eason, anchor: anchor({}) }))).toEqual({
      kind: 'new_from_artist',
      artistId: eason,
    });
  });

  it('tells a cold-start pick by the choice it matched', () => {
    expect(chooseReason(facts({ origin: 'seed', artistId: eason }))).toEqual({
      kind: 'popular_with_listeners_of',
      artistId: eason,
    });
    expect(chooseReason(facts({ origin: 'seed', seedGenre: 'cantopop' }))).toEqual({
      kind: 'popular_in_genre',
      genre: 'cantopop',
    });
    expect(chooseReason(facts({ origin: 'seed', genre: 'mandopop' }))).toEqual({
      kind: 'popular_in_genre',
      genre: 'mandopop',
    });
    expect(chooseReason(facts({ origin: 'seed', genre: null }))).toEqual({ kind: 'discovery' });
  });
});
