import type { MapAdapter, MapInit } from './adapter';
import { positionCollection, stopsCollection } from './geojson';
import { LAYER_POINTS, addTourLayers } from './maplibre';

/**
 * The mapbox-gl adapter, for deployments with a Mapbox token. mapbox-gl is not a
 * dependency here (it is large and one of its dependencies wants Node 22): the
 * module is imported only when a token is configured, and typed by the small
 * interface below. UNTESTED in this repository (see README).
 */
interface MapboxGeoJsonSource {
  setData(data: unknown): void;
}
interface MapboxMap {
  once(type: 'load', fn: () => void): void;
  addSource(id: string, source: object): unknown;
  addLayer(layer: object): unknown;
  getSource(id: string): MapboxGeoJsonSource | undefined;
  on(
    type: 'click',
    layer: string,
    fn: (e: { features?: { properties?: Record<string, unknown> }[] }) => void,
  ): void;
  remove(): void;
}
interface MapboxModule {
  accessToken: string;
  Map: new (opts: object) => MapboxMap;
}

export function createMapboxMap(token: string) {
  return async (init: MapInit): Promise<MapAdapter> => {
    const name = 'mapbox-gl';
    // A variable specifier keeps the bundler from resolving an absent package at build time.
    const mod = (await import(/* @vite-ignore */ name)) as { default?: MapboxModule } & MapboxModule;
    const mapboxgl = mod.default ?? mod;
    mapboxgl.accessToken = token;
    const map = new mapboxgl.Map({
      container: init.container,
      style: init.style,
      bounds: init.bounds,
      fitBoundsOptions: { padding: 24 },
      fadeDuration: init.reducedMotion ? 0 : 300,
    });
    await new Promise<void>((resolve) => map.once('load', () => resolve()));
    addTourLayers(map);
    let pointClick: ((id: string) => void) | null = null;
    map.on('click', LAYER_POINTS, (e) => {
      const id = e.features?.[0]?.properties?.['id'];
      if (typeof id === 'string') pointClick?.(id);
    });
    return {
      setPoints: (points) => map.getSource(LAYER_POINTS)?.setData(points),
      onPointClick: (handler) => {
        pointClick = handler;
      },
      setStops: (stops) => map.getSource('stops')?.setData(stopsCollection(stops)),
      setPosition: (p) => map.getSource('me')?.setData(positionCollection(p)),
      destroy: () => map.remove(),
    };
  };
}
