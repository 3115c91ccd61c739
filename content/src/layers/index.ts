/**
 * `@dunkirk/content` layers: the versioned document of a tour's other map layers (points of
 * interest, the compact timetable, library links) and the pure functions that read it.
 * No `node:*` and no framework: it runs in the authoring tool and in the PWA.
 */
export {
  layersFormatVersion,
  poiCategories,
  poiCategorySchema,
  serviceDateSchema,
  isServiceDate,
  dataSourceSchema,
  openingHoursSchema,
  pointSchema,
  libraryItemKinds,
  libraryItemSchema,
  libraryLinksSchema,
  timetableSchema,
  layersDocumentSchema,
  isIsbn13,
  type PoiCategory,
  type DataSource,
  type OpeningHours,
  type Point,
  type LibraryItem,
  type LibraryLinks,
  type Timetable,
  type LayersDocument,
} from './schema';
export { LAYERS_FILE, parseLayers, decodeLayers, crossCheckLayers, type LayersProblem } from './parseLayers';
export { compactTimetable, widenBounds, type GtfsFeed, type CompactOptions } from './compactTimetable';
export {
  nextDepartures,
  activeServices,
  serviceRunsOn,
  weekdayOf,
  addDays,
  lowerBound,
  formatClock,
  serviceTimeOf,
  type ServiceTime,
  type Departure,
  type NextDeparturesOptions,
} from './nextDepartures';
export { hoursOn, isOpenAt } from './openingHours';
export { catalogueSearchUrl } from './library';
export { LAYERS_SOURCE_PATH, layersAttribution } from './attribution';
