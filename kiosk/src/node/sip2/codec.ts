import { assertCharset, decodeText, encodeText, type SipCharset } from './charset';
import { checksumOfBytes } from './checksum';
import {
  PATRON_STATUS_FLAGS,
  SUMMARY_ITEMS,
  type ExtraField,
  type FixedSpec,
  type PatronStatusFlags,
  type SummaryItems,
  type VarSpec,
} from './fields';
import { SPEC_BY_ID, SPEC_BY_TYPE, type AnySpec, type SipMessage } from './messages';
import { SipError } from './SipError';
import { formatTimestamp, parseTimestamp, type SipTimestamp } from './timestamp';

export interface SipCodecOptions {
  /** Default `utf-8`. Checksums are computed over the bytes in this set. */
  charset?: SipCharset;
  /** Default `cr` (SIP2 §2.00); some systems want `crlf`. Decoding accepts either. */
  terminator?: 'cr' | 'crlf';
  /** Append `AY<seq>AZ<checksum>` (SIP2 §2.00 error detection). Default true. */
  errorDetection?: boolean;
  /**
   * SIP2 has no escape for `|` inside a value. `replace` (default) writes U+00A6 `¦`,
   * which exists in UTF-8, Latin-1 and code page 850 and reads the same to a person;
   * `reject` throws `FIELD_CONTAINS_DELIMITER`. CR and LF in values are treated alike.
   */
  delimiterInValue?: 'replace' | 'reject';
}

export interface DecodedFrame {
  message: SipMessage;
  /** `AY` digit, or null when the message carries none. */
  sequence: number | null;
  /** `AZ` value as received, or null when the message carries none. */
  checksum: string | null;
  /** Whether `AZ` matches the bytes; null when there is no `AZ`. */
  checksumValid: boolean | null;
  /** The message text without its terminator. */
  text: string;
}

const DELIMITER_REPLACEMENT = '\u00a6';

function fixedWidth(f: FixedSpec): number {
  switch (f.kind) {
    case 'flag':
    case 'tristate':
    case 'char':
      return 1;
    case 'int':
    case 'text':
      return f.width;
    case 'timestamp':
    case 'optionalTimestamp':
      return 18;
    case 'patronStatus':
      return 14;
    case 'summary':
      return 10;
  }
}

// ---------------------------------------------------------------- build

function badFixed(spec: AnySpec, f: FixedSpec, value: unknown): SipError {
  return new SipError('BAD_FIXED_FIELD', `${spec.type}.${f.name}: cannot write ${JSON.stringify(value)}`, {
    field: f.name,
    messageId: spec.id,
  });
}

function writeFixed(spec: AnySpec, f: FixedSpec, value: unknown): string {
  switch (f.kind) {
    case 'flag':
      if (typeof value !== 'boolean') throw badFixed(spec, f, value);
      return value ? 'Y' : 'N';
    case 'tristate':
      if (value === null) return 'U';
      if (typeof value !== 'boolean') throw badFixed(spec, f, value);
      return value ? 'Y' : 'N';
    case 'char':
      if (typeof value !== 'string' || value.length !== 1 || !f.values.includes(value))
        throw badFixed(spec, f, value);
      return value;
    case 'int': {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw badFixed(spec, f, value);
      const s = String(value).padStart(f.width, '0');
      if (s.length !== f.width) throw badFixed(spec, f, value);
      return s;
    }
    case 'text':
      if (typeof value !== 'string' || value.length !== f.width) throw badFixed(spec, f, value);
      return value;
    case 'timestamp':
      if (value === null || typeof value !== 'object') throw badFixed(spec, f, value);
      return formatTimestamp(value as SipTimestamp);
    case 'optionalTimestamp':
      if (value === null) return ' '.repeat(18);
      if (typeof value !== 'object') throw badFixed(spec, f, value);
      return formatTimestamp(value as SipTimestamp);
    case 'patronStatus': {
      if (value === null || typeof value !== 'object') throw badFixed(spec, f, value);
      const flags = value as PatronStatusFlags;
      return PATRON_STATUS_FLAGS.map((k) => (flags[k] ? 'Y' : ' ')).join('');
    }
    case 'summary': {
      const s = value as SummaryItems;
      const at = s === null ? -1 : SUMMARY_ITEMS.indexOf(s);
      if (s !== null && at < 0) throw badFixed(spec, f, value);
      return Array.from({ length: 10 }, (_, i) => (i === at ? 'Y' : ' ')).join('');
    }
  }
}

