/**
 * Shapes the UI exchanges with the server. Type-only imports: nothing of the server or of Node is
 * bundled into the browser.
 */
import type { LngLat, Locale, Text } from '@dunkirk/content';

export type { LngLat, Locale, Text };
export type { TourReport, MatrixCell, CellState, MissingMedia } from '../../../src/server/tourReport';
export type { WalkResult, SimArrival, ZoneSuggestion, SimFix } from '../../../src/server/walkSimulator';
export type { PublishResult, Bump, ChangeSummary } from '../../../src/server/publish';
export type { TourSummary } from '../../../src/server/tourStore';
export type { ImportedAsset, MediaKind } from '../../../src/server/mediaImport';
export type { TourFileChange } from '../../../src/server/tourWatcher';
export type {
  LayersImportReport,
  LayersOverview,
  LayerCounts,
  LayerImportKind,
} from '../../../src/server/layersImport';
export type { ImportIssue, ImportIssueCode } from '../../../src/import/issues';

/** `tour.json` as the editor handles it (the fields it edits; the rest is kept as is). */
export interface TourDoc {
  id: string;
  version: string;
  locales: Locale[];
  title: Text;
  description: Text;
  scenarios: { id: string; audience: 'family' | 'adult'; character: string; title: Text }[];
  characters: { id: string; name: string }[];
  stops: string[];
  route: string;
  map: {
    bounds: [number, number, number, number];
    offline?: { minZoom: number; maxZoom: number; tiles?: string };
  };
  assets: { id: string; mediaType: string; credit: string; licence: string; sourceUrl?: string }[];
  [key: string]: unknown;
}

export type BlockDoc = { type: string; [key: string]: unknown };

export interface StopDoc {
  id: string;
  title: Text;
  position: LngLat;
  trigger: { radiusM: number; dwellS: number; minAccuracyM: number };
  positionSource: string;
  common?: BlockDoc[];
  scenarios: Record<string, BlockDoc[]>;
  [key: string]: unknown;
}

export interface RouteDoc {
  type: string;
  geometry?: { type: 'LineString'; coordinates: LngLat[] };
  coordinates?: LngLat[];
  [key: string]: unknown;
}
