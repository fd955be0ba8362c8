import { describe, expect, it } from 'vitest';
import { crc16, crc8 } from './flac-integrity.ts';

describe('FLAC checksums', () => {
  it('match the catalogued check values for "123456789"', () => {
    const check = new TextEncoder().encode('123456789');
    expect(crc8(check)).toBe(0xf4); // CRC-8 (poly 0x07)
    expect(crc16(check)).toBe(0xfee8); // CRC-16/BUYPASS (poly 0x8005)
  });
});
