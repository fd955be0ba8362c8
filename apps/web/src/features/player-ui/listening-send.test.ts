import { describe, expect, it } from 'vitest';
import { outcomeOf } from './listening-send.ts';

describe('what an answer means for a batch of listening events', () => {
  it('is delivered on any 2xx', () => {
    expect(outcomeOf(200)).toBe('sent');
    expect(outcomeOf(204)).toBe('sent');
  });

  it('is tried again without an answer, when rate limited, or when the server failed', () => {
    expect(outcomeOf(null)).toBe('retry');
    expect(outcomeOf(429)).toBe('retry');
    expect(outcomeOf(500)).toBe('retry');
    expect(outcomeOf(503)).toBe('retry');
  });

  it('is let go on any other client error: sending it again would fail the same way', () => {
    expect(outcomeOf(400)).toBe('drop');
    expect(outcomeOf(401)).toBe('drop');
    expect(outcomeOf(403)).toBe('drop');
    expect(outcomeOf(413)).toBe('drop');
  });
});
