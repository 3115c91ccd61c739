/**
 * ISO/IEC 15962 compaction schemes (§8 of ISO/IEC 15962:2013; codes in the
 * precursor, ISO 28560-2 §6.2). Each scheme is a pair of pure functions.
 */
import { RfidError } from '../errors';
import { isilCompact, isilExpand } from './isil';

export type Compaction =
  | 'application' // 0: application-defined; ISO 28560-2 uses it for ISIL compaction and the content parameter
  | 'integer' // 1
  | 'numeric' // 2
  | '5-bit' // 3
  | '6-bit' // 4
  | '7-bit' // 5
  | 'octet' // 6
  | 'utf-8'; // 7

export const COMPACTION_CODES: readonly Compaction[] = [
  'application',
  'integer',
  'numeric',
  '5-bit',
  '6-bit',
  '7-bit',
  'octet',
  'utf-8',
];

/** Integer compaction: a decimal string without leading zero as a big-endian unsigned integer. */
export function integerCompact(text: string): Uint8Array {
  if (!/^(0|[1-9][0-9]*)$/.test(text)) throw new RfidError('BAD_VALUE', { field: 'integer', actual: text });
  let n = BigInt(text);
  const out: number[] = [];
  do {
    out.unshift(Number(n & 0xffn));
    n >>= 8n;
  } while (n > 0n);
  return Uint8Array.from(out);
}

export function integerExpand(bytes: Uint8Array): string {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n.toString();
}

/** Numeric compaction: two digits per byte (BCD), an odd count padded with nibble 0xF. */
export function numericCompact(text: string): Uint8Array {
  if (!/^[0-9]+$/.test(text)) throw new RfidError('BAD_VALUE', { field: 'numeric', actual: text });
  const out = new Uint8Array(Math.ceil(text.length / 2));
  for (let i = 0; i < out.length; i++) {
    const hi = text.charCodeAt(2 * i) - 48;
    const lo = 2 * i + 1 < text.length ? text.charCodeAt(2 * i + 1) - 48 : 0xf;
    out[i] = (hi << 4) | lo;
  }
  return out;
}

export function numericExpand(bytes: Uint8Array, offset = 0): string {
  let s = '';
  bytes.forEach((b, i) => {
    for (const nib of [b >> 4, b & 0xf]) {
      if (nib <= 9) s += String(nib);
      else if (nib === 0xf && i === bytes.length - 1) break;
      else throw new RfidError('BAD_COMPACTION', { field: 'numeric', offset: offset + i });
    }
  });
  return s;
}

interface BitCode {
  bits: number;
  /** char code → symbol, or undefined when not representable */
  encode(c: number): number | undefined;
  decode(v: number): number;
  /** pad bits appended to reach a byte boundary: the leading bits of this symbol */
  pad: number;
}

const BIT_CODES: Record<'5-bit' | '6-bit' | '7-bit', BitCode> = {
  // 5-bit: 0x40–0x5F (@, A–Z, [\]^_); pad with zero bits.
  '5-bit': {
    bits: 5,
    encode: (c) => (c >= 0x40 && c <= 0x5f ? c & 0x1f : undefined),
    decode: (v) => 0x40 | v,
    pad: 0,
  },
  // 6-bit: 0x20–0x5F; pad with the leading bits of 0b100000 (space).
  '6-bit': {
    bits: 6,
    encode: (c) => (c >= 0x20 && c <= 0x5f ? c & 0x3f : undefined),
    decode: (v) => (v & 0x20 ? v : 0x40 | v),
    pad: 0b100000,
  },
  // 7-bit: ASCII 0x00–0x7F; pad with one bits.
  '7-bit': { bits: 7, encode: (c) => (c < 0x80 ? c : undefined), decode: (v) => v, pad: 0x7f },
};

export function canBitCompact(scheme: '5-bit' | '6-bit' | '7-bit', text: string): boolean {
  const code = BIT_CODES[scheme];
  for (let i = 0; i < text.length; i++) if (code.encode(text.charCodeAt(i)) === undefined) return false;
  // A last character equal to the pad symbol would be read back as padding.
  return text.length > 0 && bitExpand(scheme, bitCompact(scheme, text)) === text;
}

