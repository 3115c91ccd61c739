import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { MapAdapter, MapInit } from './adapter';
import { positionCollection, stopsCollection } from './geojson';

/** The default map: maplibre-gl (BSD), no token, works offline with the fallback style. */
export async function createMaplibreMap(init: MapInit): Promise<MapAdapter> {
  maplibregl.setWorkerUrl(workerUrl);
  const map = new maplibregl.Map({
    container: init.container,
    style: init.style as maplibregl.StyleSpecification,
    bounds: init.bounds,
    fitBoundsOptions: { padding: 24 },
    attributionControl: { compact: true },
    fadeDuration: init.reducedMotion ? 0 : 300,
  });
  await new Promise<void>((resolve) => map.once('load', () => resolve()));
  addTourLayers(map);
  let pointClick: ((id: string) => void) | null = null;
  map.on('click', LAYER_POINTS, (e) => {
    const id: unknown = e.features?.[0]?.properties?.['id'];
    if (typeof id === 'string') pointClick?.(id);
  });
  map.on('mouseenter', LAYER_POINTS, () => (map.getCanvas().style.cursor = 'pointer'));
  map.on('mouseleave', LAYER_POINTS, () => (map.getCanvas().style.cursor = ''));
  return {
    setPoints(points) {
      (map.getSource(LAYER_POINTS) as maplibregl.GeoJSONSource | undefined)?.setData(
        points as GeoJSON.FeatureCollection,
      );
    },
    onPointClick(handler) {
      pointClick = handler;
    },
    setStops(stops) {
      (map.getSource('stops') as maplibregl.GeoJSONSource | undefined)?.setData(stopsCollection(stops));
    },
    setPosition(p) {
      (map.getSource('me') as maplibregl.GeoJSONSource | undefined)?.setData(positionCollection(p));
    },
    destroy() {
      map.remove();
    },
  };
}

/** Source and circle layer of the tour's map layers (points of interest, bus stops…). */
export const LAYER_POINTS = 'layer-points';

/** Shared by the maplibre and mapbox adapters (same style specification). */
export function addTourLayers(map: {
  addSource(id: string, source: object): unknown;
  addLayer(layer: object): unknown;
}): void {
  map.addSource(LAYER_POINTS, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  // Under the tour's stops: the walk comes first, the layers are context.
  map.addLayer({
    id: LAYER_POINTS,
    type: 'circle',
    source: LAYER_POINTS,
    paint: {
      'circle-radius': 6,
      'circle-color': ['get', 'colour'],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1.5,
    },
  });
  map.addSource('stops', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addSource('me', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  const stateColor = ['match', ['get', 'state'], 'visited', '#6c757d', 'next', '#c1121f', '#1d3557'];
  map.addLayer({
    id: 'stop-zones',
    type: 'fill',
    source: 'stops',
    filter: ['==', ['get', 'zone'], true],
    paint: { 'fill-color': stateColor, 'fill-opacity': 0.12 },
  });
  map.addLayer({
    id: 'stop-points',
    type: 'circle',
    source: 'stops',
    filter: ['==', ['geometry-type'], 'Point'],
    paint: {
      'circle-radius': ['match', ['get', 'state'], 'next', 10, 7],
      'circle-color': stateColor,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  });
  map.addLayer({
    id: 'me-accuracy',
    type: 'fill',
    source: 'me',
    filter: ['==', ['get', 'accuracy'], true],
    paint: { 'fill-color': '#1e88e5', 'fill-opacity': 0.15, 'fill-outline-color': '#1e88e5' },
  });
  map.addLayer({
    id: 'me',
    type: 'circle',
    source: 'me',
    filter: ['==', ['geometry-type'], 'Point'],
    paint: {
      'circle-radius': 7,
      'circle-color': '#1e88e5',
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 3,
    },
  });
}
