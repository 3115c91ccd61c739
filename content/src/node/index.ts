/**
 * `@dunkirk/content/node`: reading, writing, importing and exporting tour packages on disk.
 * Node only; the browser uses `@dunkirk/content` (`parseAndVerifyManifest`, `verifyAsset`).
 */
export {
  readPackage,
  verifyPackage,
  type ReadPackageOptions,
  type PackageFile,
  type VerifiedPackage,
} from './readPackage';
export { readSource, checkSource, type SourceCheck } from './readSource';
export { writePackage, type WritePackageOptions, type WrittenPackage } from './writePackage';
export { importZip, exportZip, type ImportZipOptions } from './zip';
export {
  loadOrCreateDevKeys,
  resolveSigningKey,
  resolveTrustedKeys,
  findRepoRoot,
  DEV_KEY_DIR,
  DEV_PRIVATE_KEY_FILE,
  DEV_PUBLIC_KEY_FILE,
  type SigningKeys,
} from './keys';
export { writeAtomically } from './atomicDir';
