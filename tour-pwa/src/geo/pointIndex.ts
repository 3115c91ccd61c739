import KDBush from 'kdbush';
import { around as geoAround } from 'geokdbush';
import { EARTH_RADIUS_M, distanceM } from './distances';
import { GeoError } from './GeoError';
import { isLngLat, type LngLat } from './types';

/** A point of interest: a stop, or a linked place (DATAtourisme, library, …). */
export interface IndexedPoint {
  id: string;
  position: LngLat;
  radiusM?: number;
  kind?: string;
}

export interface PointIndex<P extends IndexedPoint = IndexedPoint> {
  /** Number of points indexed. */
  readonly size: number;
  /**
   * Points within `maxM` metres of `p` (great-circle distance between centres), nearest first,
   * at most `max` of them. Each result is the original point with its `distanceM` added.
   */
  around(p: LngLat, maxM: number, max?: number): (P & { distanceM: number })[];
  /**
   * Calls `visit` for every point within `maxM` metres of `p`, in no particular order, without
   * sorting or copying: the hot path of the geofencer, run on every fix.
   */
  forEachWithin(p: LngLat, maxM: number, visit: (point: P, distanceM: number) => void): void;
}

/** geokdbush measures in kilometres on a sphere of 6371 km; we convert through the angle. */
const GEOKDBUSH_RADIUS_KM = 6371;
/** Widen the pre-filter a little so rounding between the two haversines never drops a boundary point. */
const BOUNDARY_SLACK = 1 + 1e-9;

/**
 * A static spatial index (kd-tree, `kdbush` + `geokdbush`) over points given once.
 * Built in O(n log n); a query visits only the tree nodes near `p`, so it stays in microseconds
 * for 50,000 points. Throws `POINT_INVALID` (with `details.index`) on a point without a valid position.
 */
export function createPointIndex<P extends IndexedPoint>(points: readonly P[]): PointIndex<P> {
  const tree = new KDBush(points.length);
  points.forEach((pt, index) => {
    if (!isLngLat(pt.position)) throw new GeoError('POINT_INVALID', { index, field: 'position' });
    tree.add(pt.position[0], pt.position[1]);
  });
  tree.finish();

  return {
    size: points.length,
    around(p, maxM, max = Infinity) {
      if (!isLngLat(p) || !(maxM >= 0) || !(max > 0)) return [];
      const maxKm = Number.isFinite(maxM)
        ? (maxM / EARTH_RADIUS_M) * GEOKDBUSH_RADIUS_KM * BOUNDARY_SLACK
        : undefined;
      const ids = geoAround(tree, p[0], p[1], max, maxKm);
      const out: (P & { distanceM: number })[] = [];
      for (const id of ids) {
        const pt = points[id]!;
        const d = distanceM(p, pt.position);
        if (d <= maxM) out.push({ ...pt, distanceM: d });
      }
      return out;
    },

    forEachWithin(p, maxM, visit) {
      if (!isLngLat(p) || !(maxM >= 0) || points.length === 0) return;
      for (const [w, s, e, n] of boxesAround(p, maxM)) {
        for (const id of tree.range(w, s, e, n)) {
          const pt = points[id]!;
          const d = distanceM(p, pt.position);
          if (d <= maxM) visit(pt, d);
        }
      }
    },
  };
}

const DEG = 180 / Math.PI;
/** About 0.1 mm: keeps a zero-radius box from missing a point that rounds to distance 0. */
const BOX_PAD_DEG = 1e-9;

/**
 * Longitude/latitude boxes that together cover every point within `maxM` of `p`: one box, or two when
 * the circle crosses the antimeridian, or a full band of latitude near a pole.
 */
function boxesAround(p: LngLat, maxM: number): [number, number, number, number][] {
  const dLat = (maxM / EARTH_RADIUS_M) * DEG * BOUNDARY_SLACK + BOX_PAD_DEG;
  const south = p[1] - dLat;
  const north = p[1] + dLat;
  if (south <= -90 || north >= 90 || dLat >= 90)
    return [[-180, Math.max(-90, south), 180, Math.min(90, north)]];
  // The widest longitude span of a spherical cap is at asin(sin δ / cos φ) from its centre.
  const ratio = Math.sin(maxM / EARTH_RADIUS_M) / Math.cos(p[1] / DEG);
  if (ratio >= 1) return [[-180, south, 180, north]];
  const dLon = Math.asin(ratio) * DEG * BOUNDARY_SLACK + BOX_PAD_DEG;
  const west = p[0] - dLon;
  const east = p[0] + dLon;
  if (west < -180)
    return [
      [west + 360, south, 180, north],
      [-180, south, east, north],
    ];
  if (east > 180)
    return [
      [west, south, 180, north],
      [-180, south, east - 360, north],
    ];
  return [[west, south, east, north]];
}
