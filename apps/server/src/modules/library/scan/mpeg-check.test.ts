import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findFrameChain, frameHeaderAt } from './mpeg-check.ts';

/** An MPEG-1 Layer III frame at 128 kbit/s, 44.1 kHz: 417 bytes (418 with padding). */
function frame(padding = 0): Uint8Array {
  const bytes = new Uint8Array(417 + padding);
  bytes.set([0xff, 0xfb, 0x90 | (padding << 1), 0x64]);
  return bytes;
}

const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('MPEG frame chain', () => {
  it('computes frame lengths from the header', () => {
    expect(frameHeaderAt(frame(), 0)?.length).toBe(417);
    expect(frameHeaderAt(frame(1), 0)?.length).toBe(418);
    expect(frameHeaderAt(Uint8Array.from([0xff, 0xfb, 0xf0, 0x00]), 0)).toBeNull(); // bitrate index 15
  });

  it('finds three linked frames, also after leading junk (a file cut mid-stream)', () => {
    expect(findFrameChain(concat(frame(), frame(1), frame()))).toBe(0);
    expect(findFrameChain(concat(new Uint8Array([1, 2, 0xff, 0xfb, 9]), frame(), frame(), frame()))).toBe(5);
  });

  it('refuses a lone header or frames that do not link', () => {
    expect(findFrameChain(frame())).toBe(-1);
    const broken = concat(frame(), frame());
    broken[417] = 0; // the second header is gone
    expect(findFrameChain(concat(broken, frame()))).toBe(-1);
  });

  it('does not find a chain in random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 4000 }), (bytes) => findFrameChain(bytes) === -1),
      {
        numRuns: 300,
      },
    );
  });
});
