/**
 * RRHFOEM04-style USB HID reader protocol: 64-byte reports; a frame starts
 * at a report boundary and may span several reports; the rest of its last
 * report is zero fill.
 *
 *   request  LEN | CMD MSB | CMD LSB | data… | CRC MSB | CRC LSB
 *   answer   LEN | STATUS MSB | STATUS LSB | data… | CRC MSB | CRC LSB
 *   LEN counts the bytes after itself; CRC-16/GENIBUS over the bytes between LEN and the CRC.
 *
 * The report layout, CRC and the USB ids (1781:0C10) follow the public
 * description of the RRHFOEM04; its vendor command table is not public in
 * full, so this family uses two commands, both answered by the simulator:
 *   0x1001  16-slot ISO 15693 inventory; data [AFI flag, AFI] → n, (DSFID, UID air order)×n
 *   0x1000  transparent ISO 15693: data = request PDU (no CRC) → the tag's response PDU
 * Status 0x0000 ok, 0x0001 no answer from a tag, 0x0002 air CRC error, 0x00FF unknown command.
 */
import { RfidError } from '../../errors';
import { crc16Genibus } from '../../crc';
import { concat } from '../../bytes';
import { BufferedSplitter } from '../splitter';

export const REPORT_SIZE = 64;
export const HID_CMD = { TRANSPARENT: 0x1000, INVENTORY: 0x1001 } as const;
export const HID_STATUS = { OK: 0x0000, NO_ANSWER: 0x0001, AIR_CRC: 0x0002, UNKNOWN: 0x00ff } as const;

export interface HidFrame {
  /** Command (requests) or status (answers). */
  code: number;
  data: Uint8Array;
}

export function encodeFrame(f: HidFrame): Uint8Array {
  const body = concat([f.code >> 8, f.code & 0xff], f.data);
  const len = body.length + 2;
  if (len > 0xff) throw new RfidError('BAD_LENGTH', { field: 'hid frame', actual: len });
  const crc = crc16Genibus(body);
  const frame = concat([len], body, [crc >> 8, crc & 0xff]);
  const padded = new Uint8Array(Math.ceil(frame.length / REPORT_SIZE) * REPORT_SIZE);
  padded.set(frame);
  return padded;
}

export function decodeFrame(bytes: Uint8Array): HidFrame {
  const len = bytes[0];
  if (len === undefined || len < 4)
    throw new RfidError('BAD_LENGTH', { field: 'hid frame', offset: 0, actual: len });
  if (bytes.length < 1 + len) throw new RfidError('TRUNCATED', { field: 'hid frame', offset: bytes.length });
  const body = bytes.subarray(1, 1 + len - 2);
  const crc = crc16Genibus(body);
  if (bytes[len - 1] !== crc >> 8 || bytes[len] !== (crc & 0xff)) {
    throw new RfidError('CRC_MISMATCH', { field: 'hid frame', offset: len - 1 });
  }
  return { code: (body[0]! << 8) | body[1]!, data: body.slice(2) };
}

export class SplitterHid extends BufferedSplitter {
  protected next(): { frame: Uint8Array } | { error: RfidError } | undefined {
    const b = this.buf;
    if (b.length === 0) return undefined;
    const len = b[0]!;
    if (len < 4) {
      this.consume(Math.min(REPORT_SIZE, b.length)); // zero fill or junk: drop the report
      return len === 0
        ? this.next()
        : { error: new RfidError('BAD_FRAME', { field: 'length', offset: 0, actual: len }) };
    }
    const reports = Math.ceil((1 + len) / REPORT_SIZE) * REPORT_SIZE;
    if (b.length < reports) return undefined;
    const chunk = this.consume(reports);
    try {
      decodeFrame(chunk);
      return { frame: chunk.slice(0, 1 + len) };
    } catch (e) {
      return { error: e as RfidError };
    }
  }
}