export function bitCompact(scheme: '5-bit' | '6-bit' | '7-bit', text: string): Uint8Array {
  const code = BIT_CODES[scheme];
  const out = new Uint8Array(Math.ceil((text.length * code.bits) / 8));
  let bit = 0;
  const put = (v: number, n: number) => {
    for (let k = n - 1; k >= 0; k--, bit++) if ((v >> k) & 1) out[bit >> 3]! |= 0x80 >> (bit & 7);
  };
  for (let i = 0; i < text.length; i++) {
    const v = code.encode(text.charCodeAt(i));
    if (v === undefined) throw new RfidError('BAD_VALUE', { field: scheme, offset: i });
    put(v, code.bits);
  }
  const padBits = out.length * 8 - bit;
  put(code.pad >> (code.bits - padBits), padBits);
  return out;
}

export function bitExpand(scheme: '5-bit' | '6-bit' | '7-bit', bytes: Uint8Array): string {
  const code = BIT_CODES[scheme];
  const total = bytes.length * 8;
  const count = Math.floor(total / code.bits);
  let s = '';
  for (let i = 0; i < count; i++) {
    let v = 0;
    for (let k = 0; k < code.bits; k++) {
      const bit = i * code.bits + k;
      v = (v << 1) | ((bytes[bit >> 3]! >> (7 - (bit & 7))) & 1);
    }
    // A whole pad symbol inside the last byte's padding is not a character.
    if (i === count - 1 && v === code.pad && Math.ceil(((count - 1) * code.bits) / 8) === bytes.length) break;
    s += String.fromCharCode(code.decode(v));
  }
  return s;
}

const utf8 = new TextEncoder();
const utf8d = new TextDecoder('utf-8', { fatal: true });

export function compact(scheme: Compaction, text: string): Uint8Array {
  switch (scheme) {
    case 'integer':
      return integerCompact(text);
    case 'numeric':
      return numericCompact(text);
    case '5-bit':
    case '6-bit':
    case '7-bit':
      if (!canBitCompact(scheme, text)) throw new RfidError('BAD_VALUE', { field: scheme, actual: text });
      return bitCompact(scheme, text);
    case 'octet': {
      if (!/^([0-9a-fA-F]{2})*$/.test(text))
        throw new RfidError('BAD_VALUE', { field: 'octet', actual: text });
      return Uint8Array.from(text.match(/../g) ?? [], (h) => parseInt(h, 16));
    }
    case 'utf-8':
      return utf8.encode(text);
    case 'application':
      return isilCompact(text);
  }
}

export function expand(scheme: Compaction, bytes: Uint8Array, offset = 0): string {
  switch (scheme) {
    case 'integer':
      return integerExpand(bytes);
    case 'numeric':
      return numericExpand(bytes, offset);
    case '5-bit':
    case '6-bit':
    case '7-bit':
      return bitExpand(scheme, bytes);
    case 'octet':
      return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    case 'utf-8':
      try {
        return utf8d.decode(bytes);
      } catch (e) {
        throw new RfidError('BAD_COMPACTION', { field: 'utf-8', offset }, { cause: e });
      }
    case 'application':
      return isilExpand(bytes, offset);
  }
}

/** The most compact scheme for a text, in the order ISO/IEC 15962 §8 suggests. */
export function chooseCompaction(text: string, oid: number): Compaction {
  if (/^[1-9][0-9]{0,37}$/.test(text)) return 'integer';
  if (/^[0-9]+$/.test(text)) return 'numeric';
  if ((oid === 3 || oid === 23) && /^[A-Za-z0-9:/-]+$/.test(text)) return 'application';
  if (canBitCompact('5-bit', text)) return '5-bit';
  if (canBitCompact('6-bit', text)) return '6-bit';
  if (canBitCompact('7-bit', text)) return '7-bit';
  return 'utf-8';
}
