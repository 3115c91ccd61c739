/** GeoJSON the map editor draws: zone circles, the offline area, tile estimates. Pure functions. */
import type { Feature, FeatureCollection } from 'geojson';
import type { LngLat } from '../core/types';
import { offsetM } from '../../../src/server/geo';

export { boundsOf, distanceM, lineLengthM, offsetM } from '../../../src/server/geo';

/** A circle of `radiusM` metres as a 48-sided polygon ring. */
export function circleRing(centre: LngLat, radiusM: number, sides = 48): LngLat[] {
  const ring: LngLat[] = [];
  for (let i = 0; i <= sides; i++) {
    const a = (i / sides) * 2 * Math.PI;
    ring.push(offsetM(centre, Math.sin(a) * radiusM, Math.cos(a) * radiusM));
  }
  return ring;
}

export function circlesCollection(
  circles: { id: string; centre: LngLat; radiusM: number; selected?: boolean }[],
): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: circles.map((c) => ({
      type: 'Feature',
      properties: { id: c.id, selected: c.selected ? 1 : 0 },
      geometry: { type: 'Polygon', coordinates: [circleRing(c.centre, c.radiusM)] },
    })),
  };
}

export function lineFeature(line: LngLat[]): Feature {
  return { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: line } };
}

export function boundsFeature([w, s, e, n]: [number, number, number, number]): Feature {
  return {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [w, s],
          [e, s],
          [e, n],
          [w, n],
          [w, s],
        ],
      ],
    },
  };
}

const lon2x = (lon: number, z: number): number => Math.floor(((lon + 180) / 360) * 2 ** z);
const lat2y = (lat: number, z: number): number => {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
};

/**
 * Web-Mercator tiles covering the bounds from `minZoom` to `maxZoom`, and their likely weight.
 * The weight is an assumption, shown as such: about 25 kB per vector tile of a town centre.
 */
export const AVERAGE_TILE_BYTES = 25_000;

export function offlineTiles(
  [w, s, e, n]: [number, number, number, number],
  minZoom: number,
  maxZoom: number,
): { tiles: number; bytes: number } {
  let tiles = 0;
  for (let z = minZoom; z <= maxZoom; z++) {
    tiles += (lon2x(e, z) - lon2x(w, z) + 1) * (lat2y(s, z) - lat2y(n, z) + 1);
  }
  return { tiles, bytes: tiles * AVERAGE_TILE_BYTES };
}
