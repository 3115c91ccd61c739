/**
 * 3M 810/210 serial protocol (19200 8N1). 3M did not publish it; the framing
 * and the inventory, read, write, AFI and version commands below match
 * public captures of 3M 810 pads (Biblio::RFID's reverse engineering):
 *
 *   D6 | 00 LEN | payload … | CRC-16/GENIBUS, MSB first
 *   LEN = payload length + 2 (the CRC); the CRC covers 00, LEN and the payload.
 *   Version queries use the start byte D5 instead of D6.
 *
 *   request payload                          answer payload
 *   FE 00 05            inventory            FE 00 00 05 n UID×n
 *   02 UID first count  read blocks          02 00 UID n (block# LE16, 4 bytes)×n
 *   04 UID first count 00 data  write        04 00 UID n
 *   09 UID afi          write AFI            09 00 UID
 *   0A UID              read AFI             0A 00 UID afi
 *   0B UID              check EAS            0B 00 UID eas        (code not confirmed)
 *   0C UID on           set/reset EAS        0C 00 UID            (code not confirmed)
 *   D5: 04 00 11        version              D5: 04 00 11 v1 v2 v3 v4
 * A status byte 06 after the command means the tag did not answer.
 * UIDs travel in air order (LSB first).
 */
import { RfidError } from '../../errors';
import { crc16Genibus } from '../../crc';
import { concat } from '../../bytes';
import { uidToBytes, uidToString } from '../../iso15693/uid';
import { BufferedSplitter } from '../splitter';

export const START = 0xd6;
export const START_VERSION = 0xd5;
export const STATUS_OK = 0x00;
export const STATUS_TAG_ERROR = 0x06;

export const CMD = {
  INVENTORY: 0xfe,
  READ: 0x02,
  WRITE: 0x04,
  WRITE_AFI: 0x09,
  READ_AFI: 0x0a,
  CHECK_EAS: 0x0b,
  SET_EAS: 0x0c,
  VERSION: 0x04,
} as const;

export interface Frame3m {
  start: number;
  payload: Uint8Array;
}

export function encodeFrame(payload: Uint8Array | number[], start = START): Uint8Array {
  const len = payload.length + 2;
  if (len > 0xff) throw new RfidError('BAD_LENGTH', { field: '3m frame', actual: len });
  const body = concat([0x00, len], payload);
  const crc = crc16Genibus(body);
  return concat([start], body, [crc >> 8, crc & 0xff]);
}

export function decodeFrame(frame: Uint8Array): Frame3m {
  if (frame.length < 5) throw new RfidError('TRUNCATED', { field: '3m frame', offset: frame.length });
  if (frame[0] !== START && frame[0] !== START_VERSION)
    throw new RfidError('BAD_FRAME', { field: 'start', offset: 0 });
  if (frame[1] !== 0x00) throw new RfidError('BAD_FRAME', { field: 'length', offset: 1 });
  const len = frame[2]!;
  if (len < 2 || frame.length !== 3 + len)
    throw new RfidError('BAD_LENGTH', { field: '3m frame', offset: 2, actual: len });
  const crc = crc16Genibus(frame.subarray(1, frame.length - 2));
  if (frame[frame.length - 2] !== crc >> 8 || frame[frame.length - 1] !== (crc & 0xff)) {
    throw new RfidError('CRC_MISMATCH', { field: '3m frame', offset: frame.length - 2 });
  }
  return { start: frame[0]!, payload: frame.slice(3, frame.length - 2) };
}

export class Splitter3m extends BufferedSplitter {
  protected next() {
    const b = this.buf;
    if (b.length === 0) return undefined;
    if (b[0] !== START && b[0] !== START_VERSION) {
      let skip = b.findIndex((x) => x === START || x === START_VERSION);
      if (skip < 0) skip = b.length;
      this.consume(skip);
      return {
        error: new RfidError('BAD_FRAME', { field: 'garbage before start byte', offset: 0, actual: skip }),
      };
    }
    if (b.length < 3) return undefined;
    if (b[1] !== 0x00 || b[2]! < 2) {
      this.consume(1);
      return { error: new RfidError('BAD_FRAME', { field: 'length', offset: 1 }) };
    }
    const total = 3 + b[2]!;
    if (b.length < total) return undefined;
    const frame = this.consume(total);
    try {
      decodeFrame(frame);
      return { frame };
    } catch (e) {
      return { error: e as RfidError };
    }
  }
}