function cleanValue(value: string, field: string, opts: SipCodecOptions): string {
  if (!/[|\r\n]/.test(value)) return value;
  if (opts.delimiterInValue === 'reject') {
    throw new SipError('FIELD_CONTAINS_DELIMITER', `${field} contains | or a line break`, { field });
  }
  return value.replace(/\|/g, DELIMITER_REPLACEMENT).replace(/[\r\n]/g, ' ');
}

function badWrite(spec: AnySpec, v: VarSpec, value: unknown): SipError {
  return new SipError('BAD_FIELD', `${spec.type}.${v.name}: cannot write ${JSON.stringify(value)}`, {
    field: v.name,
    messageId: spec.id,
  });
}

function writeVar(spec: AnySpec, v: VarSpec, value: unknown, opts: SipCodecOptions): string {
  switch (v.kind) {
    case 'string':
      if (typeof value !== 'string') throw badWrite(spec, v, value);
      return `${v.code}${cleanValue(value, v.name, opts)}|`;
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw badWrite(spec, v, value);
      return `${v.code}${String(value).padStart(v.width ?? 0, '0')}|`;
    case 'flag':
      if (typeof value !== 'boolean') throw badWrite(spec, v, value);
      return `${v.code}${value ? 'Y' : 'N'}|`;
    case 'list': {
      if (!Array.isArray(value)) throw badWrite(spec, v, value);
      let out = '';
      for (const item of value as unknown[]) {
        if (typeof item !== 'string') throw badWrite(spec, v, value);
        out += `${v.code}${cleanValue(item, v.name, opts)}|`;
      }
      return out;
    }
  }
}

/** The message text: identifier, fixed fields, variable fields; no trailer, no terminator. */
export function buildMessageText(message: SipMessage, opts: SipCodecOptions = {}): string {
  const spec = SPEC_BY_TYPE.get(message.type);
  if (!spec) throw new SipError('UNKNOWN_MESSAGE', `unknown message type ${String(message.type)}`);
  const record = message as unknown as Record<string, unknown>;
  let text = spec.id;
  for (const f of spec.fixed) text += writeFixed(spec, f, record[f.name]);
  for (const v of spec.fields) {
    const value = record[v.name];
    if (value === undefined) {
      if (v.required) {
        throw new SipError('MISSING_FIELD', `${spec.type} requires ${v.name} (${v.code})`, {
          field: v.name,
          messageId: spec.id,
        });
      }
      continue;
    }
    text += writeVar(spec, v, value, opts);
  }
  for (const x of message.extra ?? []) text += `${x.code}${cleanValue(x.value, x.code, opts)}|`;
  return text;
}

/**
 * Bytes on the wire: text, then `AY<seq>AZ<checksum>` when error detection is on
 * (96 and 97 carry `AZ` only, as in the standard's examples), then the terminator.
 */
export function encodeMessage(
  message: SipMessage,
  opts: SipCodecOptions & { sequence?: number } = {},
): Buffer {
  const charset = opts.charset ?? 'utf-8';
  assertCharset(charset);
  let text = buildMessageText(message, opts);
  const terminator = opts.terminator === 'crlf' ? '\r\n' : '\r';
  if (opts.errorDetection === false) return encodeText(text + terminator, charset);
  const noSequence = message.type === 'requestAcsResend' || message.type === 'requestScResend';
  if (!noSequence) text += `AY${(opts.sequence ?? 0) % 10}`;
  text += 'AZ';
  const head = encodeText(text, charset);
  const trailer = Buffer.from(checksumOfBytes(head) + terminator, 'latin1');
  return Buffer.concat([head, trailer]);
}

/** The 4 hex digits for a message given up to and including `AZ` (or without it: `AZ` is implied). */
export function checksum(textUpToAz: string, charset: SipCharset = 'utf-8'): string {
  assertCharset(charset);
  const text = textUpToAz.endsWith('AZ') ? textUpToAz : `${textUpToAz}AZ`;
  return checksumOfBytes(encodeText(text, charset));
}

// ---------------------------------------------------------------- parse

// Errors are built by top-level functions: closures created per call cost more than the parse
// itself under tsx, which wraps every function expression to keep its name.
function badFixedRead(spec: AnySpec, f: FixedSpec, raw: string, column: number, why: string): SipError {
  return new SipError('BAD_FIXED_FIELD', `${spec.type}.${f.name} ${JSON.stringify(raw)}: ${why}`, {
    column,
    field: f.name,
    messageId: spec.id,
  });
}

