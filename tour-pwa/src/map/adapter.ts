import type { LngLat } from '../geo';

/** What the walk needs from a map library: maplibre-gl by default, mapbox-gl behind the same shape. */
export interface MapAdapter {
  setStops(
    stops: { id: string; position: LngLat; state: 'visited' | 'next' | 'other'; radiusM: number }[],
  ): void;
  setPosition(p: { position: LngLat; accuracyM: number; headingDeg: number | null } | null): void;
  /** The visible points of the tour's map layers (`pointsGeoJson(...)`: properties `id`, `colour`, `name`). */
  setPoints(points: object): void;
  /** Called with a layer point's id when the visitor taps it on the map. */
  onPointClick(handler: (id: string) => void): void;
  destroy(): void;
}

export interface MapInit {
  container: HTMLElement;
  style: unknown;
  bounds: [number, number, number, number];
  route: LngLat[];
  reducedMotion: boolean;
}

export type MapFactory = (init: MapInit) => Promise<MapAdapter>;
