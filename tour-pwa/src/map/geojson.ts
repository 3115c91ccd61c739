import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { LngLat } from '../geo';
import { destination } from '../geo';

/** A polygon approximating a circle of `radiusM` around `center` (accuracy circles, trigger zones). */
export function circlePolygon(center: LngLat, radiusM: number, steps = 48): Feature<Polygon> {
  const ring: LngLat[] = [];
  for (let i = 0; i <= steps; i++) ring.push(destination(center, (360 * i) / steps, radiusM));
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
}

export function stopsCollection(
  stops: { id: string; position: LngLat; state: string; radiusM: number }[],
): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: stops.flatMap((s, i) => [
      {
        type: 'Feature' as const,
        properties: { id: s.id, state: s.state, label: String(i + 1) },
        geometry: { type: 'Point' as const, coordinates: s.position },
      },
      { ...circlePolygon(s.position, s.radiusM, 32), properties: { id: s.id, state: s.state, zone: true } },
    ]),
  };
}

export function positionCollection(
  p: { position: LngLat; accuracyM: number; headingDeg: number | null } | null,
): FeatureCollection {
  if (!p) return { type: 'FeatureCollection', features: [] };
  return {
    type: 'FeatureCollection',
    features: [
      { ...circlePolygon(p.position, p.accuracyM), properties: { accuracy: true } },
      {
        type: 'Feature',
        properties: { heading: p.headingDeg ?? 0, hasHeading: p.headingDeg !== null },
        geometry: { type: 'Point', coordinates: p.position },
      },
    ],
  };
}
