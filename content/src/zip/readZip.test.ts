import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { TourFormatError } from '../index';
import { crc32, readPackageZip, writePackageZip } from '../index';

function refusal(fn: () => unknown): TourFormatError {
  try {
    fn();
  } catch (err) {
    return err as TourFormatError;
  }
  throw new Error('expected a refusal');
}

const bytes = (s: string) => new TextEncoder().encode(s);
const S_IFLNK = 0o120000;

describe('crc32', () => {
  it('matches the check value of CRC-32/ISO-HDLC', () => {
    // "123456789" → 0xCBF43926 (the catalogue check value of this CRC).
    expect(crc32(bytes('123456789'))).toBe(0xcbf43926);
  });
});

describe('readPackageZip: hostile archives are refused before anything is inflated', () => {
  it('reads back what writePackageZip wrote (round trip)', () => {
    const entries = [
      { name: 'manifest.json', bytes: bytes('{"a":1}') },
      { name: 'manifest.sig', bytes: bytes('{}') },
      { name: 'assets/abc.webp', bytes: new Uint8Array([1, 2, 3, 4]) },
    ];
    const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : 1);
    expect(readPackageZip(writePackageZip(entries)).sort(byName)).toEqual([...entries].sort(byName));
  });

  it.each([
    ['../evil', 'dot or empty path segment'],
    ['assets/../../evil', 'dot or empty path segment'],
    ['/etc/passwd', 'absolute path'],
    ['C:\\x', 'backslash in name'],
    ['C:x', 'drive letter'],
    ['assets\\x.webp', 'backslash in name'],
  ])('refuses the entry name %j with ZIP_PATH_UNSAFE', (name, issue) => {
    const zip = zipSync({ [name]: bytes('x') });
    const err = refusal(() => readPackageZip(zip));
    expect(err.code).toBe('ZIP_PATH_UNSAFE');
    expect(err.details).toMatchObject({ file: name, issue });
  });

  it('refuses a symbolic link entry (Unix mode in the external attributes, APPNOTE 4.4.15)', () => {
    const zip = zipSync({
      'assets/link.webp': [bytes('/etc/passwd'), { os: 3, attrs: ((S_IFLNK | 0o777) << 16) >>> 0 }],
    });
    const err = refusal(() => readPackageZip(zip));
    expect(err.code).toBe('ZIP_PATH_UNSAFE');
    expect(err.details.issue).toBe('symbolic link');
  });

  it('refuses more than 10,000 entries with ZIP_TOO_MANY_ENTRIES from the directory count alone', () => {
    const tree: Record<string, Uint8Array> = {};
    for (let i = 0; i <= 10_000; i++) tree[`assets/${i}.webp`] = new Uint8Array(0);
    const err = refusal(() => readPackageZip(zipSync(tree, { level: 0 })));
    expect(err.code).toBe('ZIP_TOO_MANY_ENTRIES');
    expect(err.details).toMatchObject({ limit: 10_000, actual: 10_001 });
  });

  it('refuses a zip bomb (ratio > 100) with ZIP_RATIO from the declared sizes', () => {
    const zip = zipSync({ 'assets/bomb.webp': new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    expect(zip.length).toBeLessThan(64 * 1024);
    const err = refusal(() => readPackageZip(zip));
    expect(err.code).toBe('ZIP_RATIO');
    expect(err.details.file).toBe('assets/bomb.webp');
  });

  it('stops inflating an entry that lies about its size (counted while inflating)', () => {
    // 1 MiB of zeros, then the central directory is edited to declare 10 KiB, a believable ratio.
    const zip = zipSync({ 'assets/liar.webp': new Uint8Array(1024 * 1024) }, { level: 9 });
    const view = new DataView(zip.buffer);
    const cd = view.getUint32(zip.length - 22 + 16, true); // EOCD: offset of the central directory
    view.setUint32(cd + 24, 10 * 1024, true); // central header: uncompressed size
    const err = refusal(() => readPackageZip(zip));
    expect(err.code).toBe('ZIP_RATIO');
    expect(err.details.issue).toBe('inflates past its declared size');
  });

  it('refuses an archive that unpacks to more than the package limit with ZIP_TOO_LARGE', () => {
    const zip = zipSync(
      { 'assets/a.webp': new Uint8Array(3000), 'assets/b.webp': new Uint8Array(3000) },
      { level: 0 },
    );
    const err = refusal(() => readPackageZip(zip, { maxPackageBytes: 5000 }));
    expect(err.code).toBe('ZIP_TOO_LARGE');
  });

  it('refuses an entry that has no place in a package with ASSET_UNEXPECTED', () => {
    const err = refusal(() => readPackageZip(zipSync({ 'index.html': bytes('<script>') })));
    expect(err.code).toBe('ASSET_UNEXPECTED');
    expect(err.details.file).toBe('index.html');
  });

  it('refuses a damaged entry with ZIP_CORRUPT (CRC-32 mismatch)', () => {
    const zip = zipSync({ 'manifest.json': bytes('{"stored":true}') }, { level: 0 });
    zip[30 + 'manifest.json'.length + 2]! ^= 0xff; // a byte of the stored data after the local header
    expect(refusal(() => readPackageZip(zip)).code).toBe('ZIP_CORRUPT');
  });

  it.each([
    ['empty input', new Uint8Array(0)],
    ['random bytes', Uint8Array.from({ length: 300 }, (_, i) => (i * 37) & 0xff)],
  ])('refuses %s with ZIP_CORRUPT', (_name, input) => {
    expect(refusal(() => readPackageZip(input)).code).toBe('ZIP_CORRUPT');
  });
});
