/**
 * ISO 28560-3 fixed-length encoding (the "Danish data model").
 *
 * Basic block, 34 bytes (ISO 28560-3 §5, Table 1):
 *   0      version (high nibble) | type of usage (low nibble)
 *   1      number of parts in item
 *   2      ordinal part number
 *   3–18   primary item identifier, ASCII, NUL padded (16 bytes)
 *   19–20  CRC-16/CCITT-FALSE over bytes 0–18 and 21–33, stored LSB first
 *   21–22  owner library: ISIL country prefix (2 chars)
 *   23–33  owner library: ISIL library part (11 chars, NUL padded)
 * The 32-byte truncated form (8 blocks of 4 bytes, the original Danish model)
 * stops after byte 31; its CRC is computed as if bytes 32–33 were zero.
 *
 * Optional extension blocks follow the basic block from byte 34:
 *   [length n (bytes incl. this header)] [block id LSB] [block id MSB] [XOR checksum] [data n-4]
 * A length byte of 0 ends the list. The checksum makes the XOR of all n bytes
 * of the block equal 0. Block id 1 carries the remainder of a primary item
 * identifier longer than 16 characters. (The exact header order of extension
 * blocks could not be confirmed from a public copy of the standard; the
 * encoder and decoder here agree with each other and with the simulator.)
 */
import { RfidError } from '../errors';
import { crc16CcittFalse } from '../crc';
import { reverseBlocks } from '../bytes';

export const PART3_LENGTH = 34;
export const PART3_TRUNCATED_LENGTH = 32;
export const EXTENSION_PII = 0x0001;

/** Type of usage, ISO 28560-3 §5.2 / Danish data model (low nibble of byte 0); 3–6 are local or reserved. */
export const TYPE_OF_USAGE: Readonly<Record<number, string>> = {
  0: 'acquisition',
  1: 'circulating',
  2: 'non-circulating',
  3: 'local-3',
  4: 'local-4',
  7: 'discarded',
  8: 'patron-card',
  9: 'equipment',
};

export interface ExtensionBlock {
  id: number;
  data: Uint8Array;
}

export interface Part3Data {
  /** Data model version, 1 for ISO 28560-3 / Danish model v1. */
  version: number;
  typeOfUsage: number;
  partsInItem: number;
  partNumber: number;
  primaryItemId: string;
  /** ISIL country prefix, e.g. "DE", "FR". */
  country: string;
  /** ISIL library part, e.g. "705". */
  library: string;
  extensions?: ExtensionBlock[];
}

export interface Part3Record extends Part3Data {
  model: 'iso28560-3';
  /** "DE-705": prefix and library joined with the ISIL hyphen. */
  ownerIsil: string;
  /** Whether the tag stored each 4-byte block reversed (some vendors do). */
  blockOrder: 'normal' | 'reversed';
  truncated: boolean;
  extensions: ExtensionBlock[];
}

const ascii = new TextDecoder('latin1');

function readText(bytes: Uint8Array, from: number, to: number): string {
  const slice = bytes.subarray(from, to);
  const nul = slice.indexOf(0);
  return ascii.decode(nul >= 0 ? slice.subarray(0, nul) : slice);
}

function crcOf(basic: Uint8Array): number {
  const buf = new Uint8Array(32);
  buf.set(basic.subarray(0, 19), 0);
  buf.set(basic.subarray(21, 34), 19);
  return crc16CcittFalse(buf);
}

/** Pad a 32-byte truncated form to 34 bytes (zeros), leaving longer input as is. */
function basicBlock(bytes: Uint8Array): Uint8Array {
  const b = new Uint8Array(PART3_LENGTH);
  b.set(bytes.subarray(0, PART3_LENGTH));
  return b;
}

function storedCrc(b: Uint8Array): number {
  return b[19]! | (b[20]! << 8);
}

/** True if the bytes hold a basic block whose CRC holds, in either block order. */
export function looksLikePart3(bytes: Uint8Array): boolean {
  if (bytes.length < PART3_TRUNCATED_LENGTH) return false;
  for (const cand of [bytes, reverseBlocks(bytes)]) {
    const b = basicBlock(cand);
    if (b[0]! >> 4 !== 0 && crcOf(b) === storedCrc(b)) return true;
  }
  return false;
}

/** Decode ISO 28560-3; tries the stored order, then per-block reversed, and keeps the one whose CRC holds. */
export function decodePart3(bytes: Uint8Array): Part3Record {
  if (bytes.length < PART3_TRUNCATED_LENGTH) {
    throw new RfidError('TRUNCATED', {
      field: 'basic block',
      offset: bytes.length,
      expected: PART3_TRUNCATED_LENGTH,
    });
  }
  const normal = basicBlock(bytes);
  let order: 'normal' | 'reversed' = 'normal';
  let data = bytes;
  if (crcOf(normal) !== storedCrc(normal)) {
    const reversed = reverseBlocks(bytes);
    const rb = basicBlock(reversed);
    if (crcOf(rb) !== storedCrc(rb)) {
      throw new RfidError('CRC_MISMATCH', {
        field: 'crc',
        offset: 19,
        expected: crcOf(normal),
        actual: storedCrc(normal),
      });
    }
    order = 'reversed';
    data = reversed;
  }
  const b = basicBlock(data);
  const truncated = bytes.length < PART3_LENGTH;
  const extensions = truncated ? [] : decodeExtensions(data, PART3_LENGTH);
  let primaryItemId = readText(b, 3, 19);
  const piiExt = extensions.find((e) => e.id === EXTENSION_PII);
  if (piiExt) primaryItemId += readText(piiExt.data, 0, piiExt.data.length);
  const country = readText(b, 21, 23);
  const library = readText(b, 23, 34);
  return {
    model: 'iso28560-3',
    version: b[0]! >> 4,
    typeOfUsage: b[0]! & 0x0f,
    partsInItem: b[1]!,
    partNumber: b[2]!,
    primaryItemId,
    country,
    library,
    ownerIsil: country && library ? `${country}-${library}` : country + library,
    blockOrder: order,
    truncated,
    extensions: extensions.filter((e) => e.id !== EXTENSION_PII),
  };
}

