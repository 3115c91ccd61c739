/**
 * FEIG ISO Host protocol (ID CPR / ID ISC readers; 38400 8E1 by default).
 *
 * Standard frame: LEN | COM-ADR | CMD | data… | CRC LSB | CRC MSB        (LEN = whole frame, ≤ 255)
 * Advanced frame: 02 | LEN MSB | LEN LSB | COM-ADR | CMD | data… | CRC LSB | CRC MSB
 * Answers carry a STATUS byte after CMD. CRC-16/MCRF4XX over every byte
 * before it. A standard frame can never start with 02 (its minimum length is
 * 5), so one splitter reads both.
 *
 * ISO 15693 host commands (CMD 0xB0, sub-command first; MODE 0x01 = addressed):
 *   01 MODE [AFI]               inventory (MODE bit 4: AFI follows)   → n, (TR-TYPE 03, DSFID, UID)×n
 *   23 MODE UID DB-ADR DB-N     read multiple blocks                   → DB-N, DB-SIZE, (SEC, block)×n
 *   24 MODE UID DB-ADR DB-N DB-SIZE blocks…  write multiple blocks
 *   27 MODE UID AFI             write AFI;  28 MODE UID  lock AFI
 *   2B MODE UID                 system information → DSFID, UID, AFI, MEM (size−1, count−1), IC-REF
 * NXP custom commands (CMD 0xB1): MFR 04, A2 set EAS / A3 reset EAS / A5 EAS alarm, MODE, UID.
 * Other: 65 software version → SW-REV(2) D-REV HW-TYPE SW-TYPE TR-TYPE(2).
 * DB-N counts blocks (the reader itself writes count − 1 on the air).
 * Block data travels with each block's bytes reversed (FEIG's documented
 * "reversed block byte order"); UIDs travel MSB first.
 */
import { RfidError } from '../../errors';
import { crc16Mcrf4xx } from '../../crc';
import { concat, reverseBlocks } from '../../bytes';
import { uidToBytes, uidToString } from '../../iso15693/uid';
import { BufferedSplitter } from '../splitter';

export const STX = 0x02;
export const BROADCAST = 0xff;

export const CMD = { ISO_HOST: 0xb0, ISO_CUSTOM: 0xb1, SOFTWARE_VERSION: 0x65, RF_RESET: 0x69 } as const;
export const SUB = {
  INVENTORY: 0x01,
  READ_MULTIPLE: 0x23,
  WRITE_MULTIPLE: 0x24,
  WRITE_AFI: 0x27,
  LOCK_AFI: 0x28,
  SYSTEM_INFO: 0x2b,
  SET_EAS: 0xa2,
  RESET_EAS: 0xa3,
  EAS_ALARM: 0xa5,
} as const;

/** FEIG status bytes (ISO Host manual, "Status / error codes"). */
export const STATUS = {
  OK: 0x00,
  NO_TRANSPONDER: 0x01,
  DATA_FALSE: 0x02,
  WRITE_ERROR: 0x03,
  ADDRESS_ERROR: 0x04,
  UNKNOWN_COMMAND: 0x80,
  LENGTH_ERROR: 0x81,
  RF_COMMUNICATION_ERROR: 0x83,
  MORE_DATA: 0x94,
  ISO_ERROR: 0x95,
} as const;

export const MODE_ADDRESSED = 0x01;
export const MODE_AFI = 0x10;
export const TR_TYPE_ISO15693 = 0x03;

export interface FeigFrame {
  advanced: boolean;
  address: number;
  command: number;
  /** Bytes after CMD (for answers, STATUS first). */
  body: Uint8Array;
}

export function encodeFrame(f: Omit<FeigFrame, 'advanced'> & { advanced?: boolean }): Uint8Array {
  const advanced = f.advanced ?? f.body.length + 5 > 0xff;
  const head = advanced ? [STX, 0, 0, f.address, f.command] : [0, f.address, f.command];
  const total = head.length + f.body.length + 2;
  if (total > 0xffff) throw new RfidError('BAD_LENGTH', { field: 'feig frame', actual: total });
  if (advanced) {
    head[1] = total >> 8;
    head[2] = total & 0xff;
  } else head[0] = total;
  const body = concat(head, f.body);
  const crc = crc16Mcrf4xx(body);
  return concat(body, [crc & 0xff, crc >> 8]);
}

export function decodeFrame(frame: Uint8Array): FeigFrame {
  const advanced = frame[0] === STX;
  const headLen = advanced ? 5 : 3;
  if (frame.length < headLen + 2)
    throw new RfidError('TRUNCATED', { field: 'feig frame', offset: frame.length });
  const total = advanced ? (frame[1]! << 8) | frame[2]! : frame[0]!;
  if (total !== frame.length)
    throw new RfidError('BAD_LENGTH', { field: 'feig frame', offset: advanced ? 1 : 0, actual: total });
  const crc = crc16Mcrf4xx(frame.subarray(0, total - 2));
  if (frame[total - 2] !== (crc & 0xff) || frame[total - 1] !== crc >> 8) {
    throw new RfidError('CRC_MISMATCH', { field: 'feig frame', offset: total - 2 });
  }
  return {
    advanced,
    address: frame[headLen - 2]!,
    command: frame[headLen - 1]!,
    body: frame.slice(headLen, total - 2),
  };
}

