/**
 * ISO 28560-2: library data elements encoded by the rules of ISO/IEC 15962.
 *
 * Each data set (ISO/IEC 15962 §7.3, ISO 28560-2 §6):
 *   precursor  bit 7 offset flag | bits 6–4 compaction code | bits 3–0 relative OID (15 = extended)
 *   [OID]      relative OID − 15, present when the precursor's OID bits are 15
 *   [offset]   number of padding bytes after the data, present when the offset flag is set
 *   length     data length; ≥ 0x80 continues in the next byte (7 bits per byte, big-endian)
 *   data       compacted value
 *   [padding]  `offset` bytes of 0x00, used to end a data set on a block boundary (e.g. to lock it)
 * A precursor of 0x00 ends the data; the rest of the memory is zeros.
 * The first data set is the primary item identifier (relative OID 1).
 * The content parameter (OID 2) is a bit map, MSB first, of the OIDs 3… present.
 */
import { RfidError } from '../errors';
import { COMPACTION_CODES, chooseCompaction, compact, expand, type Compaction } from './compaction';

/** Relative OIDs of ISO 28560-1 Table 1 (urn:oid:1.0.15961.8.x). */
export const OID_NAMES: Readonly<Record<number, string>> = {
  1: 'primaryItemId',
  2: 'contentParameter',
  3: 'ownerIsil',
  4: 'setInformation',
  5: 'typeOfUsage',
  6: 'shelfLocation',
  7: 'onixMediaFormat',
  8: 'marcMediaFormat',
  9: 'supplierId',
  10: 'orderNumber',
  11: 'illBorrowingInstitution',
  12: 'illBorrowingTransaction',
  13: 'gs1ProductId',
  14: 'alternativeItemId',
  15: 'localDataA',
  16: 'localDataB',
  17: 'title',
  18: 'localProductId',
  19: 'mediaFormatOther',
  20: 'supplyChainStage',
  21: 'supplierInvoiceNumber',
  22: 'alternativeItemIdentifier',
  23: 'alternativeOwnerIsil',
  24: 'ownerSubsidiary',
  25: 'alternativeIllInstitution',
  26: 'localDataC',
};

export const OID_BY_NAME: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(OID_NAMES).map(([k, v]) => [v, Number(k)]),
);

export interface Part2Element {
  oid: number;
  /** Text value; octet-string data as lower-case hex; the content parameter as listed OIDs joined by ",". */
  value: string;
  compaction?: Compaction;
  /** Padding bytes after the data (the offset byte); undefined = no offset byte. */
  padding?: number;
}

export interface Part2Record {
  model: 'iso28560-2';
  primaryItemId: string;
  ownerIsil?: string;
  setInformation?: string;
  typeOfUsage?: string;
  shelfLocation?: string;
  /** OIDs the content parameter declares present, if there is one. */
  contentParameter?: number[];
  /** Every data set in tag order, enough to re-encode the same bytes. */
  elements: Part2Element[];
}

export function decodePart2(bytes: Uint8Array): Part2Record {
  const elements: Part2Element[] = [];
  const seen = new Set<number>();
  let o = 0;
  const need = (n: number, field: string) => {
    if (o + n > bytes.length) throw new RfidError('TRUNCATED', { field, offset: o, expected: n });
  };
  while (o < bytes.length) {
    const start = o;
    const pre = bytes[o++]!;
    if (pre === 0) {
      for (let i = o; i < bytes.length; i++) {
        if (bytes[i] !== 0) throw new RfidError('BAD_PRECURSOR', { field: 'after terminator', offset: i });
      }
      break;
    }
    const hasOffset = (pre & 0x80) !== 0;
    const compaction = COMPACTION_CODES[(pre >> 4) & 7]!;
    let oid = pre & 0x0f;
    if (oid === 15) {
      need(1, 'oid');
      oid = 15 + bytes[o++]!;
    }
    if (elements.length === 0 && oid !== 1) {
      throw new RfidError('BAD_PRECURSOR', {
        field: 'first element must be primaryItemId',
        offset: start,
        actual: oid,
      });
    }
    if (seen.has(oid))
      throw new RfidError('DUPLICATE_OID', { field: OID_NAMES[oid] ?? `oid${oid}`, offset: start });
    seen.add(oid);
    let padding: number | undefined;
    if (hasOffset) {
      need(1, 'offset');
      padding = bytes[o++]!;
    }
    need(1, 'length');
    let length = 0;
    for (let k = 0; ; k++) {
      need(1, 'length');
      const b = bytes[o++]!;
      length = (length << 7) | (b & 0x7f);
      if (!(b & 0x80)) break;
      if (k >= 2) throw new RfidError('BAD_LENGTH', { field: 'length', offset: o - 1 });
    }
    if (length === 0)
      throw new RfidError('BAD_LENGTH', { field: OID_NAMES[oid] ?? `oid${oid}`, offset: o - 1, actual: 0 });
    need(length, OID_NAMES[oid] ?? `oid${oid}`);
    const data = bytes.subarray(o, o + length);
    const dataOffset = o;
    o += length;
    if (padding) {
      need(padding, 'padding');
      for (let i = o; i < o + padding; i++) {
        if (bytes[i] !== 0) throw new RfidError('BAD_PRECURSOR', { field: 'padding', offset: i });
      }
      o += padding;
    }
    const value = oid === 2 ? bitmapToOids(data).join(',') : expand(compaction, data, dataOffset);
    elements.push({ oid, value, compaction, ...(padding !== undefined ? { padding } : {}) });
  }
  if (elements.length === 0) throw new RfidError('UNKNOWN_FORMAT', { field: 'no data sets', offset: 0 });
  return toRecord(elements);
}