function decodeExtensions(bytes: Uint8Array, start: number): ExtensionBlock[] {
  const out: ExtensionBlock[] = [];
  let o = start;
  while (o < bytes.length) {
    const len = bytes[o]!;
    if (len === 0) break;
    if (len < 4) throw new RfidError('BAD_LENGTH', { field: 'extension block', offset: o, actual: len });
    if (o + len > bytes.length) {
      throw new RfidError('TRUNCATED', { field: 'extension block', offset: o, expected: len });
    }
    let x = 0;
    for (let i = o; i < o + len; i++) x ^= bytes[i]!;
    if (x !== 0) throw new RfidError('BAD_CHECKSUM', { field: 'extension block', offset: o + 3 });
    out.push({ id: bytes[o + 1]! | (bytes[o + 2]! << 8), data: bytes.slice(o + 4, o + len) });
    o += len;
  }
  return out;
}

function writeText(target: Uint8Array, text: string, from: number, size: number, field: string): void {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff || c === 0) throw new RfidError('BAD_VALUE', { field, offset: from + i });
  }
  if (text.length > size) throw new RfidError('BAD_LENGTH', { field, expected: size, actual: text.length });
  for (let i = 0; i < text.length; i++) target[from + i] = text.charCodeAt(i);
}

export interface Part3EncodeOptions {
  /** Write the 32-byte truncated form (library part ≤ 9 chars, no extensions). */
  truncated?: boolean;
  /** Store each 4-byte block reversed, as some vendors do. */
  blockOrder?: 'normal' | 'reversed';
}

/** Encode ISO 28560-3; the result's length is a multiple of 4 (whole blocks). */
export function encodePart3(data: Part3Data, options: Part3EncodeOptions = {}): Uint8Array {
  const check = (v: number, field: string, max: number) => {
    if (!Number.isInteger(v) || v < 0 || v > max) throw new RfidError('BAD_VALUE', { field, actual: v });
  };
  check(data.version, 'version', 15);
  check(data.typeOfUsage, 'typeOfUsage', 15);
  check(data.partsInItem, 'partsInItem', 255);
  check(data.partNumber, 'partNumber', 255);
  const b = new Uint8Array(PART3_LENGTH);
  b[0] = (data.version << 4) | data.typeOfUsage;
  b[1] = data.partsInItem;
  b[2] = data.partNumber;
  const head = data.primaryItemId.slice(0, 16);
  const tail = data.primaryItemId.slice(16);
  writeText(b, head, 3, 16, 'primaryItemId');
  writeText(b, data.country, 21, 2, 'country');
  writeText(b, data.library, 23, options.truncated ? 9 : 11, 'library');
  const crc = crcOf(b);
  b[19] = crc & 0xff;
  b[20] = crc >> 8;
  const exts: ExtensionBlock[] = [...(data.extensions ?? [])];
  if (tail) {
    const t = new Uint8Array(tail.length);
    writeText(t, tail, 0, tail.length, 'primaryItemId');
    exts.unshift({ id: EXTENSION_PII, data: t });
  }
  if (options.truncated && exts.length) {
    throw new RfidError('BAD_LENGTH', { field: 'truncated form has no room for extensions' });
  }
  let out: Uint8Array = options.truncated ? b.slice(0, PART3_TRUNCATED_LENGTH) : b;
  if (exts.length) out = appendExtensions(b, exts);
  if (out.length % 4) {
    const padded = new Uint8Array(out.length + (4 - (out.length % 4)));
    padded.set(out);
    out = padded;
  }
  return options.blockOrder === 'reversed' ? reverseBlocks(out) : out;
}

function appendExtensions(basic: Uint8Array, exts: ExtensionBlock[]): Uint8Array {
  const size = exts.reduce((n, e) => n + 4 + e.data.length, 0) + 1;
  const out = new Uint8Array(basic.length + size);
  out.set(basic);
  let o = basic.length;
  for (const e of exts) {
    const len = 4 + e.data.length;
    if (len > 255) throw new RfidError('BAD_LENGTH', { field: 'extension block', actual: len });
    out[o] = len;
    out[o + 1] = e.id & 0xff;
    out[o + 2] = e.id >> 8;
    out.set(e.data, o + 4);
    let x = 0;
    for (let i = o; i < o + len; i++) x ^= out[i]!;
    out[o + 3] = x;
    o += len;
  }
  return out; // final byte stays 0: end of extension list
}
