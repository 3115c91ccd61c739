import { GeoError } from './GeoError';
import type { LngLat } from './types';

/**
 * The points of a GPX 1.0/1.1 document (https://www.topografix.com/GPX/1/1/): track points
 * (`<trkpt>`, a recorded trace) in document order across all tracks and segments, or, when the
 * file has no track, route points (`<rtept>`). Namespace prefixes (`gpx:trkpt`) are accepted.
 *
 * A small scanner rather than a DOM parser, so it runs alike in Node, a worker and the page.
 * Throws `GPX_INVALID` with the 1-based `details.line` of the fault, or `ROUTE_TOO_SHORT`.
 */
export function parseGpx(xml: string): LngLat[] {
  if (typeof xml !== 'string') throw new GeoError('GPX_INVALID', { line: 1 }, 'GPX input is not text');
  const text = blankOut(xml);
  const lineAt = lineCounter(xml);
  const tags = /<\s*([A-Za-z_][\w.-]*:)?(gpx|trkpt|rtept)\b([^>]*)(>)?/g;
  const trk: LngLat[] = [];
  const rte: LngLat[] = [];
  let sawRoot = false;
  for (let m = tags.exec(text); m !== null; m = tags.exec(text)) {
    const line = lineAt(m.index);
    if (m[4] === undefined) throw new GeoError('GPX_INVALID', { line }, `unterminated <${m[2]}> tag`);
    if (m[2] === 'gpx') {
      sawRoot = true;
      continue;
    }
    if (!sawRoot) throw new GeoError('GPX_INVALID', { line }, `<${m[2]}> before the <gpx> root`);
    const attrs = m[3] ?? '';
    const lat = attribute(attrs, 'lat');
    const lon = attribute(attrs, 'lon');
    // GPX 1.1 latitudeType is [-90, 90], longitudeType is [-180, 180).
    if (lat === null || !(lat >= -90 && lat <= 90)) {
      throw new GeoError('GPX_INVALID', { line, field: 'lat' }, `<${m[2]}> without a valid lat`);
    }
    if (lon === null || !(lon >= -180 && lon <= 180)) {
      throw new GeoError('GPX_INVALID', { line, field: 'lon' }, `<${m[2]}> without a valid lon`);
    }
    (m[2] === 'trkpt' ? trk : rte).push([lon, lat]);
  }
  if (!sawRoot) throw new GeoError('GPX_INVALID', { line: 1 }, 'no <gpx> root element');
  const points = trk.length > 0 ? trk : rte;
  if (points.length < 2) throw new GeoError('ROUTE_TOO_SHORT', { field: trk.length > 0 ? 'trkpt' : 'rtept' });
  return points;
}

/** Replace comments and CDATA with spaces (newlines kept) so tags inside them are not seen and lines still count. */
function blankOut(xml: string): string {
  return xml.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (s) => s.replace(/[^\n]/g, ' '));
}

function attribute(attrs: string, name: string): number | null {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  if (!m) return null;
  const raw = (m[1] ?? m[2] ?? '').trim();
  // xsd:decimal: no exponent, no hex, no empty string (Number('') is 0).
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(raw)) return null;
  return Number(raw);
}

function lineCounter(text: string): (offset: number) => number {
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
