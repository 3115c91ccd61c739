import type { LayersDocument } from './schema';

/** Where a tour's layers document sits in its source folder and in `tour.json#/layers`. */
export const LAYERS_SOURCE_PATH = 'layers/layers.json';

/**
 * The credit and licence of the layers document as one package asset: the attributions and licences
 * of the sources it actually uses (points, timetable, library links), in first-use order. Each point
 * keeps its own source and licence inside the document; this is the summary the asset list shows.
 */
export function layersAttribution(doc: LayersDocument): { credit: string; licence: string } {
  const used: string[] = [];
  const use = (key: string | undefined): void => {
    if (key !== undefined && !used.includes(key) && doc.sources[key]) used.push(key);
  };
  doc.points.forEach((p) => use(p.source));
  use(doc.timetable?.source);
  use(doc.library?.source);
  if (used.length === 0) Object.keys(doc.sources).forEach(use);
  const sources = used.map((k) => doc.sources[k]!);
  const unique = (xs: string[]): string[] => [...new Set(xs)];
  return {
    credit: unique(sources.map((s) => s.attribution)).join('; ') || doc.tour,
    licence: unique(sources.map((s) => s.licence)).join(', ') || 'unknown',
  };
}
