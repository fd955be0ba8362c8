import { describe, expect, it } from 'vitest';
import { lastGranule, oggCrc } from './ogg-duration.ts';

/** One Ogg page with a valid checksum. */
function page(serial: number, granule: bigint, body: Uint8Array): Uint8Array {
  const header = new Uint8Array(27 + 1);
  const view = new DataView(header.buffer);
  header.set([0x4f, 0x67, 0x67, 0x53], 0);
  view.setBigUint64(6, granule, true);
  view.setUint32(14, serial, true);
  header[26] = 1;
  header[27] = body.length;
  const bytes = new Uint8Array(header.length + body.length);
  bytes.set(header);
  bytes.set(body, header.length);
  new DataView(bytes.buffer).setUint32(22, oggCrc(bytes), true);
  return bytes;
}

const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('lastGranule', () => {
  const body = new Uint8Array(40).fill(7);

  it('matches the catalogued check value of the Ogg CRC', () => {
    expect(oggCrc(new TextEncoder().encode('123456789'))).toBe(0x89a1897f);
  });

  it('reads the granule of the last page of the stream', () => {
    const tail = concat(page(9, 1000n, body), page(9, 2_646_000n, body));
    expect(lastGranule(tail, 9)).toBe(2_646_000);
  });

  it('skips pages of other streams, pages without a finished packet, and a cut-off last page', () => {
    const cut = page(9, 9_999_999n, body).slice(0, 50);
    const tail = concat(
      page(9, 44_100n, body),
      page(9, 0xffffffffffffffffn, body),
      page(4, 88_200n, body),
      cut,
    );
    expect(lastGranule(tail, 9)).toBe(44_100);
  });

  it('refuses a page whose checksum is wrong', () => {
    const bad = page(9, 44_100n, body);
    bad[40] = 0;
    expect(lastGranule(bad, 9)).toBeNull();
    expect(lastGranule(new Uint8Array(10), 9)).toBeNull();
  });
});
