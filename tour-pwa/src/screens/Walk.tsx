import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Manifest } from '@dunkirk/content';
import { deviceSource, simulatedWalk } from '../geo';
import type { LngLat, PositionSource } from '../geo';
import { createWalkSession } from '../core/walk';
import type { WalkSession } from '../core/walk';
import { useServices, useStore } from '../app/services';
import { href, navigate } from '../app/router';
import { compassPoint, localized } from '../app/text';
import { Blocks } from '../blocks/Blocks';
import { NarrationDock } from '../blocks/NarrationDock';
import { StopList } from './StopList';
import { ErrorMessage } from './ErrorMessage';
import { useWakeLock } from './useWakeLock';
import { createLayersView } from '../layers/layersView';
import { LayersPanel } from '../layers/LayersPanel';
import { LibraryLinks } from '../layers/LibraryLinks';
import { centreTarget, tourStartTarget } from '../layers/targets';
import { useOnline } from '../layers/useOnline';
import { layersLocale, useNow, useTourLayers } from '../layers/useTourLayers';

// maplibre-gl is large: it loads only when the map is shown.
const TourMap = lazy(() => import('../map/TourMap'));

/** `?simulate=<m/s>` (demo switch): walk the route instead of reading the device position. */
function chooseSource(manifest: Manifest): PositionSource {
  const simulate = new URLSearchParams(window.location.search).get('simulate');
  if (simulate !== null) {
    const speed = Number(simulate) > 0 ? Number(simulate) : 1.4;
    return simulatedWalk(manifest.route.coordinates as LngLat[], {
      speedMps: speed,
      intervalMs: 1000,
      noiseM: 4,
      accuracyM: 8,
      seed: 1,
    });
  }
  return deviceSource(navigator.geolocation, { maximumAgeMs: 2000, timeoutMs: 20000 });
}

export default function Walk({ tourId, stopId }: { tourId: string; stopId: string | null }) {
  const { t } = useTranslation();
  const { library } = useServices();
  const [manifest, setManifest] = useState<Manifest | null>(null);
  const [error, setError] = useState<{ code: string; details: Record<string, unknown> } | null>(null);

  useEffect(() => {
    let live = true;
    library.open(tourId).then(
      (m) => live && setManifest(m),
      (e: { code?: string; details?: Record<string, unknown> }) =>
        live && setError({ code: e.code ?? 'UNKNOWN', details: e.details ?? {} }),
    );
    return () => {
      live = false;
    };
  }, [library, tourId]);

  if (error) {
    return (
      <section className="screen">
        <h1 tabIndex={-1}>{t('walk.title')}</h1>
        <ErrorMessage code={error.code} details={error.details} />
        <a href={href({ name: 'tour', tourId })}>{t('tour.back')}</a>
      </section>
    );
  }
  if (!manifest) return <p role="status">…</p>;
  return <WalkWith manifest={manifest} stopId={stopId} />;
}

