import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { TourFormatError } from '../errors/TourFormatError';
import type { TrustedKey } from '../integrity/signing';
import type { PackageLimits } from '../package/limits';
import { resolveLimits } from '../package/limits';
import { readPackageZip } from '../zip/readZip';
import { writePackageZip } from '../zip/writeZip';
import { writeAtomically } from './atomicDir';
import type { VerifiedPackage } from './readPackage';
import { readPackage } from './readPackage';

export interface ImportZipOptions {
  trustedKeys: readonly TrustedKey[];
  limits?: Partial<PackageLimits>;
}

/**
 * A hostile `.zip` → a verified package folder at `outDir`. Names, links, counts, sizes and ratios are
 * checked before inflating (see `readPackageZip`); entries are written into a staging folder whose
 * names were all checked, the result is verified with `readPackage`, and only then renamed into place.
 */
export async function importZip(
  input: Uint8Array | string,
  outDir: string,
  options: ImportZipOptions,
): Promise<VerifiedPackage> {
  const limits = resolveLimits(options.limits);
  let bytes: Uint8Array;
  if (typeof input === 'string') {
    const info = await stat(input).catch((cause: unknown) => {
      throw new TourFormatError('SOURCE_INVALID', { file: input, issue: 'cannot read the zip' }, { cause });
    });
    if (info.size > limits.maxPackageBytes) {
      throw new TourFormatError('ZIP_TOO_LARGE', {
        file: input,
        limit: limits.maxPackageBytes,
        actual: info.size,
      });
    }
    bytes = new Uint8Array(await readFile(input));
  } else {
    bytes = input;
  }
  const entries = readPackageZip(bytes, limits);
  const verified = await writeAtomically(outDir, async (staging) => {
    for (const entry of entries) {
      const path = join(staging, entry.name);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, entry.bytes, { flag: 'wx' });
    }
    return readPackage(staging, { trustedKeys: options.trustedKeys, limits });
  });
  // Point the paths at the committed folder rather than the staging one.
  return { ...verified, files: verified.files.map((f) => ({ ...f, path: join(outDir, f.file) })) };
}

/** A package folder → `.zip` bytes (the exchange form). The folder's layout is taken as it is. */
export async function exportZip(pkgDir: string, options?: ImportZipOptions): Promise<Uint8Array> {
  const names = ['manifest.json', 'manifest.sig'];
  if (options) {
    const pkg = await readPackage(pkgDir, options);
    names.push(...pkg.files.map((f) => f.file));
  } else {
    const assets = await readdir(join(pkgDir, 'assets')).catch(() => [] as string[]);
    names.push(...assets.map((a) => `assets/${a}`));
  }
  const entries = await Promise.all(
    names.map(async (name) => ({ name, bytes: new Uint8Array(await readFile(join(pkgDir, name))) })),
  );
  return writePackageZip(entries);
}
