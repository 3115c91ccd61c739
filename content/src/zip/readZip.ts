import { Inflate } from 'fflate';
import { TourFormatError } from '../errors/TourFormatError';
import type { PackageLimits } from '../package/limits';
import { resolveLimits } from '../package/limits';
import { crc32 } from './crc32';

/**
 * Hostile-first reader of a tour package `.zip` (PKWARE APPNOTE 6.3.x). Everything is decided from
 * the central directory before a byte is inflated: entry count, names, symlinks, declared sizes and
 * ratios; then each entry is inflated in chunks while its output is counted against what it declared.
 */

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

/** Entries smaller than this are not ratio-checked: a few KiB of text can legitimately compress > 100×. */
export const RATIO_CHECK_MIN_BYTES = 64 * 1024;
const INFLATE_CHUNK = 64 * 1024;

const SIG_EOCD = 0x06054b50; // APPNOTE 4.3.16 end of central directory record
const SIG_CENTRAL = 0x02014b50; // APPNOTE 4.3.12 central directory header
const SIG_LOCAL = 0x04034b50; // APPNOTE 4.3.7 local file header
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

interface CentralEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  isDirectory: boolean;
}

function corrupt(issue: string, offset?: number, file?: string): TourFormatError {
  return new TourFormatError('ZIP_CORRUPT', {
    issue,
    ...(offset !== undefined && { offset }),
    ...(file !== undefined && { file }),
  });
}

class Reader {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  u16(off: number): number {
    if (off < 0 || off + 2 > this.bytes.length) throw corrupt('truncated', off);
    return this.view.getUint16(off, true);
  }
  u32(off: number): number {
    if (off < 0 || off + 4 > this.bytes.length) throw corrupt('truncated', off);
    return this.view.getUint32(off, true);
  }
  slice(off: number, len: number): Uint8Array {
    if (off < 0 || len < 0 || off + len > this.bytes.length) throw corrupt('truncated', off);
    return this.bytes.subarray(off, off + len);
  }
}

function findEndOfCentralDirectory(r: Reader): number {
  const min = Math.max(0, r.bytes.length - 22 - 0xffff);
  for (let off = r.bytes.length - 22; off >= min; off--) {
    if (r.u32(off) === SIG_EOCD) return off;
  }
  throw corrupt('no end of central directory record');
}

/** Why a name is unsafe, or undefined. Names are checked as written, before any normalisation. */
export function unsafeZipName(name: string): string | undefined {
  if (name.includes('\\')) return 'backslash in name';
  if (name.includes('\0')) return 'NUL in name';
  if (name.startsWith('/')) return 'absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'drive letter';
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.some((s) => s === '..' || s === '.' || s === '')) return 'dot or empty path segment';
  return undefined;
}

const ASSET_NAME = /^assets\/[A-Za-z0-9._-]+$/;

