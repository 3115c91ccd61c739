/**
 * The legacy 3M alphanumeric format found on older library tags. 3M never
 * published it; this layout is the one documented by public reverse
 * engineering of tags written by 3M stations (7 blocks of 4 bytes):
 *   0      0x04 (format marker)
 *   1      set: high nibble = part number, low nibble = parts in item
 *   2      0x00
 *   3      item type (1 book, 2 magazine, 6 CD, …)
 *   4–19   item identifier, ASCII, NUL padded
 *   20–23  branch (high 12 bits) | library (low 20 bits), big-endian
 *   24–27  custom signed 32-bit integer, big-endian
 */
import { RfidError } from '../errors';

export interface Legacy3mData {
  partNumber: number;
  partsInItem: number;
  itemType: number;
  primaryItemId: string;
  branch: number;
  library: number;
  custom: number;
}

export interface Legacy3mRecord extends Legacy3mData {
  model: '3m-legacy';
}

export const LEGACY_3M_LENGTH = 28;

export function looksLikeLegacy3m(bytes: Uint8Array): boolean {
  return bytes.length >= 24 && bytes[0] === 0x04 && bytes[2] === 0x00;
}

export function decodeLegacy3m(bytes: Uint8Array): Legacy3mRecord {
  if (bytes.length < 24)
    throw new RfidError('TRUNCATED', { field: '3m-legacy', offset: bytes.length, expected: 24 });
  if (bytes[0] !== 0x04)
    throw new RfidError('UNKNOWN_FORMAT', { field: 'marker', offset: 0, actual: bytes[0] });
  const id = bytes.subarray(4, 20);
  const nul = id.indexOf(0);
  for (let i = 0; i < (nul < 0 ? 16 : nul); i++) {
    if (id[i]! < 0x20 || id[i]! > 0x7e)
      throw new RfidError('BAD_VALUE', { field: 'primaryItemId', offset: 4 + i });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const brLib = view.getUint32(20);
  return {
    model: '3m-legacy',
    partNumber: bytes[1]! >> 4,
    partsInItem: bytes[1]! & 0x0f,
    itemType: bytes[3]!,
    primaryItemId: String.fromCharCode(...(nul < 0 ? id : id.subarray(0, nul))),
    branch: brLib >>> 20,
    library: brLib & 0xfffff,
    custom: bytes.length >= 28 ? view.getInt32(24) : 0,
  };
}

export function encodeLegacy3m(d: Legacy3mData): Uint8Array {
  const out = new Uint8Array(LEGACY_3M_LENGTH);
  const view = new DataView(out.buffer);
  if (d.primaryItemId.length > 16 || /[^\x20-\x7e]/.test(d.primaryItemId)) {
    throw new RfidError('BAD_VALUE', { field: 'primaryItemId', actual: d.primaryItemId });
  }
  out[0] = 0x04;
  out[1] = ((d.partNumber & 0xf) << 4) | (d.partsInItem & 0xf);
  out[3] = d.itemType & 0xff;
  for (let i = 0; i < d.primaryItemId.length; i++) out[4 + i] = d.primaryItemId.charCodeAt(i);
  view.setUint32(20, (((d.branch & 0xfff) << 20) | (d.library & 0xfffff)) >>> 0);
  view.setInt32(24, d.custom | 0);
  return out;
}
