import { lstat, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TourFormatError } from '../errors/TourFormatError';
import { canonicalJsonBytes } from '../integrity/canonicalJson';
import { sha256Hex } from '../integrity/sha256';
import { signManifest } from '../integrity/signing';
import type { PackageSizes } from '../catalogue/catalogue';
import { packageSizes } from '../catalogue/catalogue';
import { assetPath } from '../package/assetPath';
import type { PackageLimits } from '../package/limits';
import { resolveLimits } from '../package/limits';
import { assetRefs } from '../schema/assetRefs';
import type { Asset, Manifest, SourceManifest } from '../schema/manifest';
import { formatVersion } from '../schema/manifest';
import { parseManifest, parseSourceManifest } from '../schema/parse';
import { missingTranslations } from '../schema/translations';
import { writeAtomically } from './atomicDir';

export interface WritePackageOptions {
  /** ECDSA P-256 private key that signs `manifest.json`. */
  privateKey: CryptoKey;
  /** Stamped as `publishedAt` (pass a fixed date for reproducible builds). */
  now?: Date;
  /** Build even if some texts lack a locale of `manifest.locales`. */
  allowMissing?: boolean;
  limits?: Partial<PackageLimits>;
  /** Called after each asset is hashed and copied (for progress lines). */
  onAsset?: (done: number, total: number, sourcePath: string) => void;
}

export interface WrittenPackage {
  manifest: Manifest;
  manifestBytes: Uint8Array;
  sigBytes: Uint8Array;
  sizes: PackageSizes;
  outDir: string;
}

/**
 * Source → signed package (FORMAT.md § Two forms): content-addresses every asset, rewrites
 * references from paths to hashes, writes canonical `manifest.json` and signs those bytes.
 * Built in `<outDir>.tmp-<rand>` and renamed into place: a failed build leaves no package behind.
 */
export async function writePackage(
  source: SourceManifest,
  tourDir: string,
  outDir: string,
  options: WritePackageOptions,
): Promise<WrittenPackage> {
  const limits = resolveLimits(options.limits);
  // A `prepare` hook may have changed the source: check it again.
  const doc = parseSourceManifest(structuredClone(source));
  const missing = missingTranslations(doc);
  if (missing.length > 0 && !options.allowMissing) {
    const first = missing[0];
    throw new TourFormatError('TRANSLATION_MISSING', {
      pointer: first?.pointer,
      issue: `missing ${first?.missing.join(', ')} (${missing.length} text(s) in all)`,
      count: missing.length,
    });
  }

  return writeAtomically(outDir, async (staging) => {
    await mkdir(join(staging, 'assets'));
    const idBySourcePath = new Map<string, string>();
    const assets: Asset[] = [];
    let total = 0;
    for (const [i, src] of doc.assets.entries()) {
      const path = join(tourDir, src.id);
      const info = await lstat(path).catch(() => undefined);
      if (!info?.isFile()) {
        throw new TourFormatError('SOURCE_INVALID', {
          file: src.id,
          issue: info ? 'not a regular file' : 'missing',
        });
      }
      if (info.size > limits.maxAssetBytes) {
        throw new TourFormatError('ASSET_TOO_LARGE', {
          file: src.id,
          limit: limits.maxAssetBytes,
          actual: info.size,
        });
      }
      const bytes = new Uint8Array(await readFile(path));
      const sha256 = await sha256Hex(bytes);
      idBySourcePath.set(src.id, sha256);
      // Two source files with the same bytes become one asset.
      if (!assets.some((a) => a.id === sha256)) {
        const asset: Asset = {
          id: sha256,
          sha256,
          size: bytes.byteLength,
          mediaType: src.mediaType,
          credit: src.credit,
          licence: src.licence,
          ...(src.sourceUrl !== undefined && { sourceUrl: src.sourceUrl }),
        };
        assets.push(asset);
        total += bytes.byteLength;
        if (total > limits.maxPackageBytes) {
          throw new TourFormatError('PACKAGE_TOO_LARGE', {
            file: src.id,
            limit: limits.maxPackageBytes,
            actual: total,
          });
        }
        await writeFile(join(staging, assetPath(asset)), bytes);
      }
      options.onAsset?.(i + 1, doc.assets.length, src.id);
    }

    for (const ref of assetRefs(doc)) {
      const sha = idBySourcePath.get(ref.id);
      if (!sha)
        throw new TourFormatError('REF_UNKNOWN', { pointer: ref.pointer, issue: `asset '${ref.id}'` });
      ref.set(sha);
    }
    const candidate = {
      ...doc,
      formatVersion,
      publishedAt: (options.now ?? new Date()).toISOString(),
      assets,
    };
    const manifestBytes = canonicalJsonBytes(candidate);
    // Read back through the package schema: what we sign is exactly what readers accept.
    const manifest = parseManifest(JSON.parse(new TextDecoder().decode(manifestBytes)));
    const sigBytes = await signManifest(manifestBytes, options.privateKey);
    await writeFile(join(staging, 'manifest.json'), manifestBytes);
    await writeFile(join(staging, 'manifest.sig'), sigBytes);
    return {
      manifest,
      manifestBytes,
      sigBytes,
      sizes: packageSizes(manifest, manifestBytes.byteLength, sigBytes.byteLength),
      outDir,
    };
  });
}
