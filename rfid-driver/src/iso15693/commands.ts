/**
 * ISO/IEC 15693-3 request and response PDUs (without SOF/EOF; the CRC is
 * added by {@link withCrc}). Pure functions, used by the HID reader (which
 * passes PDUs through) and by the simulator's virtual tags.
 */
import { RfidError } from '../errors';
import { crc16Mcrf4xx } from '../crc';
import { concat } from '../bytes';
import { uidToBytes, uidToString } from './uid';

/** Request flags, ISO 15693-3 §7.3.1 Tables 3–5. */
export const FLAG = {
  SUBCARRIER: 0x01,
  DATA_RATE: 0x02,
  INVENTORY: 0x04,
  PROTOCOL_EXT: 0x08,
  SELECT: 0x10, // non-inventory
  ADDRESS: 0x20, // non-inventory
  OPTION: 0x40,
  AFI: 0x10, // inventory
  ONE_SLOT: 0x20, // inventory: Nb_slots flag (1 slot instead of 16)
} as const;

/** Response flag bit 0: an error code follows (ISO 15693-3 §7.4.1). */
export const RESPONSE_ERROR = 0x01;

/** Command codes, ISO 15693-3 §10 Table 10, and NXP ICODE custom commands. */
export const CMD = {
  INVENTORY: 0x01,
  STAY_QUIET: 0x02,
  READ_SINGLE: 0x20,
  WRITE_SINGLE: 0x21,
  READ_MULTIPLE: 0x23,
  WRITE_MULTIPLE: 0x24,
  SELECT: 0x25,
  RESET_TO_READY: 0x26,
  WRITE_AFI: 0x27,
  LOCK_AFI: 0x28,
  WRITE_DSFID: 0x29,
  GET_SYSTEM_INFO: 0x2b,
  NXP_SET_EAS: 0xa2,
  NXP_RESET_EAS: 0xa3,
  NXP_EAS_ALARM: 0xa5,
} as const;

export const NXP = 0x04;

/** Error codes a tag may answer (ISO 15693-3 §7.4.2 Table 7). */
export const ISO_ERROR = {
  NOT_SUPPORTED: 0x01,
  NOT_RECOGNISED: 0x02,
  OPTION_NOT_SUPPORTED: 0x03,
  UNKNOWN: 0x0f,
  BLOCK_NOT_AVAILABLE: 0x10,
  BLOCK_LOCKED: 0x11,
  BLOCK_LOCKED_CANNOT_CHANGE: 0x12,
  BLOCK_NOT_PROGRAMMED: 0x13,
  BLOCK_NOT_LOCKED: 0x14,
} as const;

/** ISO 15693 air CRC: CRC-16/ISO-HDLC style — reflected 0x8408, init FFFF, complemented, sent LSB first (ISO 15693-3 Annex C). */
export function crc15693(pdu: Uint8Array): number {
  return ~crc16Mcrf4xx(pdu) & 0xffff;
}

export function withCrc(pdu: Uint8Array): Uint8Array {
  const c = crc15693(pdu);
  return concat(pdu, [c & 0xff, c >> 8]);
}

export function checkCrc(frame: Uint8Array): Uint8Array {
  if (frame.length < 3) throw new RfidError('TRUNCATED', { field: 'iso15693 frame', offset: frame.length });
  const pdu = frame.subarray(0, frame.length - 2);
  const c = crc15693(pdu);
  if (frame[frame.length - 2] !== (c & 0xff) || frame[frame.length - 1] !== c >> 8) {
    throw new RfidError('CRC_MISMATCH', { field: 'iso15693 frame', offset: frame.length - 2 });
  }
  return pdu;
}

const HIGH_RATE = FLAG.DATA_RATE;

export interface InventoryRequest {
  afi?: number;
  /** 16 slots (default) or 1. */
  slots?: 1 | 16;
  maskLength?: number;
  /** Mask value bits, LSB first as on the air. */
  mask?: bigint;
}

export function inventoryRequest(r: InventoryRequest = {}): Uint8Array {
  const flags =
    HIGH_RATE | FLAG.INVENTORY | (r.afi !== undefined ? FLAG.AFI : 0) | (r.slots === 1 ? FLAG.ONE_SLOT : 0);
  const maskLength = r.maskLength ?? 0;
  const maskBytes: number[] = [];
  for (let i = 0; i < Math.ceil(maskLength / 8); i++)
    maskBytes.push(Number(((r.mask ?? 0n) >> BigInt(8 * i)) & 0xffn));
  return Uint8Array.from([
    flags,
    CMD.INVENTORY,
    ...(r.afi !== undefined ? [r.afi] : []),
    maskLength,
    ...maskBytes,
  ]);
}

export interface ParsedRequest {
  flags: number;
  command: number;
  /** Present when the address flag is set (normalised UID). */
  uid?: string;
  /** NXP custom commands: the manufacturer byte. */
  manufacturer?: number;
  params: Uint8Array;
}

