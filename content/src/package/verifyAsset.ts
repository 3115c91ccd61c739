import { TourFormatError } from '../errors/TourFormatError';
import { sha256Hex } from '../integrity/sha256';
import type { Asset } from '../schema/manifest';
import { assetPath } from './assetPath';

/**
 * Checks one asset's bytes against the manifest: size first (cheap, and says "truncated"),
 * then SHA-256. Refuses with ASSET_SIZE_MISMATCH or ASSET_HASH_MISMATCH naming the file.
 */
export async function verifyAsset(asset: Asset, bytes: Uint8Array): Promise<void> {
  const file = assetPath(asset);
  if (bytes.byteLength !== asset.size) {
    throw new TourFormatError('ASSET_SIZE_MISMATCH', {
      file,
      expected: asset.size,
      actual: bytes.byteLength,
    });
  }
  const actual = await sha256Hex(bytes);
  if (actual !== asset.sha256) {
    throw new TourFormatError('ASSET_HASH_MISMATCH', { file, expected: asset.sha256, actual });
  }
}
