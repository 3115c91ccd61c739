import type { LngLat } from '../geo';

/**
 * Map styles. When no tiles are configured (or reachable), the basemap is drawn
 * from the tour itself: a plain land background, the tour's area and its route,
 * so the map works with no tile server at all. No glyphs or sprites are needed.
 */
export function fallbackStyle(bounds: [number, number, number, number], route: LngLat[]): object {
  const [w, s, e, n] = bounds;
  return {
    version: 8,
    sources: {
      area: {
        type: 'geojson',
        data: {
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
        },
      },
      route: routeSource(route),
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#dfe7ec' } },
      { id: 'area', type: 'fill', source: 'area', paint: { 'fill-color': '#f4f1ea' } },
      ...routeLayers(),
    ],
  };
}

/** A raster basemap from a tile URL template (cached for the tour's area at download). */
export function rasterStyle(tileUrl: string, route: LngLat[]): object {
  return {
    version: 8,
    sources: {
      base: { type: 'raster', tiles: [tileUrl], tileSize: 256, maxzoom: 19 },
      route: routeSource(route),
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#f4f1ea' } },
      { id: 'base', type: 'raster', source: 'base' },
      ...routeLayers(),
    ],
  };
}

function routeSource(route: LngLat[]): object {
  return {
    type: 'geojson',
    data: { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: route } },
  };
}

function routeLayers(): object[] {
  return [
    {
      id: 'route-casing',
      type: 'line',
      source: 'route',
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': 7 },
    },
    {
      id: 'route',
      type: 'line',
      source: 'route',
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': '#1d3557', 'line-width': 4 },
    },
  ];
}
