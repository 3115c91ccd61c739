/** Size and count limits a reader enforces (FORMAT.md defaults). */
export interface PackageLimits {
  /** Largest single asset, bytes. */
  maxAssetBytes: number;
  /** Largest package (manifest + signature + assets), bytes. */
  maxPackageBytes: number;
  /** Largest manifest.json, bytes. */
  maxManifestBytes: number;
  /** Most entries in a zip. */
  maxZipEntries: number;
  /** Highest uncompressed/compressed ratio of a zip entry. */
  maxZipRatio: number;
}

const MiB = 1024 * 1024;

export const defaultLimits: Readonly<PackageLimits> = Object.freeze({
  maxAssetBytes: 64 * MiB,
  maxPackageBytes: 512 * MiB,
  maxManifestBytes: 8 * MiB,
  maxZipEntries: 10_000,
  maxZipRatio: 100,
});

export function resolveLimits(limits?: Partial<PackageLimits>): PackageLimits {
  return { ...defaultLimits, ...limits };
}
