import type { Zippable } from 'fflate';
import { zipSync } from 'fflate';
import type { ZipEntry } from './readZip';

/** A fixed timestamp keeps the same package → the same zip bytes. */
const MTIME = new Date('2000-01-01T00:00:00Z');

/**
 * Package entries → `.zip` bytes. JSON and captions are deflated; media (already compressed)
 * is stored, which keeps the ratio honest and export fast.
 */
export function writePackageZip(entries: readonly ZipEntry[]): Uint8Array {
  const tree: Zippable = {};
  for (const e of [...entries].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const compress = /\.(json|sig|vtt|geojson)$/.test(e.name);
    tree[e.name] = [e.bytes, { level: compress ? 6 : 0, mtime: MTIME, os: 3, attrs: (0o100644 << 16) >>> 0 }];
  }
  return zipSync(tree);
}
