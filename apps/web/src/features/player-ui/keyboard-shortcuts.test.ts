import { describe, expect, it } from 'vitest';
import { commandForKey } from './keyboard-shortcuts.ts';

const key = (k: string, extra: Partial<Parameters<typeof commandForKey>[0]> = {}) => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target: null,
  ...extra,
});

/** A stand-in for a DOM element: closest() answers for the selectors it matches. */
function element(matches: (selector: string) => boolean) {
  return {
    isContentEditable: false,
    closest: (selector: string) => (matches(selector) ? {} : null),
  } as unknown as EventTarget;
}

describe('keyboard shortcuts', () => {
  it('maps the player keys', () => {
    expect(commandForKey(key(' '))).toEqual({ kind: 'toggle' });
    expect(commandForKey(key('ArrowRight'))).toEqual({ kind: 'seek', by: 5 });
    expect(commandForKey(key('ArrowLeft', { shiftKey: true }))).toEqual({ kind: 'previous' });
    expect(commandForKey(key('ArrowUp'))).toEqual({ kind: 'volume', by: 0.05 });
    expect(commandForKey(key('x'))).toBeNull();
  });

  it('stays out of the way of typing and browser shortcuts', () => {
    const input = element((s) => s.includes('input'));
    expect(commandForKey(key(' ', { target: input }))).toBeNull();
    expect(commandForKey(key('ArrowLeft', { target: input }))).toBeNull();
    expect(commandForKey(key('ArrowLeft', { ctrlKey: true }))).toBeNull();
  });

  it('lets space press a focused button', () => {
    const button = element((s) => s.includes('button') && !s.includes('input'));
    expect(commandForKey(key(' ', { target: button }))).toBeNull();
    expect(commandForKey(key('ArrowRight', { target: button }))).toEqual({ kind: 'seek', by: 5 });
  });
});
