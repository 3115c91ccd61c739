/** The curators' authoring server: HTTP API over `content/tours/<id>/`, live changes, the web UI. */
export { startAuthoringServer, type AuthoringServer, type AuthoringServerOptions } from './startServer';
export { createApp, type AppOptions } from './app';
export {
  AuthoringError,
  isAuthoringError,
  authoringErrorCodes,
  httpStatus,
  type AuthoringErrorCode,
  type AuthoringErrorDetails,
} from './AuthoringError';
export { TourStore, jsonBytes, type TourSummary, type Precondition, type FileVersion } from './tourStore';
export { TourWatcher, type TourFileChange } from './tourWatcher';
export { writeFileAtomic, TEMP_PREFIX } from './atomicWrite';
export { etagOf, ifMatchAccepts } from './etag';
export {
  tourReport,
  type TourReport,
  type MatrixCell,
  type CellState,
  type MissingMedia,
} from './tourReport';
export {
  simulateWalk,
  type SimStop,
  type WalkOptions,
  type WalkResult,
  type SimArrival,
  type ZoneSuggestion,
} from './walkSimulator';
export { parseGpx, parseGeoJsonLine, type TracePoint } from './routeImport';
export {
  publishTour,
  bumpVersion,
  diffManifests,
  changelogText,
  type PublishResult,
  type ChangeSummary,
  type Bump,
} from './publish';
export { importMedia, slugOf, type MediaUpload, type ImportedAsset } from './mediaImport';
export { draftNarration, checkCaptions, type DraftNarrationRequest, type DraftTrack } from './draftNarration';
export { importModel, triangleCount, MODEL_TRIANGLE_BUDGET, type ImportedModel } from './modelImport';
export {
  previewLayersImport,
  saveLayersImport,
  layersOverview,
  layerImportKinds,
  LAYERS_UPLOAD_MAX_BYTES,
  type LayersUpload,
  type LayersImportReport,
  type LayersOverview,
  type LayerCounts,
  type LayerImportKind,
} from './layersImport';
