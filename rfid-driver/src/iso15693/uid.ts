/**
 * ISO 15693 UIDs are 64 bits: E0 | IC manufacturer | serial (ISO 15693-3 §4.1).
 * On the air they travel LSB first; people and most software write them MSB
 * first ("E004…"). Readers differ: 3M pads return air order, FEIG returns
 * MSB first. The driver's public form is 16 upper-case hex digits, MSB first.
 */
import { RfidError } from '../errors';

export type UidOrder = 'air' | 'msb-first';

export function uidToString(bytes: Uint8Array, order: UidOrder): string {
  if (bytes.length !== 8)
    throw new RfidError('BAD_LENGTH', { field: 'uid', expected: 8, actual: bytes.length });
  const msb = order === 'air' ? bytes.slice().reverse() : bytes;
  return Array.from(msb, (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

export function uidToBytes(uid: string, order: UidOrder): Uint8Array {
  const clean = normaliseUid(uid);
  const msb = Uint8Array.from(clean.match(/../g)!, (h) => parseInt(h, 16));
  return order === 'air' ? msb.reverse() : msb;
}

/** Accepts "e0:04:01:…", "E004 01…", or an air-order string prefixed "air:"; returns the public form. */
export function normaliseUid(uid: string): string {
  const air = uid.startsWith('air:');
  const hex = uid
    .replace(/^air:/, '')
    .replace(/[\s:-]/g, '')
    .toUpperCase();
  if (!/^[0-9A-F]{16}$/.test(hex)) throw new RfidError('BAD_VALUE', { field: 'uid', actual: uid });
  return air ? hex.match(/../g)!.reverse().join('') : hex;
}

/** The IC manufacturer code (ISO/IEC 7816-6), e.g. 0x04 for NXP, 0x07 for Texas Instruments. */
export function manufacturerOf(uid: string): number {
  return parseInt(normaliseUid(uid).slice(2, 4), 16);
}
