import { useEffect, useState } from 'react';
import { api } from '../core/api';
import type { SessionSnapshot, TourSession } from '../core/tourSession';
import type { StopDoc, TourDoc, WalkResult, ZoneSuggestion } from '../core/types';
import type { MessageKey } from '../i18n';
import { useI18n } from '../i18n';
import { circlesCollection, lineFeature } from '../map/mapGeometry';
import { setSource, useMap } from '../map/useMap';
import { ErrorNote, NumberField, textIn } from './common';

type Result = WalkResult & { path: [number, number][] };

const suggestionKey: Record<ZoneSuggestion['kind'], MessageKey> = {
  'never-fired': 'suggestionNever',
  'fires-late': 'suggestionLate',
  'fires-from-other-stop': 'suggestionOther',
  'out-of-order': 'suggestionOther',
};

/**
 * Walk simulator: replays the route (or a recorded GPX trace) with GPS noise through the server's
 * geofence simulation, then draws the fixes with their accuracy circles, the zones, and when each
 * stop fired; suggests zone sizes where a stop fires late, never, or from another stop.
 */
export function Simulator({ session, snap }: { session: TourSession; snap: SessionSnapshot }) {
  const { t, locale } = useI18n();
  const tour = snap.tour?.value as TourDoc;
  const stops = tour.stops.map((id) => snap.stops[id]?.value).filter((s): s is StopDoc => !!s);
  const [speed, setSpeed] = useState(1.3);
  const [noise, setNoise] = useState(5);
  const [accuracy, setAccuracy] = useState(10);
  const [seed, setSeed] = useState(1);
  const [gpx, setGpx] = useState<string | undefined>();
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const { container, map } = useMap(tour.map.bounds, t('simMapLabel'));
  const titleOf = (id: string): string => textIn(snap.stops[id]?.value.title, locale).text || id;

  useEffect(() => {
    if (!map) return;
    const fixes = result?.fixes ?? [];
    const arrivals = new Set(result?.arrivals.map((a) => a.t) ?? []);
    setSource(
      map,
      'sim-zones',
      circlesCollection(stops.map((s) => ({ id: s.id, centre: s.position, radiusM: s.trigger.radiusM }))),
    );
    setSource(map, 'sim-path', lineFeature(result?.path ?? []));
    // Accuracy circles of every fifth fix (and of each firing fix), to keep the map readable.
    setSource(
      map,
      'sim-accuracy',
      circlesCollection(
        fixes
          .filter((f, i) => i % 5 === 0 || arrivals.has(f.t))
          .map((f) => ({
            id: String(f.t),
            centre: f.position,
            radiusM: f.accuracyM,
            selected: arrivals.has(f.t),
          })),
      ),
    );
    setSource(map, 'sim-fixes', lineFeature(fixes.map((f) => f.position)));
    if (!map.getLayer('sim-zones')) {
      map.addLayer({
        id: 'sim-zones',
        type: 'fill',
        source: 'sim-zones',
        paint: { 'fill-color': '#457b9d', 'fill-opacity': 0.25 },
      });
      map.addLayer({
        id: 'sim-path',
        type: 'line',
        source: 'sim-path',
        paint: { 'line-color': '#1d3557', 'line-width': 3 },
      });
      map.addLayer({
        id: 'sim-accuracy',
        type: 'line',
        source: 'sim-accuracy',
        paint: { 'line-color': ['case', ['==', ['get', 'selected'], 1], '#b5451b', '#888'], 'line-width': 1 },
      });
      map.addLayer({
        id: 'sim-fixes',
        type: 'line',
        source: 'sim-fixes',
        paint: { 'line-color': '#b5451b', 'line-width': 1.5 },
      });
    }
  });

  const apply = async (s: ZoneSuggestion): Promise<void> => {
    const stop = snap.stops[s.stopId]?.value;
    if (stop) await session.saveStop({ ...stop, trigger: { ...stop.trigger, radiusM: s.suggestedRadiusM } });
  };

  const fired = new Map(result?.arrivals.map((a) => [a.stopId, a]) ?? []);
  return (
    <div className="simulator">
      <form
        className="panel"
        aria-labelledby="sim-settings"
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          api
            .simulate(session.tourId, {
              speedMps: speed,
              noiseM: noise,
              accuracyM: accuracy,
              seed,
              ...(gpx && { gpx }),
            })
            .then(setResult, setError)
            .finally(() => setBusy(false));
        }}
      >
        <h2 id="sim-settings">{t('simSettings')}</h2>
        <div className="row">
          <NumberField label={t('speed')} value={speed} min={0} max={30} step={0.1} onChange={setSpeed} />
          <NumberField label={t('noise')} value={noise} min={0} max={200} onChange={setNoise} />
          <NumberField label={t('accuracy')} value={accuracy} min={1} max={500} onChange={setAccuracy} />
          <NumberField label={t('seed')} value={seed} min={0} onChange={setSeed} />
        </div>
        <label>
          {t('gpxTrace')}
          <input
            type="file"
            accept=".gpx,application/gpx+xml"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void f.text().then(setGpx);
              else setGpx(undefined);
            }}
          />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('simRunning') : t('runSim')}
        </button>
        <ErrorNote error={error} />
      </form>
      <div className="map-and-panel">
        <div
          ref={container}
          className="map"
          data-testid="sim-map"
          data-ready={map ? 'yes' : 'no'}
          role="region"
          aria-label={t('simMapLabel')}
        />
        <section className="side-panel" aria-labelledby="sim-fired">
          <h2 id="sim-fired">{t('firedList')}</h2>
          {result && (
            <ol className="fired" data-testid="fired-list">
              {stops.map((s) => {
                const a = fired.get(s.id);
                return (
                  <li key={s.id} data-stop={s.id} data-fired={a ? 'yes' : 'no'}>
                    {a
                      ? t('fired', { stop: titleOf(s.id), t: Math.round(a.t), d: Math.round(a.distanceM) })
                      : t('notFired', { stop: titleOf(s.id) })}
                  </li>
                );
              })}
            </ol>
          )}
          {result && result.suggestions.length > 0 && (
            <>
              <h2>{t('suggestions')}</h2>
              <ul>
                {result.suggestions.map((s) => (
                  <li key={s.stopId}>
                    {t(suggestionKey[s.kind], {
                      stop: titleOf(s.stopId),
                      r: s.suggestedRadiusM,
                      cur: s.currentRadiusM,
                    })}{' '}
                    <button type="button" onClick={() => void apply(s)}>
                      {t('applySuggestion')}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>
    </div>
  );
}
