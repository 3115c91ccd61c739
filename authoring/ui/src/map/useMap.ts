import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { GeoJSON } from 'geojson';
import { useEffect, useRef, useState } from 'react';

maplibregl.setWorkerUrl(workerUrl);

/**
 * A local style: no tiles (the editor works offline and in tests), a plain background; the tour's own
 * GeoJSON (area, route, zones) is drawn on top by the screens.
 */
export const localStyle: maplibregl.StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#ebe6d8' } }],
};

/** Creates a map in the container, fitted to `bounds`; `map` is set once the style has loaded. */
export function useMap(
  bounds: [number, number, number, number] | undefined,
  label: string,
): { container: React.RefObject<HTMLDivElement | null>; map: maplibregl.Map | null } {
  const container = useRef<HTMLDivElement | null>(null);
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  const hasBounds = bounds !== undefined;
  const initial = useRef(bounds);
  initial.current ??= bounds;
  useEffect(() => {
    if (!container.current || !initial.current) return;
    const m = new maplibregl.Map({
      container: container.current,
      style: localStyle,
      bounds: initial.current,
      fitBoundsOptions: { padding: 30 },
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
    });
    m.getCanvas().setAttribute('aria-label', label);
    m.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    m.on('load', () => setMap(m));
    return () => {
      setMap(null);
      m.remove();
    };
  }, [hasBounds, label]);
  return { container, map };
}

/** Adds or updates a GeoJSON source. */
export function setSource(map: maplibregl.Map, id: string, data: GeoJSON): void {
  const src = map.getSource(id) as maplibregl.GeoJSONSource | undefined;
  if (src) src.setData(data);
  else map.addSource(id, { type: 'geojson', data });
}

export { maplibregl };