export class SplitterFeig extends BufferedSplitter {
  protected next() {
    const b = this.buf;
    if (b.length === 0) return undefined;
    const advanced = b[0] === STX;
    if (advanced && b.length < 3) return undefined;
    const total = advanced ? (b[1]! << 8) | b[2]! : b[0]!;
    if (total < (advanced ? 7 : 5)) {
      this.consume(1);
      return { error: new RfidError('BAD_FRAME', { field: 'length', offset: 0, actual: total }) };
    }
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

const msb = (uid: string) => uidToBytes(uid, 'msb-first');
const host = (sub: number, ...rest: (number[] | Uint8Array)[]) => ({
  command: CMD.ISO_HOST,
  body: concat([sub], ...rest),
});

/** Host → reader bodies. */
export const request = {
  inventory: (afi?: number) => host(SUB.INVENTORY, afi === undefined ? [0x00] : [MODE_AFI, afi]),
  readMultiple: (uid: string, first: number, count: number) =>
    host(SUB.READ_MULTIPLE, [MODE_ADDRESSED], msb(uid), [first, count]),
  writeMultiple: (uid: string, first: number, data: Uint8Array, blockSize = 4) =>
    host(
      SUB.WRITE_MULTIPLE,
      [MODE_ADDRESSED],
      msb(uid),
      [first, data.length / blockSize, blockSize],
      reverseBlocks(data, blockSize),
    ),
  writeAfi: (uid: string, afi: number) => host(SUB.WRITE_AFI, [MODE_ADDRESSED], msb(uid), [afi]),
  lockAfi: (uid: string) => host(SUB.LOCK_AFI, [MODE_ADDRESSED], msb(uid)),
  systemInfo: (uid: string) => host(SUB.SYSTEM_INFO, [MODE_ADDRESSED], msb(uid)),
  eas: (sub: number, uid: string) => ({
    command: CMD.ISO_CUSTOM,
    body: concat([0x04, sub, MODE_ADDRESSED], msb(uid)),
  }),
  version: () => ({ command: CMD.SOFTWARE_VERSION, body: new Uint8Array(0) }),
};

/** Checks STATUS and returns the data after it. */
export function dataOf(f: FeigFrame, expected: number): Uint8Array {
  if (f.command !== expected)
    throw new RfidError('BAD_FRAME', { field: 'command', expected, actual: f.command });
  const status = f.body[0];
  if (status === undefined) throw new RfidError('TRUNCATED', { field: 'status', offset: f.advanced ? 5 : 3 });
  if (status === STATUS.NO_TRANSPONDER) throw new RfidError('TAG_NOT_FOUND', { status });
  if (status !== STATUS.OK && status !== STATUS.MORE_DATA)
    throw new RfidError('READER_STATUS', { status, offset: f.advanced ? 5 : 3 });
  return f.body.subarray(1);
}

/** Reader → host data parsers (after STATUS). */
export const answer = {
  inventory(d: Uint8Array): { uid: string; dsfid: number }[] {
    const n = d[0] ?? 0;
    if (d.length !== 1 + 10 * n)
      throw new RfidError('BAD_LENGTH', { field: 'inventory', offset: 4, actual: n });
    return Array.from({ length: n }, (_, i) => {
      const o = 1 + 10 * i;
      if (d[o] !== TR_TYPE_ISO15693)
        throw new RfidError('UNSUPPORTED', { field: 'TR-TYPE', offset: o + 4, actual: d[o] });
      return { dsfid: d[o + 1]!, uid: uidToString(d.subarray(o + 2, o + 10), 'msb-first') };
    });
  },
  readMultiple(d: Uint8Array, count: number): Uint8Array {
    const n = d[0] ?? 0;
    const size = d[1] ?? 0;
    if (n !== count || size < 1 || d.length !== 2 + n * (size + 1)) {
      throw new RfidError('BAD_LENGTH', { field: 'read multiple', offset: 4, actual: n });
    }
    const out = new Uint8Array(n * size);
    for (let i = 0; i < n; i++)
      out.set(d.subarray(2 + i * (size + 1) + 1, 2 + (i + 1) * (size + 1)), i * size);
    return reverseBlocks(out, size);
  },
  systemInfo(d: Uint8Array) {
    if (d.length < 13) throw new RfidError('TRUNCATED', { field: 'system info', offset: d.length + 4 });
    return {
      dsfid: d[0]!,
      uid: uidToString(d.subarray(1, 9), 'msb-first'),
      afi: d[9]!,
      blockSize: (d[10]! & 0x1f) + 1,
      blockCount: d[11]! + 1,
      icReference: d[12]!,
    };
  },
  version: (d: Uint8Array) => {
    if (d.length < 2) throw new RfidError('TRUNCATED', { field: 'version', offset: 4 });
    return `${d[0]}.${d[1]}${d.length > 3 ? ` (hw ${d[3]})` : ''}`;
  },
};
