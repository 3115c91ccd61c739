/**
 * `decodeTag` finds which data model a tag's user memory holds and decodes
 * it; `encodeTag` writes one. Detection order: blank, ISO 28560-3 (a CRC that
 * holds is strong evidence), legacy 3M, ISO 28560-2. When nothing fits, the
 * error of the most plausible model is thrown, so a part-3 tag with a broken
 * CRC reports CRC_MISMATCH rather than "unknown".
 */
import { RfidError } from '../errors';
import {
  decodePart3,
  encodePart3,
  looksLikePart3,
  type Part3Data,
  type Part3EncodeOptions,
  type Part3Record,
} from './part3';
import {
  decodePart2,
  encodePart2,
  type Part2EncodeOptions,
  type Part2Input,
  type Part2Record,
} from './part2';
import {
  decodeLegacy3m,
  encodeLegacy3m,
  looksLikeLegacy3m,
  type Legacy3mData,
  type Legacy3mRecord,
} from './legacy3m';

export interface BlankRecord {
  model: 'blank';
  /** 'zero' (all 0x00), 'erased' (all 0xFF) or '3m-blank' (3M manufacturing pattern 0x55). */
  kind: 'zero' | 'erased' | '3m-blank';
}

export type TagRecord = Part3Record | Part2Record | Legacy3mRecord | BlankRecord;
export type TagModel = TagRecord['model'];

export function detectBlank(bytes: Uint8Array): BlankRecord | undefined {
  if (bytes.length === 0 || bytes.every((b) => b === 0)) return { model: 'blank', kind: 'zero' };
  if (bytes.every((b) => b === 0xff)) return { model: 'blank', kind: 'erased' };
  const n55 = bytes.findIndex((b) => b !== 0x55);
  if (n55 >= 20 && bytes.subarray(n55).every((b) => b === 0)) return { model: 'blank', kind: '3m-blank' };
  return undefined;
}

export interface DecodeOptions {
  /** Skip detection and decode as this model. */
  model?: Exclude<TagModel, 'blank'>;
}

export function decodeTag(bytes: Uint8Array, options: DecodeOptions = {}): TagRecord {
  switch (options.model) {
    case 'iso28560-3':
      return decodePart3(bytes);
    case 'iso28560-2':
      return decodePart2(bytes);
    case '3m-legacy':
      return decodeLegacy3m(bytes);
  }
  const blank = detectBlank(bytes);
  if (blank) return blank;
  if (looksLikePart3(bytes)) return decodePart3(bytes);
  if (looksLikeLegacy3m(bytes)) {
    try {
      return decodeLegacy3m(bytes);
    } catch {
      // fall through to the other models
    }
  }
  let part2Error: unknown;
  try {
    return decodePart2(bytes);
  } catch (e) {
    part2Error = e;
  }
  const version = (bytes[0] ?? 0) >> 4;
  if (bytes.length >= 32 && version >= 1 && version <= 2) return decodePart3(bytes); // throws CRC_MISMATCH
  if (part2Error instanceof RfidError && part2Error.code !== 'BAD_PRECURSOR') throw part2Error;
  throw new RfidError('UNKNOWN_FORMAT', { offset: 0, actual: bytes[0] }, { cause: part2Error });
}

export type EncodeRequest =
  | { model: 'iso28560-3'; data: Part3Data; options?: Part3EncodeOptions }
  | { model: 'iso28560-2'; data: Part2Input; options?: Part2EncodeOptions }
  | { model: '3m-legacy'; data: Legacy3mData };

export function encodeTag(req: EncodeRequest): Uint8Array {
  switch (req.model) {
    case 'iso28560-3':
      return encodePart3(req.data, req.options);
    case 'iso28560-2':
      return encodePart2(req.data, req.options);
    case '3m-legacy':
      return encodeLegacy3m(req.data);
  }
}

/** The item identifier of any decoded record, or undefined for a blank tag. */
export function itemIdOf(rec: TagRecord): string | undefined {
  return rec.model === 'blank' ? undefined : rec.primaryItemId;
}
