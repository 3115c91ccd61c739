/**
 * `@dunkirk/tour-pwa`: the visitors' app. The app itself is the built `dist/` (see README);
 * this entry exports its framework-free core, which runs in Node as in the browser.
 */
export { createStore, persisted, memoryKeyValue, type Store, type KeyValue } from './core/store';
export { TourAppError, appErrorMessages, type AppErrorCode } from './core/errors';
export { parseConfig, loadConfig, type AppConfig } from './core/config';
export {
  fetchCatalogue,
  parseCatalogue,
  createCatalogueStore,
  type TourSummary,
  type CatalogueState,
} from './core/catalogue';
export {
  createLibrary,
  type Library,
  type LibraryDeps,
  type LibraryState,
  type InstalledTour,
  type DownloadState,
} from './core/library';
export { PACKAGE_CACHE, TILE_CACHE } from './core/cacheNames';
export { TourEvictionPlugin, evictOtherVersions } from './core/eviction';
export { createProgress, type ProgressStore, type ProgressState, type TourProgress } from './core/progress';
export {
  createNarration,
  PLAYBACK_RATES,
  type Narration,
  type NarrationState,
  type NarrationStatus,
  type MediaLike,
} from './core/narration';
export { createWalkSession, type WalkSession, type WalkState } from './core/walk';
export { tilesForBounds, lonLatToTile, type TileId } from './core/tiles';
export { fallbackStyle, rasterStyle } from './map/style';
export type { MapAdapter, MapInit, MapFactory } from './map/adapter';