function readFixed(spec: AnySpec, f: FixedSpec, raw: string, column: number): unknown {
  switch (f.kind) {
    case 'flag':
      if (raw === 'Y') return true;
      if (raw === 'N') return false;
      throw badFixedRead(spec, f, raw, column, 'expected Y or N');
    case 'tristate':
      if (raw === 'Y') return true;
      if (raw === 'N') return false;
      if (raw === 'U') return null;
      throw badFixedRead(spec, f, raw, column, 'expected Y, N or U');
    case 'char':
      if (!f.values.includes(raw)) throw badFixedRead(spec, f, raw, column, `expected one of ${f.values}`);
      return raw;
    case 'int':
      // Zero-padded per the standard; blank-padded as in the 3M guide's own SC Status example.
      if (!/^ *\d+$/.test(raw)) throw badFixedRead(spec, f, raw, column, 'expected digits');
      return Number(raw);
    case 'text':
      return raw;
    case 'timestamp':
      return parseTimestamp(raw, column, f.name);
    case 'optionalTimestamp':
      return raw.trim() === '' ? null : parseTimestamp(raw, column, f.name);
    case 'patronStatus': {
      if (!/^[Y ]{14}$/.test(raw)) throw badFixedRead(spec, f, raw, column, 'expected 14 Y or blank');
      return Object.fromEntries(PATRON_STATUS_FLAGS.map((k, i) => [k, raw[i] === 'Y']));
    }
    case 'summary': {
      if (!/^[Y ]{10}$/.test(raw)) throw badFixedRead(spec, f, raw, column, 'expected 10 Y or blank');
      const at = raw.indexOf('Y');
      if (at !== raw.lastIndexOf('Y')) throw badFixedRead(spec, f, raw, column, 'at most one Y');
      if (at < 0) return null;
      if (at >= SUMMARY_ITEMS.length) throw badFixedRead(spec, f, raw, column, 'Y in an undefined position');
      return SUMMARY_ITEMS[at];
    }
  }
}

function badVarRead(spec: AnySpec, v: VarSpec, raw: string, column: number, why: string): SipError {
  return new SipError('BAD_FIELD', `${spec.type}.${v.name} ${JSON.stringify(raw)}: ${why}`, {
    column,
    field: v.name,
    messageId: spec.id,
  });
}

function readVar(spec: AnySpec, v: VarSpec, raw: string, column: number): unknown {
  switch (v.kind) {
    case 'string':
    case 'list':
      return raw;
    case 'int':
      if (!/^ *\d+ *$/.test(raw)) throw badVarRead(spec, v, raw, column, 'expected digits');
      return Number(raw.trim());
    case 'flag':
      if (raw === 'Y') return true;
      if (raw === 'N') return false;
      throw badVarRead(spec, v, raw, column, 'expected Y or N');
  }
}

// `AZ` + 4 characters at the very end (no `|` among them), optionally preceded by `AY` + 1 character.
const TRAILER = /(?:AY([^|]))?AZ([^|]{4})$/;

/** Parse message text (no terminator). Checksum is verified over `text` encoded in `charset`. */
export function parseMessage(text: string, opts: SipCodecOptions = {}): DecodedFrame {
  const charset = opts.charset ?? 'utf-8';
  assertCharset(charset);
  const stripped = text.replace(/[\r\n]+$/, '');
  return parseStripped(stripped, null, charset);
}

/** Decode one frame of bytes (terminator optional). Checksum is verified over the raw bytes. */
export function decodeFrame(frame: Uint8Array, opts: SipCodecOptions = {}): DecodedFrame {
  const charset = opts.charset ?? 'utf-8';
  assertCharset(charset);
  let end = frame.length;
  while (end > 0 && (frame[end - 1] === 0x0d || frame[end - 1] === 0x0a)) end--;
  const bytes = frame.subarray(0, end);
  return parseStripped(decodeText(bytes, charset), bytes, charset);
}

const FIXED_LENGTHS = new WeakMap<AnySpec, number>();
function fixedLengthOf(spec: AnySpec): number {
  let n = FIXED_LENGTHS.get(spec);
  if (n === undefined) {
    n = 0;
    for (const f of spec.fixed) n += fixedWidth(f);
    FIXED_LENGTHS.set(spec, n);
  }
  return n;
}

