import { GeoError } from './GeoError';
import { isLngLat, type LngLat } from './types';

/**
 * The route of a GeoJSON value (RFC 7946): a LineString or MultiLineString geometry, a Feature holding
 * one, or a FeatureCollection whose line features are joined in order (other features, such as
 * stop Points, are skipped). Altitudes are dropped; a vertex repeated where two lines meet is kept once.
 * Throws `GEOJSON_INVALID` with `details.path` (a JSON pointer) or `ROUTE_TOO_SHORT`.
 */
export function parseRouteGeoJson(json: unknown): LngLat[] {
  const out: LngLat[] = [];
  collect(json, '', out, true);
  if (out.length < 2) throw new GeoError('ROUTE_TOO_SHORT', { path: '' });
  return out;
}

function collect(value: unknown, path: string, out: LngLat[], top: boolean): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(path, 'expected a GeoJSON object');
  }
  const obj = value as Record<string, unknown>;
  switch (obj.type) {
    case 'LineString':
      addLine(obj.coordinates, `${path}/coordinates`, out);
      return true;
    case 'MultiLineString': {
      const lines = obj.coordinates;
      if (!Array.isArray(lines)) throw invalid(`${path}/coordinates`, 'expected an array of lines');
      lines.forEach((line, i) => addLine(line, `${path}/coordinates/${i}`, out));
      return true;
    }
    case 'Feature':
      if (obj.geometry === null) return false;
      return collect(obj.geometry, `${path}/geometry`, out, top);
    case 'FeatureCollection': {
      if (!top) throw invalid(`${path}/type`, 'a FeatureCollection cannot be nested');
      const features = obj.features;
      if (!Array.isArray(features)) throw invalid(`${path}/features`, 'expected an array');
      let found = false;
      features.forEach((f, i) => {
        const geometry = (f as { geometry?: { type?: unknown } } | null)?.geometry;
        if (geometry && (geometry.type === 'LineString' || geometry.type === 'MultiLineString')) {
          found = collect(f, `${path}/features/${i}`, out, false) || found;
        }
      });
      if (!found) throw invalid(`${path}/features`, 'no LineString feature');
      return true;
    }
    default:
      throw invalid(`${path}/type`, `not a line: ${JSON.stringify(obj.type) ?? 'missing'}`);
  }
}

function addLine(coords: unknown, path: string, out: LngLat[]): void {
  if (!Array.isArray(coords)) throw invalid(path, 'expected an array of positions');
  coords.forEach((c, i) => {
    if (!isLngLat(c)) throw invalid(`${path}/${i}`, 'expected [lon, lat] in WGS84 range');
    const prev = out[out.length - 1];
    if (i === 0 && prev && prev[0] === c[0] && prev[1] === c[1]) return;
    out.push([c[0], c[1]]);
  });
}

function invalid(path: string, message: string): GeoError {
  return new GeoError('GEOJSON_INVALID', { path }, `${message} at ${path || '/'}`);
}
