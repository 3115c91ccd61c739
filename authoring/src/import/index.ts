/** Layer importers of the authoring tool: DATAtourisme JSON-LD, GeoJSON, GTFS static, and the tour's layers build. */
export {
  importDatatourisme,
  datatourismeCategory,
  type DatatourismeImport,
  type DatatourismeOptions,
} from './datatourisme';
export { importGeoJson, type GeoJsonImport, type GeoJsonOptions } from './geojson';
export {
  importGtfs,
  readGtfsZip,
  gtfsMinutes,
  gtfsFileNames,
  GTFS_MAX_FILE_BYTES,
  type GtfsFiles,
  type GtfsFileName,
  type GtfsImport,
  type GtfsImportOptions,
} from './gtfs';
export {
  importLayers,
  readImportConfig,
  readGtfs,
  layersImportConfigSchema,
  IMPORT_CONFIG,
  type LayersImportConfig,
  type LayersImportResult,
} from './importLayers';
export {
  importIssueCodes,
  importIssueMessages,
  formatIssue,
  inBounds,
  type Bounds,
  type ImportIssue,
  type ImportIssueCode,
} from './issues';
export { parseOsmOpeningHours } from './openingHoursOsm';
export { jsonLines } from './jsonLines';
export { runImport, importUsage, type ImportIo } from './cli';
