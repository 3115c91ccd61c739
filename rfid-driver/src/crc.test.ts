import { describe, expect, it } from 'vitest';
import { crc16CcittFalse, crc16Genibus, crc16Mcrf4xx } from './crc';
import { fromHex } from './bytes';

const check = new TextEncoder().encode('123456789');

describe('CRC-16 variants', () => {
  it('match the catalogue check values for "123456789"', () => {
    expect(crc16CcittFalse(check)).toBe(0x29b1);
    expect(crc16Genibus(check)).toBe(0xd64e);
    expect(crc16Mcrf4xx(check)).toBe(0x6f91);
  });

  it('GENIBUS reproduces a 3M 810 version request captured on the wire (D5 00 05 04 00 11 | 8C 66)', () => {
    expect(crc16Genibus(fromHex('00 05 04 00 11'))).toBe(0x8c66);
  });
});