function readCentralDirectory(r: Reader, limits: PackageLimits): CentralEntry[] {
  const eocd = findEndOfCentralDirectory(r);
  const total = r.u16(eocd + 10);
  const cdSize = r.u32(eocd + 12);
  const cdOffset = r.u32(eocd + 16);
  if (total === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
    throw corrupt('ZIP64 archives are not supported', eocd);
  }
  if (r.u16(eocd + 4) !== 0 || r.u16(eocd + 6) !== 0)
    throw corrupt('multi-disk archives are not supported', eocd);
  if (total > limits.maxZipEntries) {
    throw new TourFormatError('ZIP_TOO_MANY_ENTRIES', { limit: limits.maxZipEntries, actual: total });
  }
  const entries: CentralEntry[] = [];
  const names = new Set<string>();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let off = cdOffset;
  for (let i = 0; i < total; i++) {
    if (r.u32(off) !== SIG_CENTRAL) throw corrupt('bad central directory header', off);
    const madeBy = r.u16(off + 4);
    const flags = r.u16(off + 8);
    const method = r.u16(off + 10);
    const crc = r.u32(off + 16);
    const compressedSize = r.u32(off + 20);
    const size = r.u32(off + 24);
    const nameLen = r.u16(off + 28);
    const extraLen = r.u16(off + 30);
    const commentLen = r.u16(off + 32);
    const externalAttrs = r.u32(off + 38);
    const localOffset = r.u32(off + 42);
    let name: string;
    try {
      name = decoder.decode(r.slice(off + 46, nameLen));
    } catch {
      throw new TourFormatError('ZIP_PATH_UNSAFE', { offset: off + 46, issue: 'name is not UTF-8' });
    }
    const unsafe = unsafeZipName(name);
    if (unsafe) throw new TourFormatError('ZIP_PATH_UNSAFE', { file: name, issue: unsafe });
    // APPNOTE 4.4.2: the upper byte of "version made by" is the host; for Unix (3) and OS X (19) the
    // high 16 bits of the external attributes are st_mode. Anything but a file or folder is refused.
    const host = madeBy >> 8;
    const mode = (externalAttrs >>> 16) & S_IFMT;
    if ((host === 3 || host === 19) && mode !== 0 && mode !== S_IFREG && mode !== S_IFDIR) {
      throw new TourFormatError('ZIP_PATH_UNSAFE', {
        file: name,
        issue: mode === S_IFLNK ? 'symbolic link' : 'not a regular file',
      });
    }
    if (flags & 0x1) throw corrupt('encrypted entries are not supported', off, name);
    if (method !== 0 && method !== 8)
      throw corrupt(`compression method ${method} is not supported`, off, name);
    if (names.has(name)) throw corrupt('duplicate entry', off, name);
    names.add(name);
    const isDirectory = name.endsWith('/');
    if (
      isDirectory
        ? name !== 'assets/'
        : name !== 'manifest.json' && name !== 'manifest.sig' && !ASSET_NAME.test(name)
    ) {
      throw new TourFormatError('ASSET_UNEXPECTED', { file: name });
    }
    entries.push({ name, method, flags, crc, compressedSize, size, localOffset, isDirectory });
    off += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function checkDeclaredSizes(entries: CentralEntry[], limits: PackageLimits): void {
  let total = 0;
  for (const e of entries) {
    total += e.size;
    if (e.size > limits.maxAssetBytes) {
      throw new TourFormatError('ZIP_TOO_LARGE', {
        file: e.name,
        limit: limits.maxAssetBytes,
        actual: e.size,
      });
    }
    if (e.method === 0 && e.size !== e.compressedSize)
      throw corrupt('stored entry sizes differ', undefined, e.name);
    if (e.size >= RATIO_CHECK_MIN_BYTES && e.size / Math.max(1, e.compressedSize) > limits.maxZipRatio) {
      throw new TourFormatError('ZIP_RATIO', {
        file: e.name,
        limit: limits.maxZipRatio,
        actual: Math.round(e.size / Math.max(1, e.compressedSize)),
      });
    }
  }
  if (total > limits.maxPackageBytes) {
    throw new TourFormatError('ZIP_TOO_LARGE', { limit: limits.maxPackageBytes, actual: total });
  }
}

function inflateCounted(data: Uint8Array, e: CentralEntry): Uint8Array {
  const out = new Uint8Array(e.size);
  let written = 0;
  let overflow = false;
  const inflate = new Inflate((chunk) => {
    if (written + chunk.length > e.size) {
      overflow = true;
      return;
    }
    out.set(chunk, written);
    written += chunk.length;
  });
  try {
    for (let off = 0; off < data.length && !overflow; off += INFLATE_CHUNK) {
      const end = Math.min(data.length, off + INFLATE_CHUNK);
      inflate.push(data.subarray(off, end), end === data.length);
    }
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (cause) {
    throw new TourFormatError('ZIP_CORRUPT', { file: e.name, issue: 'bad deflate stream' }, { cause });
  }
  if (overflow) {
    // The entry lied about its size: treat it as a bomb whatever its ratio.
    throw new TourFormatError('ZIP_RATIO', {
      file: e.name,
      issue: 'inflates past its declared size',
      expected: e.size,
    });
  }
  if (written !== e.size) throw corrupt(`inflated ${written} bytes, declared ${e.size}`, undefined, e.name);
  return out;
}

/**
 * Reads and checks every entry of a package zip, in memory. Refuses with ZIP_* codes (or
 * ASSET_UNEXPECTED for a name that has no place in a package); does not check signatures.
 */
export function readPackageZip(bytes: Uint8Array, limits?: Partial<PackageLimits>): ZipEntry[] {
  const l = resolveLimits(limits);
  const r = new Reader(bytes);
  const entries = readCentralDirectory(r, l);
  checkDeclaredSizes(entries, l);
  const out: ZipEntry[] = [];
  for (const e of entries) {
    if (e.isDirectory) continue;
    const off = e.localOffset;
    if (r.u32(off) !== SIG_LOCAL) throw corrupt('bad local header', off, e.name);
    const nameLen = r.u16(off + 26);
    const extraLen = r.u16(off + 28);
    const localName = r.slice(off + 30, nameLen);
    if (new TextDecoder().decode(localName) !== e.name)
      throw corrupt('local name differs from directory', off, e.name);
    const data = r.slice(off + 30 + nameLen + extraLen, e.compressedSize);
    const content = e.method === 0 ? data.slice() : inflateCounted(data, e);
    if (crc32(content) !== e.crc) throw corrupt('CRC-32 mismatch', off, e.name);
    out.push({ name: e.name, bytes: content });
  }
  return out;
}
