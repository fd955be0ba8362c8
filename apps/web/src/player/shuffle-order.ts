/**
 * The shuffle order: a list of queue-entry ids and the position of the one playing. Entries
 * after `pos` are still to come in this cycle, so nothing repeats until every entry has played;
 * then a new cycle is drawn (never starting with the entry that just played). Immutable.
 */
export interface ShuffleState {
  readonly order: readonly string[];
  readonly pos: number;
}

export type Random = () => number;

/** A new order: `first` (the entry playing now, if any) then the others shuffled. */
export function startShuffle(uids: readonly string[], first: string | null, random: Random): ShuffleState {
  const others = shuffled(
    uids.filter((uid) => uid !== first),
    random,
  );
  return first !== null && uids.includes(first)
    ? { order: [first, ...others], pos: 0 }
    : { order: others, pos: -1 };
}

export function currentOfShuffle(state: ShuffleState): string | null {
  return state.order[state.pos] ?? null;
}

/** The entry that plays next, drawing a new cycle first when this one is exhausted. */
export function ensureUpcoming(state: ShuffleState, pool: readonly string[], random: Random): ShuffleState {
  if (state.pos + 1 < state.order.length || pool.length === 0) return state;
  const current = currentOfShuffle(state);
  const cycle = shuffled(pool, random);
  if (cycle.length > 1 && cycle[0] === current) {
    const swapWith = 1 + Math.floor(random() * (cycle.length - 1));
    [cycle[0], cycle[swapWith]] = [cycle[swapWith] as string, cycle[0] as string];
  }
  // Only the entry playing now is kept from the finished cycle, so "previous" can return to it.
  return current === null ? { order: cycle, pos: -1 } : { order: [current, ...cycle], pos: 0 };
}

export function upcomingOfShuffle(state: ShuffleState): string | null {
  return state.order[state.pos + 1] ?? null;
}

export function advanceShuffle(state: ShuffleState): ShuffleState {
  return state.pos + 1 < state.order.length ? { order: state.order, pos: state.pos + 1 } : state;
}

/** Steps back through what already played in this cycle; null at the start. */
export function retreatShuffle(state: ShuffleState): ShuffleState | null {
  return state.pos > 0 ? { order: state.order, pos: state.pos - 1 } : null;
}

/** The user picked an entry: it becomes current and counts as played in this cycle. */
export function jumpInShuffle(state: ShuffleState, uid: string): ShuffleState {
  if (currentOfShuffle(state) === uid) return state;
  const index = state.order.indexOf(uid);
  const order = [...state.order];
  let pos = state.pos;
  if (index >= 0) {
    order.splice(index, 1);
    if (index < pos) pos -= 1;
  }
  order.splice(pos + 1, 0, uid);
  return { order, pos: pos + 1 };
}

/** New entries: "play next" puts them right after the current one, others land at random among the unplayed. */
export function addToShuffle(
  state: ShuffleState,
  uids: readonly string[],
  placement: 'next' | 'later',
  random: Random,
): ShuffleState {
  const order = [...state.order];
  if (placement === 'next') {
    order.splice(state.pos + 1, 0, ...uids);
  } else {
    for (const uid of uids) {
      const from = state.pos + 1;
      const at = from + Math.floor(random() * (order.length - from + 1));
      order.splice(at, 0, uid);
    }
  }
  return { order, pos: state.pos };
}

/** Drops an entry; when it was the current one, `pos` steps back so the following entry is next. */
export function removeFromShuffle(state: ShuffleState, uid: string): ShuffleState {
  const index = state.order.indexOf(uid);
  if (index < 0) return state;
  const order = state.order.filter((_, i) => i !== index);
  const pos = index <= state.pos ? state.pos - 1 : state.pos;
  return { order, pos };
}

/** Fisher–Yates with an injectable random source, so tests are deterministic. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}
