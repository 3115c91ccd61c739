export * from './primitives';
export * from './manifest';
export { migrate, migrations, type Migration } from './migrate';
export {
  parseManifest,
  parseSourceManifest,
  parseWith,
  schemaError,
  decodeJson,
  parseJsonText,
} from './parse';
export { crossCheckManifest } from './crossChecks';
export { missingTranslations, type MissingTranslation } from './translations';
export { assetRefs, blockAssetRefs, stopAssetRefs, type AssetRefSlot } from './assetRefs';
export { manifestJsonSchema } from './jsonSchema';
export { toPointer } from './pointer';
