import { describe, expect, it } from 'vitest';
import { Splitter3m, answer, decodeFrame, encodeFrame, request, START_VERSION } from './protocol';
import { fromHex, toHex } from '../../bytes';

const UID = 'E004010012345678';
const AIR = '78563412000104e0';

/** { name, payload, frame }: D6 | 00 LEN | payload | CRC-16/GENIBUS MSB first over 00 LEN payload. */
const vectors = [
  // captured from a 3M 810 pad (public reverse engineering): version request, start byte D5
  { name: 'version request', start: START_VERSION, payload: '040011', frame: 'd500050400118c66' },
  { name: 'inventory request', start: 0xd6, payload: 'fe0005', frame: undefined },
];

describe('3M 810 frames', () => {
  it.each(vectors)('$name: encode, decode, round trip', ({ start, payload, frame }) => {
    const encoded = encodeFrame(fromHex(payload), start);
    if (frame) expect(toHex(encoded)).toBe(frame);
    expect(toHex(encoded.subarray(0, 3))).toBe(
      `${start.toString(16)}00${(payload.length / 2 + 2).toString(16).padStart(2, '0')}`,
    );
    expect(decodeFrame(encoded)).toEqual({ start, payload: fromHex(payload) });
  });

  it('builds command payloads with UIDs in air order', () => {
    expect(toHex(request.read(UID, 0, 8))).toBe(`02${AIR}0008`);
    expect(toHex(request.write(UID, 1, fromHex('0102030405060708')))).toBe(`04${AIR}0102000102030405060708`);
    expect(toHex(request.writeAfi(UID, 0xc2))).toBe(`09${AIR}c2`);
    expect(toHex(request.setEas(UID, true))).toBe(`0c${AIR}01`);
  });

  it('parses answers: inventory, read blocks (block numbers LE16), AFI, version', () => {
    expect(answer.inventory(fromHex(`fe00000501${AIR}`))).toEqual([UID]);
    expect(answer.inventory(fromHex('fe0000050 0'.replace(' ', '')))).toEqual([]);
    expect(
      toHex(answer.read(fromHex(`0200${AIR}02 0000 11223344 0100 55667788`.replace(/ /g, '')), 0, 2)),
    ).toBe('1122334455667788');
    expect(answer.readAfi(fromHex(`0a00${AIR}07`))).toBe(7);
    expect(answer.version(fromHex('0400110a050002'))).toBe('10.5.0.2');
  });

  it('maps status 06 to TAG_NOT_FOUND and a wrong command echo to BAD_FRAME', () => {
    expect(() => answer.readAfi(fromHex(`0a06${AIR}`))).toThrow(
      expect.objectContaining({ code: 'TAG_NOT_FOUND' }),
    );
    expect(() => answer.readAfi(fromHex(`0900${AIR}07`))).toThrow(
      expect.objectContaining({ code: 'BAD_FRAME', details: expect.objectContaining({ offset: 3 }) }),
    );
  });

  it('rejects a frame whose CRC does not hold, naming the CRC offset', () => {
    const f = fromHex('d500050400118c67');
    expect(() => decodeFrame(f)).toThrow(
      expect.objectContaining({ code: 'CRC_MISMATCH', details: expect.objectContaining({ offset: 6 }) }),
    );
  });
});

describe('3M splitter', () => {
  const a = encodeFrame(fromHex('fe0005'));
  const b = encodeFrame(fromHex(`0a00${AIR}07`));
  it('joins a frame split byte by byte', () => {
    const s = new Splitter3m();
    const frames = [...a].flatMap((x) => s.push(Uint8Array.of(x)).frames);
    expect(frames.map((f) => toHex(f))).toEqual([toHex(a)]);
  });
  it('cuts two frames out of one chunk and skips leading garbage with an error', () => {
    const s = new Splitter3m();
    const r = s.push(Uint8Array.from([0x00, 0x13, ...a, ...b]));
    expect(r.frames.map((f) => toHex(f))).toEqual([toHex(a), toHex(b)]);
    expect(r.errors.map((e) => e.code)).toEqual(['BAD_FRAME']);
  });
  it('reports a corrupted frame and goes on with the next', () => {
    const bad = a.slice();
    bad[bad.length - 1]! ^= 1;
    const r = new Splitter3m().push(Uint8Array.from([...bad, ...b]));
    expect(r.errors.map((e) => e.code)).toEqual(['CRC_MISMATCH']);
    expect(r.frames.length).toBe(1);
  });
});