/** Splits a request PDU into flags, command, address and parameters. */
export function parseRequest(pdu: Uint8Array): ParsedRequest {
  if (pdu.length < 2) throw new RfidError('TRUNCATED', { field: 'request', offset: pdu.length });
  const flags = pdu[0]!;
  const command = pdu[1]!;
  let o = 2;
  let manufacturer: number | undefined;
  if (command >= 0xa0 && command <= 0xdf) {
    if (pdu.length < 3) throw new RfidError('TRUNCATED', { field: 'manufacturer', offset: 2 });
    manufacturer = pdu[o++]!;
  }
  let uid: string | undefined;
  if (!(flags & FLAG.INVENTORY) && flags & FLAG.ADDRESS) {
    if (pdu.length < o + 8) throw new RfidError('TRUNCATED', { field: 'uid', offset: pdu.length });
    uid = uidToString(pdu.subarray(o, o + 8), 'air');
    o += 8;
  }
  return {
    flags,
    command,
    ...(uid ? { uid } : {}),
    ...(manufacturer !== undefined ? { manufacturer } : {}),
    params: pdu.subarray(o),
  };
}

function addressed(
  command: number,
  uid: string,
  params: number[] | Uint8Array,
  custom = false,
  option = false,
): Uint8Array {
  return concat(
    [HIGH_RATE | FLAG.ADDRESS | (option ? FLAG.OPTION : 0), command],
    custom ? [NXP] : [],
    uidToBytes(uid, 'air'),
    params,
  );
}

/** Read multiple blocks: the PDU carries "number of blocks" = count − 1 (ISO 15693-3 §10.3.3). */
export function readMultipleRequest(uid: string, first: number, count: number): Uint8Array {
  if (count < 1 || count > 256 || first < 0 || first > 255)
    throw new RfidError('BAD_VALUE', { field: 'block range' });
  return addressed(CMD.READ_MULTIPLE, uid, [first, count - 1]);
}

export function writeMultipleRequest(
  uid: string,
  first: number,
  data: Uint8Array,
  blockSize = 4,
): Uint8Array {
  if (data.length === 0 || data.length % blockSize)
    throw new RfidError('BAD_LENGTH', { field: 'data', actual: data.length });
  return addressed(CMD.WRITE_MULTIPLE, uid, concat([first, data.length / blockSize - 1], data));
}

export function readSingleRequest(uid: string, block: number): Uint8Array {
  return addressed(CMD.READ_SINGLE, uid, [block]);
}

export function writeSingleRequest(uid: string, block: number, data: Uint8Array): Uint8Array {
  return addressed(CMD.WRITE_SINGLE, uid, concat([block], data));
}

export const writeAfiRequest = (uid: string, afi: number) => addressed(CMD.WRITE_AFI, uid, [afi]);
export const lockAfiRequest = (uid: string) => addressed(CMD.LOCK_AFI, uid, []);
export const systemInfoRequest = (uid: string) => addressed(CMD.GET_SYSTEM_INFO, uid, []);
export const setEasRequest = (uid: string) => addressed(CMD.NXP_SET_EAS, uid, [], true);
export const resetEasRequest = (uid: string) => addressed(CMD.NXP_RESET_EAS, uid, [], true);
export const easAlarmRequest = (uid: string) => addressed(CMD.NXP_EAS_ALARM, uid, [], true);

/** Response of a tag: data after the flags byte, or an RfidError for an error response. */
export function parseResponse(pdu: Uint8Array): Uint8Array {
  if (pdu.length < 1) throw new RfidError('TRUNCATED', { field: 'response', offset: 0 });
  if (pdu[0]! & RESPONSE_ERROR) {
    throw new RfidError('READER_STATUS', {
      field: 'iso15693 error',
      offset: 1,
      status: pdu[1] ?? ISO_ERROR.UNKNOWN,
    });
  }
  return pdu.subarray(1);
}

export function inventoryResponse(dsfid: number, uid: string): Uint8Array {
  return concat([0x00, dsfid], uidToBytes(uid, 'air'));
}

export function parseInventoryResponse(pdu: Uint8Array): { dsfid: number; uid: string } {
  const d = parseResponse(pdu);
  if (d.length !== 9)
    throw new RfidError('BAD_LENGTH', { field: 'inventory response', actual: d.length, expected: 9 });
  return { dsfid: d[0]!, uid: uidToString(d.subarray(1), 'air') };
}

export interface SystemInfo {
  uid: string;
  dsfid?: number;
  afi?: number;
  blockSize?: number;
  blockCount?: number;
  icReference?: number;
}

/** Get System Information response, ISO 15693-3 §10.4.12: info flags say which fields follow. */
export function parseSystemInfo(pdu: Uint8Array): SystemInfo {
  const d = parseResponse(pdu);
  if (d.length < 9) throw new RfidError('TRUNCATED', { field: 'system info', offset: d.length + 1 });
  const info = d[0]!;
  const out: SystemInfo = { uid: uidToString(d.subarray(1, 9), 'air') };
  let o = 9;
  const take = (field: string) => {
    if (o >= d.length) throw new RfidError('TRUNCATED', { field, offset: o + 1 });
    return d[o++]!;
  };
  if (info & 1) out.dsfid = take('dsfid');
  if (info & 2) out.afi = take('afi');
  if (info & 4) {
    out.blockCount = take('blocks') + 1;
    out.blockSize = (take('block size') & 0x1f) + 1;
  }
  if (info & 8) out.icReference = take('ic reference');
  return out;
}

export function systemInfoResponse(i: Required<SystemInfo>): Uint8Array {
  return concat([0x00, 0x0f], uidToBytes(i.uid, 'air'), [
    i.dsfid,
    i.afi,
    i.blockCount - 1,
    i.blockSize - 1,
    i.icReference,
  ]);
}
