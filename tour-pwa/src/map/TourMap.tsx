import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Manifest } from '@dunkirk/content';
import type { LngLat } from '../geo';
import type { WalkState } from '../core/walk';
import { useServices } from '../app/services';
import type { MapAdapter, MapFactory } from './adapter';
import { fallbackStyle, rasterStyle } from './style';

/** The walk's map (lazy chunk). Decorative for assistive technology: the stop list carries the same facts. */
export default function TourMap({ manifest, walk }: { manifest: Manifest; walk: WalkState }) {
  const { t } = useTranslation();
  const { config } = useServices();
  const ref = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapAdapter | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let adapter: MapAdapter | null = null;
    let live = true;
    const route = manifest.route.coordinates as LngLat[];
    const style = config.tileUrl
      ? rasterStyle(config.tileUrl, route)
      : fallbackStyle(manifest.map.bounds, route);
    const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const load: Promise<MapFactory> = config.mapboxToken
      ? import('./mapbox').then((m) => m.createMapboxMap(config.mapboxToken!))
      : import('./maplibre').then((m) => m.createMaplibreMap);
    load
      .then((factory) => factory({ container: el, style, bounds: manifest.map.bounds, route, reducedMotion }))
      .then(
        (a) => {
          if (live) {
            adapter = a;
            setMap(a);
          } else a.destroy();
        },
        () => live && setFailed(true), // no WebGL: the stop list remains
      );
    return () => {
      live = false;
      adapter?.destroy();
    };
  }, [manifest, config]);

  useEffect(() => {
    map?.setStops(
      manifest.stops.map((s) => ({
        id: s.id,
        position: s.position as LngLat,
        radiusM: s.trigger.radiusM,
        state: walk.visited.includes(s.id) ? 'visited' : walk.next?.stopId === s.id ? 'next' : 'other',
      })),
    );
  }, [map, manifest, walk.visited, walk.next?.stopId]);

  useEffect(() => {
    map?.setPosition(
      walk.fix
        ? {
            position: walk.fix.position,
            accuracyM: walk.fix.accuracyM,
            headingDeg: walk.fix.headingDeg ?? null,
          }
        : null,
    );
  }, [map, walk.fix]);

  if (failed) return null;
  return <div ref={ref} className="map" role="img" aria-label={t('walk.mapLabel')} />;
}
