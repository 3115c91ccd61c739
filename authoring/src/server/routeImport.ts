import type { LngLat } from '@dunkirk/content';
import { AuthoringError } from './AuthoringError';

export interface TracePoint {
  position: LngLat;
  /** Milliseconds since the epoch, when the trace has times. */
  time?: number;
}

const num = (s: string | undefined): number => (s === undefined ? NaN : Number(s));

/**
 * Track points of a GPX 1.1 file (`trkpt`, else `rtept`), in order, with their `<time>` when present.
 * A small attribute scanner, not a full XML parser: GPX from phones and GPS units is that regular.
 */
export function parseGpx(xml: string): TracePoint[] {
  const out: TracePoint[] = [];
  const tag = /<(trkpt|rtept)\b([^>]*?)(\/>|>([\s\S]*?)<\/\1>)/g;
  const hasTrk = /<trkpt\b/.test(xml);
  for (const m of xml.matchAll(tag)) {
    if (hasTrk && m[1] !== 'trkpt') continue;
    const attrs = m[2] ?? '';
    const lat = num(/\blat\s*=\s*["']([^"']+)["']/.exec(attrs)?.[1]);
    const lon = num(/\blon\s*=\s*["']([^"']+)["']/.exec(attrs)?.[1]);
    if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) {
      throw new AuthoringError('BODY_INVALID', { issue: `GPX point ${out.length} has no valid lat/lon` });
    }
    const time = Date.parse(/<time>([^<]+)<\/time>/.exec(m[4] ?? '')?.[1] ?? '');
    out.push({ position: [lon, lat], ...(Number.isFinite(time) && { time }) });
  }
  if (out.length < 2)
    throw new AuthoringError('BODY_INVALID', { issue: 'a GPX trace needs two points or more' });
  return out;
}

/** The LineString of a GeoJSON LineString, Feature, or FeatureCollection (its first line). */
export function parseGeoJsonLine(text: string): LngLat[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (cause) {
    throw new AuthoringError('BODY_INVALID', { issue: 'not JSON' }, { cause });
  }
  const find = (g: unknown): unknown[] | undefined => {
    const o = g as {
      type?: string;
      coordinates?: unknown[];
      geometry?: unknown;
      features?: unknown[];
    } | null;
    if (!o) return undefined;
    if (o.type === 'LineString') return o.coordinates;
    if (o.type === 'MultiLineString') return (o.coordinates as unknown[][] | undefined)?.flat();
    if (o.type === 'Feature') return find(o.geometry);
    if (o.type === 'FeatureCollection') for (const f of o.features ?? []) if (find(f)) return find(f);
    return undefined;
  };
  const coords = find(doc);
  const line = (coords ?? []).map((c) => {
    const [lon, lat] = c as number[];
    if (!(
      typeof lon === 'number' &&
      typeof lat === 'number' &&
      Math.abs(lat) <= 90 &&
      Math.abs(lon) <= 180
    )) {
      throw new AuthoringError('BODY_INVALID', { issue: 'a coordinate is not [lon, lat]' });
    }
    return [lon, lat] as LngLat;
  });
  if (line.length < 2)
    throw new AuthoringError('BODY_INVALID', { issue: 'no LineString with two points or more' });
  return line;
}
