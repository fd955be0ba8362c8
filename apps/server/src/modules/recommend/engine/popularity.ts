/**
 * Popularity baseline: every user gets the items with the most listeners in training. It is the
 * bar any personal model must clear, and the reference for catalogue coverage (it recommends the
 * same few dozen items to everyone).
 */
import type { Csr } from './sparse.ts';

/** Listener count per item (entries with a positive value). */
export function trainPopularity(interactions: Csr): Float32Array {
  const scores = new Float32Array(interactions.nCols);
  for (let i = 0; i < interactions.indices.length; i++) {
    if (interactions.values[i]! > 0) scores[interactions.indices[i]!]! += 1;
  }
  return scores;
}
