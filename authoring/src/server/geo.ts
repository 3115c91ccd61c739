import type { LngLat } from '@dunkirk/content';

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (d: number): number => (d * Math.PI) / 180;

/** Great-circle distance (haversine), metres. */
export function distanceM(a: LngLat, b: LngLat): number {
  const dLat = rad(b[1] - a[1]);
  const dLon = rad(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The point `east` and `north` metres away (flat-earth step: fine for GPS noise and short segments). */
export function offsetM(p: LngLat, east: number, north: number): LngLat {
  const dLat = north / EARTH_RADIUS_M;
  const dLon = east / (EARTH_RADIUS_M * Math.cos(rad(p[1])));
  return [p[0] + (dLon * 180) / Math.PI, p[1] + (dLat * 180) / Math.PI];
}

export function lineLengthM(line: readonly LngLat[]): number {
  let total = 0;
  for (let i = 1; i < line.length; i++) total += distanceM(line[i - 1] as LngLat, line[i] as LngLat);
  return total;
}

/** Points every `stepM` metres along a line, first and last included. */
export function resample(line: readonly LngLat[], stepM: number): LngLat[] {
  if (line.length === 0) return [];
  const out: LngLat[] = [line[0] as LngLat];
  let carry = 0;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1] as LngLat;
    const b = line[i] as LngLat;
    const seg = distanceM(a, b);
    let at = stepM - carry;
    while (at <= seg) {
      const f = at / seg;
      out.push([a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f]);
      at += stepM;
    }
    carry = seg - (at - stepM);
  }
  const last = line.at(-1) as LngLat;
  if (distanceM(out.at(-1) as LngLat, last) > 0.01) out.push(last);
  return out;
}

/** Deterministic PRNG (mulberry32): the same seed replays the same noisy walk. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller). */
export function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** West, south, east, north around every point, with a margin in metres. */
export function boundsOf(points: readonly LngLat[], marginM = 0): [number, number, number, number] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    w = Math.min(w, x);
    e = Math.max(e, x);
    s = Math.min(s, y);
    n = Math.max(n, y);
  }
  const sw = offsetM([w, s], -marginM, -marginM);
  const ne = offsetM([e, n], marginM, marginM);
  return [sw[0], sw[1], ne[0], ne[1]];
}