function WalkWith({ manifest, stopId }: { manifest: Manifest; stopId: string | null }) {
  const { t, i18n } = useTranslation();
  const { progress, library } = useServices();
  const locale = i18n.language;
  const saved = useStore(progress.store, (s) => s.tours[manifest.id]);
  const scenarioId = saved?.scenarioId ?? manifest.scenarios[0]?.id ?? '';
  const session: WalkSession = useMemo(() => {
    if (!progress.store.get().tours[manifest.id])
      progress.start(manifest.id, manifest.version, scenarioId, Date.now());
    return createWalkSession({ manifest, progress, source: chooseSource(manifest) });
  }, [manifest, progress]); // eslint-disable-line react-hooks/exhaustive-deps
  const walk = useStore(session.store, (s) => s);
  const [showMap, setShowMap] = useState(true);

  // The tour's other map layers (points, timetable, library links), from the downloaded package.
  const layersDoc = useTourLayers(manifest);
  const layersView = useMemo(() => createLayersView(), []);
  const lang = layersLocale(locale);
  const mapLayers = useMemo(
    () => (layersDoc ? { doc: layersDoc, view: layersView, locale: lang } : null),
    [layersDoc, layersView, lang],
  );
  const online = useOnline();
  const now = useNow();
  const targets = useMemo(() => {
    const first = manifest.stops[0]!;
    return [tourStartTarget({ position: first.position as LngLat, title: first.title }), centreTarget];
  }, [manifest]);
  useWakeLock(walk.running);

  useEffect(() => {
    session.start();
    return () => session.stop();
  }, [session]);

  // Prepare the next stop's narration (hash check, object URL) before the visitor gets there,
  // so an arrival goes to `playing` without waiting on Cache Storage and SHA-256.
  const nextStopId = walk.next?.stopId ?? null;
  useEffect(() => {
    const next = manifest.stops.find((s) => s.id === nextStopId);
    if (!next) return;
    for (const block of [...(next.common ?? []), ...(next.scenarios[scenarioId] ?? [])]) {
      if (block.type !== 'narration') continue;
      const tracks = block.tracks as Record<string, { audio: string; captions: string } | undefined>;
      const track = tracks[locale] ?? tracks.en ?? tracks.fr ?? Object.values(tracks).find(Boolean);
      for (const id of track ? [track.audio, track.captions] : []) {
        const asset = manifest.assets.find((a) => a.id === id);
        if (asset) void library.assetUrl(manifest.id, asset).catch(() => undefined);
      }
    }
  }, [nextStopId, manifest, scenarioId, locale, library]);

  // A stop reached opens its content; the narration starts by itself.
  const [autoplayStop, setAutoplayStop] = useState<string | null>(null);
  useEffect(() => {
    if (!walk.arrival) return;
    setAutoplayStop(walk.arrival.stopId);
    navigate({ name: 'walk', tourId: manifest.id, stopId: walk.arrival.stopId });
  }, [walk.arrival, manifest.id]);

  const stop = stopId ? manifest.stops.find((s) => s.id === stopId) : undefined;
  const next = walk.next ? manifest.stops.find((s) => s.id === walk.next!.stopId) : undefined;
  const finished = manifest.stops.every((s) => walk.visited.includes(s.id));
  const album = localized(manifest.title, locale);

  return (
    <section className="screen walk">
      <h1 tabIndex={-1}>
        {t('walk.title')} — {album}
      </h1>
      <p className="privacy">{t('walk.privacy')}</p>
      {stop ? (
        <article className="stop" aria-labelledby="stop-title">
          <p>
            <a href={href({ name: 'walk', tourId: manifest.id, stopId: null })}>← {t('stop.close')}</a>
          </p>
          <h2 id="stop-title">{localized(stop.title, locale)}</h2>
          {stop.common && (
            <Blocks
              blocks={stop.common}
              keyPrefix="c"
              ctx={{ manifest, stopId: stop.id, locale, autoplay: autoplayStop === stop.id }}
            />
          )}
          <Blocks
            blocks={stop.scenarios[scenarioId] ?? []}
            keyPrefix="s"
            ctx={{ manifest, stopId: stop.id, locale, autoplay: autoplayStop === stop.id }}
          />
          {layersDoc?.library && (
            <LibraryLinks library={layersDoc.library} stopId={stop.id} locale={lang} online={online} />
          )}
        </article>
      ) : (
        <>
          <div className="next" aria-live="polite">
            {finished ? (
              <p className="ok">{t('walk.finished')}</p>
            ) : next && walk.next ? (
              <p>
                <strong>{t('walk.next')}:</strong> {localized(next.title, locale)} —{' '}
                {t('walk.distanceTo', {
                  distance: Math.round(walk.next.distanceM),
                  bearing: Math.round(walk.next.bearingDeg),
                  compass: compassPoint(walk.next.bearingDeg, locale),
                })}
              </p>
            ) : null}
          </div>
          <PositionStatus walk={walk} />
          {!finished && (
            <p>
              <button
                type="button"
                className="primary"
                onClick={() => {
                  const target =
                    walk.next?.stopId ?? manifest.stops.find((s) => !walk.visited.includes(s.id))?.id;
                  if (target) session.arriveManually(target);
                }}
              >
                {t('walk.here')}
              </button>{' '}
              <small>{t('walk.hereHint')}</small>
            </p>
          )}
          <p>
            <button type="button" aria-pressed={showMap} onClick={() => setShowMap((v) => !v)}>
              {t('walk.map')}
            </button>
          </p>
          {showMap && (
            <Suspense fallback={<div className="map map-loading" />}>
              <TourMap manifest={manifest} walk={walk} layers={mapLayers} />
            </Suspense>
          )}
          <StopList
            manifest={manifest}
            visited={walk.visited}
            nextId={walk.next?.stopId ?? null}
            locale={locale}
          />
          {layersDoc && (
            <LayersPanel
              plot={false}
              doc={layersDoc}
              view={layersView}
              locale={lang}
              now={now}
              online={online}
              targets={targets}
              {...(walk.fix && { position: walk.fix.position })}
            />
          )}
          <p>
            <a
              href={href({ name: 'tour', tourId: manifest.id })}
              onClick={() => {
                progress.leave();
              }}
            >
              {t('walk.end')}
            </a>
          </p>
        </>
      )}
      <NarrationDock album={album} />
    </section>
  );
}

function PositionStatus({ walk }: { walk: ReturnType<WalkSession['store']['get']> }) {
  const { t } = useTranslation();
  if (walk.error === 'PERMISSION_DENIED') return <p className="notice">{t('walk.denied')}</p>;
  if (!walk.fix) return <p role="status">{t('walk.waiting')}</p>;
  if (!walk.fixUsable)
    return <p className="notice">{t('walk.weak', { value: Math.round(walk.fix.accuracyM) })}</p>;
  return <p className="muted">{t('walk.accuracy', { value: Math.round(walk.fix.accuracyM) })}</p>;
}
