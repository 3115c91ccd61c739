/**
 * `@dunkirk/content`: the tour package format, for Node and the browser (no `node:*` here).
 * Node-only reading and writing of folders and zips: `@dunkirk/content/node`.
 */

// errors
export {
  TourFormatError,
  isTourFormatError,
  tourFormatErrorCodes,
  tourFormatErrorMessages,
  type TourFormatErrorCode,
  type TourFormatErrorDetails,
} from './errors/TourFormatError';

// schema, types, migrations, checks
export {
  locales,
  localeSchema,
  textSchema,
  lngLatSchema,
  semverSchema,
  sha256HexSchema,
  safeRelativePathSchema,
  isSafeRelativePath,
  mediaTypeExtensions,
  baseMediaType,
  formatVersion,
  manifestSchema,
  sourceManifestSchema,
  tourFileSchema,
  assetSchema,
  sourceAssetSchema,
  blockSchema,
  sourceBlockSchema,
  stopSchema,
  sourceStopSchema,
  characterSchema,
  scenarioSchema,
  triggerSchema,
  timelineSchema,
  routeSchema,
  migrate,
  migrations,
  parseManifest,
  parseSourceManifest,
  parseWith,
  schemaError,
  decodeJson,
  parseJsonText,
  crossCheckManifest,
  missingTranslations,
  assetRefs,
  blockAssetRefs,
  stopAssetRefs,
  manifestJsonSchema,
  toPointer,
  type Locale,
  type Text,
  type LngLat,
  type Manifest,
  type Asset,
  type Stop,
  type Block,
  type BlockType,
  type Timeline,
  type Character,
  type Scenario,
  type Trigger,
  type Route,
  type SourceManifest,
  type SourceAsset,
  type SourceStop,
  type SourceBlock,
  type TourFile,
  type AnyManifest,
  type Migration,
  type MissingTranslation,
  type AssetRefSlot,
} from './schema';

// the map layers document of a tour (points of interest, timetable, library links): FORMAT.md § Map layers
export * from './layers';

// integrity: hashes, canonical JSON, ECDSA P-256 signatures (WebCrypto only)
export { sha256Hex, toHex } from './integrity/sha256';
export { canonicalJson, canonicalJsonBytes } from './integrity/canonicalJson';
export {
  generateSigningKeyPair,
  exportPublicKeyPem,
  exportPrivateKeyPem,
  importPublicKeyPem,
  importPrivateKeyPem,
  splitPublicKeyPems,
  publicKeyId,
  publicKeyOf,
  signManifest,
  verifyManifestSignature,
  type ManifestSignature,
  type TrustedKey,
} from './integrity/signing';

// reading packages in the browser
export { parseAndVerifyManifest, checkDeclaredSizes } from './package/parseAndVerifyManifest';
export { verifyAsset } from './package/verifyAsset';
export { assetPath, assetExtension, mediaTypeForPath } from './package/assetPath';
export { defaultLimits, resolveLimits, type PackageLimits } from './package/limits';

// safe Markdown
export { renderMarkdown, renderMarkdownInline } from './markdown/renderMarkdown';

// the catalogue the demo server and the PWA exchange
export {
  catalogueSchema,
  catalogueEntrySchema,
  catalogueEntry,
  packageSizes,
  type Catalogue,
  type CatalogueEntry,
  type PackageSizes,
} from './catalogue/catalogue';

// package zips, in memory (isomorphic)
export { readPackageZip, unsafeZipName, RATIO_CHECK_MIN_BYTES, type ZipEntry } from './zip/readZip';
export { writePackageZip } from './zip/writeZip';
export { crc32 } from './zip/crc32';