function toRecord(elements: Part2Element[]): Part2Record {
  const get = (oid: number) => elements.find((e) => e.oid === oid)?.value;
  const rec: Part2Record = { model: 'iso28560-2', primaryItemId: get(1) ?? '', elements };
  const cp = get(2);
  if (cp !== undefined) rec.contentParameter = cp ? cp.split(',').map(Number) : [];
  const fields = { ownerIsil: 3, setInformation: 4, typeOfUsage: 5, shelfLocation: 6 } as const;
  for (const [k, oid] of Object.entries(fields) as [keyof typeof fields, number][]) {
    const v = get(oid);
    if (v !== undefined) rec[k] = v;
  }
  return rec;
}

/** Content parameter bit map (ISO 28560-2 §6.3): MSB of the first byte stands for OID 3. */
export function bitmapToOids(data: Uint8Array): number[] {
  const out: number[] = [];
  data.forEach((b, i) => {
    for (let k = 0; k < 8; k++) if (b & (0x80 >> k)) out.push(3 + i * 8 + k);
  });
  return out;
}

export function oidsToBitmap(oids: number[]): Uint8Array {
  const listed = oids.filter((o) => o >= 3);
  const max = Math.max(3, ...listed);
  const out = new Uint8Array(Math.floor((max - 3) / 8) + 1);
  for (const o of listed) out[(o - 3) >> 3]! |= 0x80 >> ((o - 3) & 7);
  return out;
}

export interface Part2EncodeOptions {
  /** Memory block size: the output is padded with a terminator and zeros to whole blocks. */
  blockSize?: number;
  /** Add a content parameter listing the other elements (when none is given). Default true. */
  contentParameter?: boolean;
}

export type Part2Input = Part2Element[] | Partial<Omit<Part2Record, 'model'>>;

function elementsOf(input: Part2Input, withContentParameter: boolean): Part2Element[] {
  if (Array.isArray(input)) return input;
  if (input.elements) return input.elements;
  const els: Part2Element[] = [];
  const add = (oid: number, v: string | undefined) => {
    if (v !== undefined && v !== '') els.push({ oid, value: v });
  };
  add(1, input.primaryItemId);
  add(3, input.ownerIsil);
  add(4, input.setInformation);
  add(5, input.typeOfUsage);
  add(6, input.shelfLocation);
  if (withContentParameter && els.length > 1) {
    els.splice(1, 0, {
      oid: 2,
      value: els
        .slice(1)
        .map((e) => e.oid)
        .join(','),
    });
  }
  return els;
}

export function encodePart2(input: Part2Input, options: Part2EncodeOptions = {}): Uint8Array {
  const elements = elementsOf(input, options.contentParameter ?? true);
  if (elements[0]?.oid !== 1) throw new RfidError('BAD_VALUE', { field: 'primaryItemId', offset: 0 });
  const out: number[] = [];
  const seen = new Set<number>();
  for (const el of elements) {
    if (!Number.isInteger(el.oid) || el.oid < 1 || el.oid > 15 + 255) {
      throw new RfidError('BAD_VALUE', { field: 'oid', actual: el.oid });
    }
    if (seen.has(el.oid))
      throw new RfidError('DUPLICATE_OID', { field: OID_NAMES[el.oid] ?? `oid${el.oid}` });
    seen.add(el.oid);
    let data: Uint8Array;
    let scheme: Compaction;
    if (el.oid === 2) {
      scheme = 'application';
      data = oidsToBitmap(el.value ? el.value.split(',').map(Number) : []);
    } else {
      scheme = el.compaction ?? chooseCompaction(el.value, el.oid);
      data = compact(scheme, el.value);
    }
    if (data.length === 0) throw new RfidError('BAD_VALUE', { field: OID_NAMES[el.oid] ?? `oid${el.oid}` });
    const code = COMPACTION_CODES.indexOf(scheme);
    const hasOffset = el.padding !== undefined;
    out.push((hasOffset ? 0x80 : 0) | (code << 4) | Math.min(el.oid, 15));
    if (el.oid >= 15) out.push(el.oid - 15);
    if (hasOffset) out.push(el.padding!);
    const len = data.length;
    if (len >= 0x4000) out.push(0x80 | (len >> 14), 0x80 | ((len >> 7) & 0x7f), len & 0x7f);
    else if (len >= 0x80) out.push(0x80 | (len >> 7), len & 0x7f);
    else out.push(len);
    out.push(...data);
    for (let i = 0; i < (el.padding ?? 0); i++) out.push(0);
  }
  const block = options.blockSize ?? 4;
  if (out.length % block) {
    out.push(0);
    while (out.length % block) out.push(0);
  }
  return Uint8Array.from(out);
}
