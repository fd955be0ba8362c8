import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { positionForMove, positionsForInsert, type OrderedRows, type Place } from './playlist-placement.ts';
import { MAX_INSERT, MIN_GAP, planPositions, renumberedPosition } from './playlist-positions.ts';

/** A playlist's rows in memory, ordered by (position, id) as the SQL orders them. */
class MemoryRows implements OrderedRows {
  readonly positions = new Map<string, number>();
  renumbers = 0;

  order(): Place[] {
    return [...this.positions]
      .map(([trackId, position]) => ({ trackId, position }))
      .sort(
        (a, b) => a.position - b.position || (a.trackId < b.trackId ? -1 : a.trackId > b.trackId ? 1 : 0),
      );
  }

  ids(): string[] {
    return this.order().map((p) => p.trackId);
  }

  async neighboursAt(index: number): Promise<[number | null, number | null]> {
    const rows = this.order();
    return [rows[index - 1]?.position ?? null, rows[index]?.position ?? null];
  }

  async last(): Promise<number | null> {
    return this.order().at(-1)?.position ?? null;
  }

  async place(trackId: string): Promise<Place | undefined> {
    const position = this.positions.get(trackId);
    return position === undefined ? undefined : { trackId, position };
  }

  async nextAfter(from: Place | null, skip: string | null): Promise<number | undefined> {
    const rows = this.order().filter((p) => p.trackId !== skip);
    if (!from) return rows[0]?.position;
    return rows.find(
      (p) => p.position > from.position || (p.position === from.position && p.trackId > from.trackId),
    )?.position;
  }

  async renumber(): Promise<void> {
    this.renumbers += 1;
    this.order().forEach((p, i) => this.positions.set(p.trackId, renumberedPosition(i)));
  }

  async insert(index: number, ids: string[]): Promise<void> {
    const positions = await positionsForInsert(this, index, this.positions.size, ids.length);
    ids.forEach((id, i) => this.positions.set(id, positions[i]!));
  }

  async move(trackId: string, anchorId: string | null): Promise<void> {
    if (trackId === anchorId) return;
    this.positions.set(trackId, await positionForMove(this, trackId, anchorId));
  }
}

/** The same operations on a plain array: the order a user expects to see. */
function expectedMove(list: string[], trackId: string, anchorId: string | null): string[] {
  if (trackId === anchorId) return list;
  const rest = list.filter((id) => id !== trackId);
  const at = anchorId === null ? 0 : rest.indexOf(anchorId) + 1;
  return [...rest.slice(0, at), trackId, ...rest.slice(at)];
}

const id = (n: number) => `t${String(n).padStart(5, '0')}`;

describe('planPositions', () => {
  it('appends at STEP intervals and places above the top below it', () => {
    expect(planPositions(null, null, 3)).toEqual([1, 2, 3]);
    expect(planPositions(7, null, 2)).toEqual([8, 9]);
    expect(planPositions(null, 1, 2)).toEqual([-1, 0]);
  });

  it('spreads tracks evenly between neighbours', () => {
    expect(planPositions(1, 2, 3)).toEqual([1.25, 1.5, 1.75]);
  });

  it('asks for a renumber when the gap is used up, never returning equal or outside positions', () => {
    expect(planPositions(1, 1 + MIN_GAP, 1)).toBe('renumber');
    // No double lies between 2^53 and 2^53 + 2: the midpoint would equal a neighbour.
    expect(planPositions(2 ** 53, 2 ** 53 + 2, 1)).toBe('renumber');
    expect(planPositions(1, 1, 1)).toBe('renumber');
  });

  it('refuses more than MAX_INSERT at once', () => {
    expect(() => planPositions(null, null, MAX_INSERT + 1)).toThrow(RangeError);
  });

  it('always fits MAX_INSERT tracks into a renumbered gap', () => {
    const plan = planPositions(renumberedPosition(0), renumberedPosition(1), MAX_INSERT);
    expect(plan).not.toBe('renumber');
  });

  it('gives strictly increasing positions strictly inside any gap it accepts', () => {
    const bound = fc.double({ min: -1e9, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(bound, bound, fc.integer({ min: 1, max: MAX_INSERT }), (x, y, count) => {
        const [before, after] = x < y ? [x, y] : [y, x];
        const plan = planPositions(before, after, count);
        if (plan === 'renumber') return;
        expect(plan).toHaveLength(count);
        [before, ...plan, after].reduce((previous, next) => {
          expect(next - previous).toBeGreaterThanOrEqual(MIN_GAP);
          return next;
        });
      }),
    );
  });
});

describe('placing tracks', () => {
  it('keeps the intended order after any sequence of drags', async () => {
    const moves = fc.array(fc.tuple(fc.nat(), fc.option(fc.nat(), { nil: null })), { maxLength: 200 });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 30 }), moves, async (size, drags) => {
        const rows = new MemoryRows();
        await rows.insert(
          0,
          Array.from({ length: size }, (_, i) => id(i)),
        );
        let expected = rows.ids();
        for (const [which, after] of drags) {
          const trackId = id(which % size);
          const anchor = after === null ? null : id(after % size);
          await rows.move(trackId, anchor);
          expected = expectedMove(expected, trackId, anchor);
          expect(rows.ids()).toEqual(expected);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the intended order after any sequence of inserts at any index', async () => {
    const inserts = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 20 })), { maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(inserts, async (steps) => {
        const rows = new MemoryRows();
        let expected: string[] = [];
        let next = 0;
        for (const [where, count] of steps) {
          const index = where % (expected.length + 2); // sometimes past the end: an append
          const ids = Array.from({ length: count }, () => id(next++));
          await rows.insert(index, ids);
          const at = Math.min(index, expected.length);
          expected = [...expected.slice(0, at), ...ids, ...expected.slice(at)];
          expect(rows.ids()).toEqual(expected);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('renumbers when the same gap is split again and again, and the order survives it', async () => {
    const rows = new MemoryRows();
    await rows.insert(0, [id(0), id(1), id(2)]);
    let expected = rows.ids();
    // Dragging the last track between the first two, alternately, halves one gap each time.
    for (let i = 0; i < 200; i++) {
      const order = rows.ids();
      const trackId = order[2]!;
      await rows.move(trackId, order[0]!);
      expected = expectedMove(expected, trackId, order[0]!);
      expect(rows.ids()).toEqual(expected);
    }
    expect(rows.renumbers).toBeGreaterThan(0);
  });

  it('moves to the top, and after the last track to the end', async () => {
    const rows = new MemoryRows();
    await rows.insert(0, [id(0), id(1), id(2), id(3)]);
    await rows.move(id(2), null);
    expect(rows.ids()).toEqual([id(2), id(0), id(1), id(3)]);
    await rows.move(id(0), id(3));
    expect(rows.ids()).toEqual([id(2), id(1), id(3), id(0)]);
    await rows.move(id(2), null);
    expect(rows.ids()).toEqual([id(2), id(1), id(3), id(0)]);
  });
});