const air = (uid: string) => uidToBytes(uid, 'air');

/** Host → reader payloads. */
export const request = {
  inventory: () => Uint8Array.of(CMD.INVENTORY, 0x00, 0x05),
  read: (uid: string, first: number, count: number) => concat([CMD.READ], air(uid), [first, count]),
  write: (uid: string, first: number, data: Uint8Array) =>
    concat([CMD.WRITE], air(uid), [first, data.length / 4, 0x00], data),
  writeAfi: (uid: string, afi: number) => concat([CMD.WRITE_AFI], air(uid), [afi]),
  readAfi: (uid: string) => concat([CMD.READ_AFI], air(uid)),
  checkEas: (uid: string) => concat([CMD.CHECK_EAS], air(uid)),
  setEas: (uid: string, on: boolean) => concat([CMD.SET_EAS], air(uid), [on ? 1 : 0]),
  version: () => Uint8Array.of(CMD.VERSION, 0x00, 0x11),
};

function answerOf(payload: Uint8Array, cmd: number, minLength: number): Uint8Array {
  if (payload[0] !== cmd)
    throw new RfidError('BAD_FRAME', { field: 'command', offset: 3, expected: cmd, actual: payload[0] });
  if (payload[1] === STATUS_TAG_ERROR)
    throw new RfidError('TAG_NOT_FOUND', { offset: 4, status: STATUS_TAG_ERROR });
  if (payload[1] !== STATUS_OK) throw new RfidError('READER_STATUS', { offset: 4, status: payload[1] });
  if (payload.length < minLength)
    throw new RfidError('TRUNCATED', { field: '3m answer', offset: payload.length + 3 });
  return payload;
}

/** Reader → host payload parsers. */
export const answer = {
  inventory(p: Uint8Array): string[] {
    answerOf(p, CMD.INVENTORY, 5);
    const n = p[4]!;
    if (p.length !== 5 + 8 * n)
      throw new RfidError('BAD_LENGTH', { field: 'inventory', offset: 7, actual: n });
    return Array.from({ length: n }, (_, i) => uidToString(p.subarray(5 + 8 * i, 13 + 8 * i), 'air'));
  },
  read(p: Uint8Array, first: number, count: number): Uint8Array {
    answerOf(p, CMD.READ, 11);
    const n = p[10]!;
    if (n !== count || p.length !== 11 + 6 * n)
      throw new RfidError('BAD_LENGTH', { field: 'read', offset: 13, actual: n });
    const out = new Uint8Array(4 * n);
    for (let i = 0; i < n; i++) {
      const o = 11 + 6 * i;
      const block = p[o]! | (p[o + 1]! << 8);
      if (block !== first + i)
        throw new RfidError('BAD_FRAME', { field: 'block number', offset: o + 3, actual: block });
      out.set(p.subarray(o + 2, o + 6), 4 * i);
    }
    return out;
  },
  write: (p: Uint8Array) => void answerOf(p, CMD.WRITE, 11),
  writeAfi: (p: Uint8Array) => void answerOf(p, CMD.WRITE_AFI, 10),
  readAfi: (p: Uint8Array) => answerOf(p, CMD.READ_AFI, 11)[10]!,
  checkEas: (p: Uint8Array) => answerOf(p, CMD.CHECK_EAS, 11)[10] === 1,
  setEas: (p: Uint8Array) => void answerOf(p, CMD.SET_EAS, 10),
  version: (p: Uint8Array) => Array.from(answerOf(p, CMD.VERSION, 7).subarray(3, 7)).join('.'),
};
