import { lstat, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { TourFormatError } from '../errors/TourFormatError';
import type { TrustedKey } from '../integrity/signing';
import { assetPath } from '../package/assetPath';
import type { PackageLimits } from '../package/limits';
import { resolveLimits } from '../package/limits';
import { MAX_SIGNATURE_FILE_BYTES, parseAndVerifyManifest } from '../package/parseAndVerifyManifest';
import { verifyAsset } from '../package/verifyAsset';
import type { Asset, Manifest } from '../schema/manifest';

export interface ReadPackageOptions {
  /** Public keys (PEM or CryptoKey) whose signatures are accepted. */
  trustedKeys: readonly TrustedKey[];
  limits?: Partial<PackageLimits>;
  /** Called after each verified asset (for progress lines). */
  onAsset?: (done: number, total: number, file: string) => void;
}

export interface PackageFile {
  asset: Asset;
  /** Path inside the package, `assets/<sha256>.<ext>`. */
  file: string;
  /** Absolute path on disk. */
  path: string;
}

export interface VerifiedPackage {
  manifest: Manifest;
  manifestBytes: Uint8Array;
  sigBytes: Uint8Array;
  files: PackageFile[];
  /** manifest + signature + assets, bytes. */
  totalBytes: number;
}

const TOP_LEVEL = new Set(['manifest.json', 'manifest.sig', 'assets']);

async function readLimited(path: string, file: string, limit: number): Promise<Uint8Array | undefined> {
  const info = await lstat(path).catch(() => undefined);
  if (!info) return undefined;
  if (!info.isFile()) throw new TourFormatError('ASSET_UNEXPECTED', { file, issue: 'not a regular file' });
  if (info.size > limit) throw new TourFormatError('PACKAGE_TOO_LARGE', { file, limit, actual: info.size });
  return new Uint8Array(await readFile(path));
}

/**
 * Reads a package folder and verifies all of it: signature, schema, then every asset's presence,
 * size and hash, and that nothing else is there. Any fault refuses the whole package.
 */
export async function readPackage(dir: string, options: ReadPackageOptions): Promise<VerifiedPackage> {
  const limits = resolveLimits(options.limits);
  const top = await readdir(dir).catch((cause: unknown) => {
    throw new TourFormatError(
      'SOURCE_INVALID',
      { file: dir, issue: 'package folder is unreadable' },
      { cause },
    );
  });
  for (const name of top.sort()) {
    if (!TOP_LEVEL.has(name)) throw new TourFormatError('ASSET_UNEXPECTED', { file: name });
  }
  const manifestBytes = await readLimited(
    join(dir, 'manifest.json'),
    'manifest.json',
    limits.maxManifestBytes,
  );
  if (!manifestBytes)
    throw new TourFormatError('SOURCE_INVALID', { file: 'manifest.json', issue: 'missing' });
  const sigBytes = await readLimited(join(dir, 'manifest.sig'), 'manifest.sig', MAX_SIGNATURE_FILE_BYTES);
  const manifest = await parseAndVerifyManifest(manifestBytes, sigBytes, options.trustedKeys, limits);

  const expected = new Map(manifest.assets.map((a) => [assetPath(a), a]));
  const assetsDir = join(dir, 'assets');
  if (top.includes('assets') && !(await lstat(assetsDir)).isDirectory()) {
    throw new TourFormatError('ASSET_UNEXPECTED', { file: 'assets', issue: 'not a folder' });
  }
  const present = top.includes('assets') ? await readdir(assetsDir) : [];
  for (const name of present.sort()) {
    const file = `assets/${name}`;
    if (!expected.has(file)) throw new TourFormatError('ASSET_UNEXPECTED', { file });
  }
  for (const file of expected.keys()) {
    if (!present.includes(file.slice('assets/'.length))) throw new TourFormatError('ASSET_MISSING', { file });
  }

  const files: PackageFile[] = [];
  let totalBytes = manifestBytes.byteLength + (sigBytes?.byteLength ?? 0);
  let done = 0;
  for (const [file, asset] of expected) {
    const path = join(dir, file);
    const info = await lstat(path);
    if (!info.isFile()) throw new TourFormatError('ASSET_UNEXPECTED', { file, issue: 'not a regular file' });
    if (info.size > limits.maxAssetBytes) {
      throw new TourFormatError('ASSET_TOO_LARGE', { file, limit: limits.maxAssetBytes, actual: info.size });
    }
    if (info.size !== asset.size) {
      throw new TourFormatError('ASSET_SIZE_MISMATCH', { file, expected: asset.size, actual: info.size });
    }
    totalBytes += info.size;
    if (totalBytes > limits.maxPackageBytes) {
      throw new TourFormatError('PACKAGE_TOO_LARGE', {
        file,
        limit: limits.maxPackageBytes,
        actual: totalBytes,
      });
    }
    await verifyAsset(asset, new Uint8Array(await readFile(path)));
    files.push({ asset, file, path });
    options.onAsset?.(++done, expected.size, file);
  }
  return { manifest, manifestBytes, sigBytes: sigBytes as Uint8Array, files, totalBytes };
}

/** Same checks as `readPackage`, answering with a short summary. */
export async function verifyPackage(
  dir: string,
  options: ReadPackageOptions,
): Promise<{ id: string; version: string; assetCount: number; totalBytes: number }> {
  const pkg = await readPackage(dir, options);
  return {
    id: pkg.manifest.id,
    version: pkg.manifest.version,
    assetCount: pkg.files.length,
    totalBytes: pkg.totalBytes,
  };
}
