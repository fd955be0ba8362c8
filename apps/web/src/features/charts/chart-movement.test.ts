import { describe, expect, it } from 'vitest';
import { movementOf } from './chart-movement.ts';

describe('a chart entry’s movement', () => {
  it('shows places gained with an up arrow', () => {
    expect(movementOf({ movement: 'up', change: 3 })).toEqual({ kind: 'up', text: '▲3', places: 3 });
  });

  it('shows places lost with a down arrow and no minus sign', () => {
    expect(movementOf({ movement: 'down', change: -2 })).toEqual({ kind: 'down', text: '▼2', places: 2 });
  });

  it('marks a newcomer NEW and an unmoved entry with a dash', () => {
    expect(movementOf({ movement: 'new', change: 0 }).text).toBe('NEW');
    expect(movementOf({ movement: 'same', change: 0 })).toEqual({ kind: 'same', text: '–', places: 0 });
  });
});
