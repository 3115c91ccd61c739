import { describe, expect, it } from 'vitest';
import { REPORT_SIZE, SplitterHid, decodeFrame, encodeFrame } from './protocol';
import { crc16Genibus } from '../../crc';
import { fromHex, toHex } from '../../bytes';

describe('RRHF-style HID reports', () => {
  it('LEN | CMD(2) | data | CRC-16/GENIBUS MSB first, zero-filled to 64 bytes', () => {
    const f = encodeFrame({ code: 0x1001, data: fromHex('0000') });
    const crc = crc16Genibus(fromHex('10010000'));
    expect(f.length).toBe(REPORT_SIZE);
    expect(toHex(f.subarray(0, 7))).toBe(`0610010000${crc.toString(16).padStart(4, '0')}`);
    expect(f.subarray(7).every((b) => b === 0)).toBe(true);
    expect(decodeFrame(f)).toEqual({ code: 0x1001, data: fromHex('0000') });
  });

  it('a frame longer than a report spans several; the splitter joins them and drops the fill', () => {
    const big = encodeFrame({ code: 0, data: new Uint8Array(100).fill(7) });
    expect(big.length).toBe(2 * REPORT_SIZE);
    const s = new SplitterHid();
    expect(s.push(big.subarray(0, REPORT_SIZE)).frames).toEqual([]);
    const [frame] = s.push(big.subarray(REPORT_SIZE)).frames;
    expect(decodeFrame(frame!).data.length).toBe(100);
  });

  it('reports a CRC error', () => {
    const f = encodeFrame({ code: 0, data: fromHex('01') });
    f[5]! ^= 1;
    expect(new SplitterHid().push(f).errors.map((e) => e.code)).toEqual(['CRC_MISMATCH']);
  });
});
