import { GeoError } from './GeoError';
import type { LngLat } from './types';

/** Mean Earth radius (IUGG R1) in metres. */
export const EARTH_RADIUS_M = 6371008.8;

const RAD = Math.PI / 180;

/** Great-circle distance in metres (haversine on a sphere of {@link EARTH_RADIUS_M}). */
export function distanceM(a: LngLat, b: LngLat): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLon = (b[0] - a[0]) * RAD;
  const s1 = Math.sin(dLat / 2);
  const s2 = Math.sin(dLon / 2);
  const h = s1 * s1 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * s2 * s2;
  // Rounding can push h a hair past 1 for antipodes; asin would then return NaN.
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(Math.min(1, Math.max(0, h))));
}

/** Initial bearing from `a` towards `b` along the great circle, in degrees clockwise from north, in [0, 360). */
export function bearingDeg(a: LngLat, b: LngLat): number {
  const φ1 = a[1] * RAD;
  const φ2 = b[1] * RAD;
  const Δλ = (b[0] - a[0]) * RAD;
  const y = Math.sin(Δλ) * Math.cos(φ2);
  const x = Math.cos(φ1) * Math.sin(φ2) - Math.sin(φ1) * Math.cos(φ2) * Math.cos(Δλ);
  return normaliseDeg(Math.atan2(y, x) / RAD);
}

/** The point reached by travelling `distanceM` metres from `from` on the initial bearing `bearingDeg`. */
export function destination(from: LngLat, bearingDeg: number, distanceM: number): LngLat {
  const δ = distanceM / EARTH_RADIUS_M;
  const θ = bearingDeg * RAD;
  const φ1 = from[1] * RAD;
  const λ1 = from[0] * RAD;
  const sinφ2 = Math.sin(φ1) * Math.cos(δ) + Math.cos(φ1) * Math.sin(δ) * Math.cos(θ);
  const φ2 = Math.asin(Math.min(1, Math.max(-1, sinφ2)));
  const λ2 = λ1 + Math.atan2(Math.sin(θ) * Math.sin(δ) * Math.cos(φ1), Math.cos(δ) - Math.sin(φ1) * sinφ2);
  return [normaliseLon(λ2 / RAD), φ2 / RAD];
}

/** Length in metres of a polyline (sum of its great-circle segments); 0 for fewer than two points. */
export function routeLengthM(coords: LngLat[]): number {
  let total = 0;
  for (let i = 1; i < coords.length; i++) total += distanceM(coords[i - 1]!, coords[i]!);
  return total;
}

/**
 * Points every `everyM` metres along a polyline, measured along the line: the first vertex, then one point
 * each `everyM` metres, then the last vertex (unless the last regular point already coincides with it).
 * Each point lies on the great-circle segment it falls in.
 */
export function alongRoute(coords: LngLat[], everyM: number): LngLat[] {
  if (!(everyM > 0) || !Number.isFinite(everyM)) {
    throw new GeoError(
      'OPTION_INVALID',
      { field: 'everyM' },
      `everyM must be a positive number, got ${everyM}`,
    );
  }
  if (coords.length === 0) return [];
  const first = coords[0]!;
  const out: LngLat[] = [[first[0], first[1]]];
  // Distance still to travel, from the start of the current segment, before the next point is due.
  let due = everyM;
  for (let i = 1; i < coords.length; i++) {
    const a = coords[i - 1]!;
    const b = coords[i]!;
    const seg = distanceM(a, b);
    if (seg === 0) continue;
    const heading = bearingDeg(a, b);
    let at = due;
    while (at <= seg) {
      out.push(at === seg ? [b[0], b[1]] : destination(a, heading, at));
      at += everyM;
    }
    due = at - seg;
  }
  const last = coords[coords.length - 1]!;
  const tail = out[out.length - 1]!;
  if (distanceM(tail, last) > 1e-6) out.push([last[0], last[1]]);
  return out;
}

function normaliseDeg(deg: number): number {
  const d = deg % 360;
  const r = d < 0 ? d + 360 : d;
  // -1e-15 + 360 rounds to 360, which is outside the half-open range.
  return r >= 360 ? 0 : r;
}

function normaliseLon(lon: number): number {
  if (lon >= -180 && lon <= 180) return lon;
  return ((((lon + 180) % 360) + 360) % 360) - 180;
}
