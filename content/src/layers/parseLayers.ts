import { TourFormatError } from '../errors/TourFormatError';
import { decodeJson, parseWith } from '../schema/parse';
import type { LayersDocument, Timetable } from './schema';
import { layersDocumentSchema, layersFormatVersion } from './schema';

/** The file name of the layers document inside a tour source (`layers/layers.json`) and as a package asset. */
export const LAYERS_FILE = 'layers.json';

/**
 * Raw JSON → a checked layers document. Refusals are `TourFormatError`s naming the file and the
 * JSON pointer: `FORMAT_VERSION_UNSUPPORTED` for a newer `layersVersion`, `SCHEMA_INVALID` otherwise.
 */
export function parseLayers(raw: unknown, file = LAYERS_FILE): LayersDocument {
  const version = (raw as { layersVersion?: unknown } | null)?.layersVersion;
  if (typeof version === 'number' && version > layersFormatVersion) {
    throw new TourFormatError('FORMAT_VERSION_UNSUPPORTED', {
      file,
      pointer: '/layersVersion',
      expected: layersFormatVersion,
      actual: version,
    });
  }
  const doc = parseWith(layersDocumentSchema, raw, file);
  const problem = crossCheckLayers(doc)[0];
  if (problem) {
    throw new TourFormatError('SCHEMA_INVALID', { file, pointer: problem.pointer, issue: problem.issue });
  }
  return doc;
}

/** UTF-8 bytes (an asset, once its hash is verified) → a checked layers document. */
export function decodeLayers(bytes: Uint8Array, file = LAYERS_FILE): LayersDocument {
  return parseLayers(decodeJson(bytes, file), file);
}

export interface LayersProblem {
  pointer: string;
  issue: string;
}

/** Rules the schema cannot express: references between arrays, unique ids, sorted departures. */
export function crossCheckLayers(doc: LayersDocument): LayersProblem[] {
  const problems: LayersProblem[] = [];
  const ids = new Set<string>();
  doc.points.forEach((p, i) => {
    if (ids.has(p.id)) problems.push({ pointer: `/points/${i}/id`, issue: `duplicate point id '${p.id}'` });
    ids.add(p.id);
    if (!(p.source in doc.sources)) {
      problems.push({ pointer: `/points/${i}/source`, issue: `unknown source '${p.source}'` });
    }
    p.hours?.forEach((h, j) => {
      if (h.closes !== '24:00' && h.closes <= h.opens) {
        problems.push({ pointer: `/points/${i}/hours/${j}/closes`, issue: 'closes before it opens' });
      }
    });
  });
  if (doc.library && !(doc.library.source in doc.sources)) {
    problems.push({ pointer: '/library/source', issue: `unknown source '${doc.library.source}'` });
  }
  if (doc.timetable) {
    if (!(doc.timetable.source in doc.sources)) {
      problems.push({ pointer: '/timetable/source', issue: `unknown source '${doc.timetable.source}'` });
    }
    problems.push(...checkTimetable(doc.timetable, '/timetable'));
  }
  return problems;
}

function checkTimetable(tt: Timetable, at: string): LayersProblem[] {
  const problems: LayersProblem[] = [];
  const bad = (pointer: string, issue: string): void => void problems.push({ pointer: at + pointer, issue });
  if (tt.departures.length !== tt.stops.length) bad('/departures', 'one departures entry per stop');
  tt.trips.forEach(([route, service, headsign, lastStop], i) => {
    if (route >= tt.routes.length) bad(`/trips/${i}/0`, 'unknown route');
    if (service >= tt.services.length) bad(`/trips/${i}/1`, 'unknown service');
    if (headsign >= tt.headsigns.length) bad(`/trips/${i}/2`, 'unknown headsign');
    if (lastStop >= tt.stops.length) bad(`/trips/${i}/3`, 'unknown stop');
  });
  tt.departures.forEach(({ t, k }, s) => {
    if (t.length !== k.length) bad(`/departures/${s}`, 't and k have different lengths');
    for (let i = 0; i < t.length; i++) {
      if (i > 0 && (t[i] as number) < (t[i - 1] as number)) {
        bad(`/departures/${s}/t/${i}`, 'departures are sorted by time');
        break;
      }
      if ((k[i] as number) >= tt.trips.length) {
        bad(`/departures/${s}/k/${i}`, 'unknown trip');
        break;
      }
    }
  });
  return problems.slice(0, 20);
}
