import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayersDocument, Manifest } from '@dunkirk/content';
import type { LngLat } from '../geo';
import type { WalkState } from '../core/walk';
import { useServices } from '../app/services';
import type { MapAdapter, MapFactory } from './adapter';
import { fallbackStyle, rasterStyle } from './style';
import type { LayersView } from '../layers/layersView';
import { pointsGeoJson } from '../layers/layersView';
import { inLocale, type LayersLocale } from '../layers/messages';

/** The tour's map layers shown on the map: the document, the shared toggles/selection, the language. */
export interface MapLayers {
  doc: LayersDocument;
  view: LayersView;
  locale: LayersLocale;
}

/** The walk's map (lazy chunk). Decorative for assistive technology: the stop list carries the same facts. */
export default function TourMap({
  manifest,
  walk,
  layers,
}: {
  manifest: Manifest;
  walk: WalkState;
  layers?: MapLayers | null;
}) {
  const { t } = useTranslation();
  const { config } = useServices();
  const ref = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapAdapter | null>(null);
  const [failed, setFailed] = useState(false);
  const [pointCount, setPointCount] = useState<number | null>(null);

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

  // The layers' visible points follow the toggles (shared with the list); a tapped point opens its card.
  useEffect(() => {
    if (!map || !layers) return;
    const { doc, view, locale } = layers;
    const update = (): void => {
      const points = pointsGeoJson(doc, view.get(), (p) => inLocale(p.name, locale));
      map.setPoints(points);
      setPointCount(points.features.length);
    };
    update();
    map.onPointClick((id) => view.select(id));
    const unsubscribe = view.subscribe(update);
    return () => {
      unsubscribe();
      map.onPointClick(() => {});
    };
  }, [map, layers]);

  if (failed) return null;
  return (
    <div
      ref={ref}
      className="map"
      role="img"
      aria-label={t('walk.mapLabel')}
      data-map-state={map && (!layers || pointCount !== null) ? 'ready' : 'loading'}
      data-layer-points={layers && map ? (pointCount ?? undefined) : undefined}
    />
  );
}
