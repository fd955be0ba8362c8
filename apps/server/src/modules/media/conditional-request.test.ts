import { describe, expect, it } from 'vitest';
import { isNotModified, rangeStillValid, strongEtag, type Validators } from './conditional-request.ts';

const validators: Validators = { etag: '"abc"', lastModified: new Date('2026-03-01T10:00:00.750Z') };
const httpDate = 'Sun, 01 Mar 2026 10:00:00 GMT';

describe('isNotModified', () => {
  it.each([
    ['"abc"', undefined, true],
    ['W/"abc"', undefined, true],
    ['"x", "abc"', undefined, true],
    ['*', undefined, true],
    ['"x"', httpDate, false], // a tag list wins over the date
    [undefined, httpDate, true], // sub-second mtime still matches its own HTTP date
    [undefined, 'Sun, 01 Mar 2026 09:59:59 GMT', false],
    [undefined, 'not a date', false],
    [undefined, undefined, false],
  ])('If-None-Match %s, If-Modified-Since %s → %s', (ifNoneMatch, ifModifiedSince, expected) => {
    expect(isNotModified(ifNoneMatch, ifModifiedSince, validators)).toBe(expected);
  });
});

describe('rangeStillValid', () => {
  it.each([
    [undefined, true],
    ['"abc"', true],
    ['"abd"', false],
    ['W/"abc"', false], // If-Range needs a strong match
    [httpDate, true],
    ['Sun, 01 Mar 2026 10:00:01 GMT', false],
    ['garbage', false],
  ])('If-Range %s → %s', (ifRange, expected) => {
    expect(rangeStillValid(ifRange, validators)).toBe(expected);
  });
});

describe('strongEtag', () => {
  it('is a quoted strong tag that changes with any part', () => {
    expect(strongEtag('a', 1)).toMatch(/^"[\w-]{27}"$/);
    expect(strongEtag('a', 1)).toBe(strongEtag('a', 1));
    expect(strongEtag('a', 1)).not.toBe(strongEtag('a', 2));
    expect(strongEtag('a1')).not.toBe(strongEtag('a', 1));
  });
});
