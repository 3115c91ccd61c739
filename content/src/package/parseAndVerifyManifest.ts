import { TourFormatError } from '../errors/TourFormatError';
import type { TrustedKey } from '../integrity/signing';
import { verifyManifestSignature } from '../integrity/signing';
import type { Manifest } from '../schema/manifest';
import { decodeJson, parseManifest } from '../schema/parse';
import type { PackageLimits } from './limits';
import { resolveLimits } from './limits';

/** A manifest.sig is about 200 bytes; anything near this is not one. */
export const MAX_SIGNATURE_FILE_BYTES = 64 * 1024;

/**
 * The browser's way in: bytes of `manifest.json` and `manifest.sig` → a verified Manifest.
 * The signature is checked before the bytes are parsed, so nothing unsigned is ever interpreted.
 * Then limits on declared sizes, migrations, schema and cross-field checks.
 */
export async function parseAndVerifyManifest(
  manifestBytes: Uint8Array,
  sigBytes: Uint8Array | undefined | null,
  trustedPublicKeys: readonly TrustedKey[],
  limits?: Partial<PackageLimits>,
): Promise<Manifest> {
  const l = resolveLimits(limits);
  if (manifestBytes.byteLength > l.maxManifestBytes) {
    throw new TourFormatError('PACKAGE_TOO_LARGE', {
      file: 'manifest.json',
      limit: l.maxManifestBytes,
      actual: manifestBytes.byteLength,
    });
  }
  if (!sigBytes) throw new TourFormatError('SIGNATURE_MISSING', { file: 'manifest.sig' });
  if (sigBytes.byteLength > MAX_SIGNATURE_FILE_BYTES) {
    throw new TourFormatError('SIGNATURE_INVALID', {
      file: 'manifest.sig',
      issue: 'larger than a signature file can be',
    });
  }
  await verifyManifestSignature(manifestBytes, sigBytes, trustedPublicKeys);
  const manifest = parseManifest(decodeJson(manifestBytes, 'manifest.json'));
  checkDeclaredSizes(manifest, l, manifestBytes.byteLength + sigBytes.byteLength);
  return manifest;
}

/** Refuses a manifest whose declared sizes break the limits, before anything is downloaded. */
export function checkDeclaredSizes(manifest: Manifest, limits: PackageLimits, overhead = 0): void {
  let total = overhead;
  manifest.assets.forEach((a, i) => {
    if (a.size > limits.maxAssetBytes) {
      throw new TourFormatError('ASSET_TOO_LARGE', {
        file: 'manifest.json',
        pointer: `/assets/${i}/size`,
        limit: limits.maxAssetBytes,
        actual: a.size,
      });
    }
    total += a.size;
  });
  if (total > limits.maxPackageBytes) {
    throw new TourFormatError('PACKAGE_TOO_LARGE', {
      file: 'manifest.json',
      limit: limits.maxPackageBytes,
      actual: total,
    });
  }
}
