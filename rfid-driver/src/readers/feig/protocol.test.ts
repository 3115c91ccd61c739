import { describe, expect, it } from 'vitest';
import { SplitterFeig, answer, dataOf, decodeFrame, encodeFrame, request } from './protocol';
import { crc16Mcrf4xx } from '../../crc';
import { fromHex, toHex } from '../../bytes';

const UID = 'E004010012345678';

describe('FEIG ISO Host frames', () => {
  it('standard frame: LEN COM-ADR CMD data CRC (LSB first), e.g. inventory 07 FF B0 01 00 + CRC', () => {
    const f = encodeFrame({ address: 0xff, ...request.inventory() });
    const crc = crc16Mcrf4xx(fromHex('07ffb00100'));
    expect(toHex(f)).toBe(
      `07ffb00100${(crc & 0xff).toString(16).padStart(2, '0')}${(crc >> 8).toString(16).padStart(2, '0')}`,
    );
    expect(decodeFrame(f)).toEqual({ advanced: false, address: 0xff, command: 0xb0, body: fromHex('0100') });
  });

  it('advanced frame: 02 LEN(2) COM-ADR CMD data CRC, chosen explicitly or when the body is long', () => {
    const f = encodeFrame({ advanced: true, address: 0x00, command: 0x65, body: new Uint8Array(0) });
    expect(toHex(f.subarray(0, 5))).toBe('0200070065');
    expect(decodeFrame(f)).toMatchObject({ advanced: true, command: 0x65 });
    const long = encodeFrame({ address: 0xff, command: 0xb0, body: new Uint8Array(300) });
    expect(long[0]).toBe(0x02);
    expect(decodeFrame(long).body.length).toBe(300);
  });

  it('write multiple blocks sends each block byte-reversed; read multiple reverses them back', () => {
    const r = request.writeMultiple(UID, 2, fromHex('0102030405060708'));
    expect(toHex(r.body)).toBe('2401e004010012345678020204' + '04030201' + '08070605');
    const data = fromHex('0204' + '00' + '04030201' + '00' + '08070605');
    expect(toHex(answer.readMultiple(data, 2))).toBe('0102030405060708');
  });

  it('inventory answer: DATA-SETS then TR-TYPE, DSFID, UID MSB first', () => {
    expect(answer.inventory(fromHex('01 03 00 e004010012345678'.replace(/ /g, '')))).toEqual([
      { dsfid: 0, uid: UID },
    ]);
  });

  it('status 01 is TAG_NOT_FOUND, other errors READER_STATUS with the status byte', () => {
    const frame = (status: number) =>
      decodeFrame(encodeFrame({ address: 0, command: 0xb0, body: Uint8Array.of(status) }));
    expect(() => dataOf(frame(0x01), 0xb0)).toThrow(expect.objectContaining({ code: 'TAG_NOT_FOUND' }));
    expect(() => dataOf(frame(0x83), 0xb0)).toThrow(
      expect.objectContaining({ code: 'READER_STATUS', details: expect.objectContaining({ status: 0x83 }) }),
    );
  });

  it('splits frames across chunks, standard and advanced mixed', () => {
    const a = encodeFrame({ address: 0, command: 0xb0, body: fromHex('00') });
    const b = encodeFrame({ advanced: true, address: 0, command: 0x65, body: fromHex('0003') });
    const s = new SplitterFeig();
    const all = Uint8Array.from([...a, ...b]);
    const frames = [s.push(all.subarray(0, 4)), s.push(all.subarray(4, 9)), s.push(all.subarray(9))].flatMap(
      (r) => r.frames,
    );
    expect(frames.map((f) => toHex(f))).toEqual([toHex(a), toHex(b)]);
  });

  it('a bad CRC is CRC_MISMATCH at the CRC offset', () => {
    const a = encodeFrame({ address: 0, command: 0xb0, body: fromHex('00') });
    a[5]! ^= 0x10;
    expect(() => decodeFrame(a)).toThrow(
      expect.objectContaining({ code: 'CRC_MISMATCH', details: expect.objectContaining({ offset: 4 }) }),
    );
  });
});