const CODE_MAPS = new WeakMap<AnySpec, ReadonlyMap<string, VarSpec>>();
function fieldsByCode(spec: AnySpec): ReadonlyMap<string, VarSpec> {
  let map = CODE_MAPS.get(spec);
  if (!map) {
    map = new Map(spec.fields.map((v) => [v.code, v]));
    CODE_MAPS.set(spec, map);
  }
  return map;
}

/** `bytes`: the frame as received, or null to encode `text` (only when there is a checksum to verify). */
function parseStripped(text: string, frameBytes: Uint8Array | null, charset: SipCharset): DecodedFrame {
  if (text.length < 2)
    throw new SipError('TOO_SHORT', 'a message has at least its 2-character identifier', { column: 1 });
  const id = text.slice(0, 2);
  const spec = SPEC_BY_ID.get(id);
  if (!spec)
    throw new SipError('UNKNOWN_MESSAGE', `unknown message identifier ${JSON.stringify(id)}`, {
      column: 1,
      messageId: id,
    });

  const fixedLength = fixedLengthOf(spec);
  let bodyEnd = text.length;
  let sequence: number | null = null;
  let received: string | null = null;
  let checksumValid: boolean | null = null;
  const trailer = TRAILER.exec(text);
  if (trailer && trailer.index >= 2 + fixedLength) {
    const azAt = text.length - 6;
    received = trailer[2] ?? '';
    if (!/^[0-9A-Fa-f]{4}$/.test(received)) {
      throw new SipError(
        'BAD_TRAILER',
        `checksum must be 4 hexadecimal digits, got ${JSON.stringify(received)}`,
        {
          column: azAt + 3,
          field: 'AZ',
          messageId: id,
        },
      );
    }
    if (trailer[1] !== undefined) {
      if (!/^\d$/.test(trailer[1])) {
        throw new SipError(
          'BAD_TRAILER',
          `sequence number must be one digit, got ${JSON.stringify(trailer[1])}`,
          {
            column: trailer.index + 3,
            field: 'AY',
            messageId: id,
          },
        );
      }
      sequence = Number(trailer[1]);
    }
    bodyEnd = trailer.index;
    const bytes = frameBytes ?? encodeText(text, charset);
    checksumValid = checksumOfBytes(bytes, bytes.length - 4) === received.toUpperCase();
  }

  if (bodyEnd < 2 + fixedLength) {
    throw new SipError('TOO_SHORT', `${spec.type} needs ${fixedLength} characters of fixed fields`, {
      column: bodyEnd + 1,
      messageId: id,
    });
  }
  const out: Record<string, unknown> = { type: spec.type };
  let pos = 2;
  for (const f of spec.fixed) {
    const w = fixedWidth(f);
    out[f.name] = readFixed(spec, f, text.slice(pos, pos + w), pos + 1);
    pos += w;
  }
  const byCode = fieldsByCode(spec);
  const extra: ExtraField[] = [];
  while (pos < bodyEnd) {
    const code = text.slice(pos, pos + 2);
    if (!/^[A-Za-z0-9]{2}$/.test(code)) {
      throw new SipError('BAD_FIELD', `expected a 2-character field code, got ${JSON.stringify(code)}`, {
        column: pos + 1,
        messageId: id,
      });
    }
    let stop = text.indexOf('|', pos + 2);
    // Some systems omit the last delimiter before the trailer.
    if (stop < 0 || stop > bodyEnd) stop = bodyEnd;
    const raw = text.slice(pos + 2, stop);
    const v = byCode.get(code);
    if (!v) extra.push({ code, value: raw });
    else if (v.kind === 'list') {
      const list = (out[v.name] as string[] | undefined) ?? [];
      list.push(raw);
      out[v.name] = list;
    } else if (out[v.name] !== undefined) extra.push({ code, value: raw });
    else out[v.name] = readVar(spec, v, raw, pos + 3);
    pos = stop + 1;
  }
  for (const v of spec.fields) {
    if (v.required && out[v.name] === undefined) {
      throw new SipError('MISSING_FIELD', `${spec.type} requires ${v.name} (${v.code})`, {
        column: bodyEnd + 1,
        field: v.name,
        messageId: id,
      });
    }
  }
  if (extra.length > 0) out.extra = extra;
  return { message: out as unknown as SipMessage, sequence, checksum: received, checksumValid, text };
}
