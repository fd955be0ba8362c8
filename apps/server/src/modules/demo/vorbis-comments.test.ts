import { describe, expect, it } from 'vitest';
import { appendToCommentBody } from './vorbis-comments.ts';

function commentBody(vendor: string, comments: string[], trailing = Buffer.alloc(0)): Buffer {
  const u32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    return b;
  };
  const parts = [u32(Buffer.byteLength(vendor)), Buffer.from(vendor), u32(comments.length)];
  for (const comment of comments) parts.push(u32(Buffer.byteLength(comment)), Buffer.from(comment));
  return Buffer.concat([...parts, trailing]);
}

describe('appendToCommentBody', () => {
  it('adds comments after the existing ones and keeps trailing data', () => {
    const body = commentBody('Lavf', ['TITLE=夜雨', 'ARTIST=沈知夏'], Buffer.from([1]));
    const result = appendToCommentBody(body, [['ARTIST', 'Mira Vale']]);
    expect(
      result.equals(
        commentBody('Lavf', ['TITLE=夜雨', 'ARTIST=沈知夏', 'ARTIST=Mira Vale'], Buffer.from([1])),
      ),
    ).toBe(true);
  });
});
