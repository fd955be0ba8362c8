import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLrc, parseLrc } from './lrc-parser.ts';

describe('parseLrc', () => {
  it('reads every timestamp format and sorts by time', () => {
    const parsed = parseLrc(
      [
        '[00:03.5]tenths',
        '[00:01.25]hundredths',
        '[00:02.125]millis',
        '[00:04:50]colon',
        '[00:00]whole',
      ].join('\n'),
    );
    expect(parsed.synced).toBe(true);
    expect(parsed.lines).toEqual([
      { timeMs: 0, text: 'whole' },
      { timeMs: 1250, text: 'hundredths' },
      { timeMs: 2125, text: 'millis' },
      { timeMs: 3500, text: 'tenths' },
      { timeMs: 4500, text: 'colon' },
    ]);
  });

  it('repeats a line for each of its timestamps (choruses)', () => {
    const parsed = parseLrc('[00:12.34][00:45.00]la la la\n[00:20.00]verse');
    expect(parsed.lines).toEqual([
      { timeMs: 12_340, text: 'la la la' },
      { timeMs: 20_000, text: 'verse' },
      { timeMs: 45_000, text: 'la la la' },
    ]);
  });

  it('reads ID tags and applies the offset (positive shows lyrics sooner)', () => {
    const parsed = parseLrc(
      '[ar: 周杰伦 ]\n[ti:晴天]\n[offset:+500]\n[00:10.00]故事的小黄花\n[00:00.20]intro',
    );
    expect(parsed.tags).toMatchObject({ ar: '周杰伦', ti: '晴天', offset: '+500' });
    expect(parsed.lines).toEqual([
      { timeMs: 0, text: 'intro' },
      { timeMs: 9_500, text: '故事的小黄花' },
    ]);
    expect(parseLrc('[offset:-250]\n[00:01.00]x').lines).toEqual([{ timeMs: 1_250, text: 'x' }]);
  });

  it('copes with a BOM, CRLF, blank and garbage lines', () => {
    const parsed = parseLrc(
      '\ufeff[ti:x]\r\n\r\n[00:01.00]one\r\nnot a lyric\r\n[xx:yy]broken\r\n[00:02.00]two\r\n',
    );
    expect(parsed.lines).toEqual([
      { timeMs: 1000, text: 'one' },
      { timeMs: 2000, text: 'two' },
    ]);
  });

  it('strips enhanced-LRC word timestamps', () => {
    expect(parseLrc('[00:01.00]<00:01.00>Hello <00:01.50>world').lines).toEqual([
      { timeMs: 1000, text: 'Hello world' },
    ]);
  });

  it('treats text without timestamps as unsynced lyrics with stanza breaks', () => {
    const parsed = parseLrc('\n\n[Chorus: Someone]\nfirst line\n\n\n\nsecond stanza\n\n');
    expect(parsed.synced).toBe(false);
    expect(parsed.lines).toEqual([
      { timeMs: null, text: '[Chorus: Someone]' },
      { timeMs: null, text: 'first line' },
      { timeMs: null, text: '' },
      { timeMs: null, text: 'second stanza' },
    ]);
  });

  it('gives no lines for an empty or tag-only file', () => {
    expect(parseLrc('').lines).toEqual([]);
    expect(parseLrc('[ar:x]\n[ti:y]').lines).toEqual([]);
  });

  it('never throws and keeps times non-decreasing on any input', () => {
    const lrcish = fc.array(
      fc.oneof(
        fc.string(),
        fc
          .tuple(fc.nat(200), fc.nat(99), fc.nat(999), fc.string())
          .map(([m, s, f, t]) => `[${m}:${s}.${f}]${t}`),
        fc.constantFrom('[offset:+300]', '[offset:-99999999999]', '[ar:x]', '[', ']', '[]', '\r', '\ufeff'),
      ),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          lrcish.map((parts) => parts.join('\n')),
        ),
        (input) => {
          const parsed = parseLrc(input);
          const times = parsed.lines.map((line) => line.timeMs ?? 0);
          for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1]!);
          for (const line of parsed.lines) {
            if (parsed.synced) expect(line.timeMs).toBeGreaterThanOrEqual(0);
            else expect(line.timeMs).toBeNull();
            expect(line.text).not.toMatch(/[\r\n]/);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('round-trips generated LRC', () => {
    const text = fc
      .string({ maxLength: 40 })
      // eslint-disable-next-line no-control-regex -- generated text must avoid what the parser strips
      .map((s) => s.replace(/[\u0000-\u001f\u007f-\u009f<[]/g, '').trim())
      .filter((s) => !s.startsWith('['));
    const line = fc.record({ timeMs: fc.nat(99 * 60_000 + 59_990).map((n) => n - (n % 10)), text });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 50 }), (lines) => {
        const parsed = parseLrc(formatLrc(lines, { ti: 'Title', ar: 'Artist' }));
        const expected = [...lines].sort((a, b) => a.timeMs - b.timeMs);
        expect(parsed.synced).toBe(true);
        expect(parsed.lines).toEqual(expected);
        expect(parsed.tags).toEqual({ ti: 'Title', ar: 'Artist' });
      }),
      { numRuns: 300 },
    );
  });
});
