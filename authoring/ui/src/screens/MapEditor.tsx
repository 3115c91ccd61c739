import { useEffect, useRef, useState } from 'react';
import { api } from '../core/api';
import type { SessionSnapshot, TourSession } from '../core/tourSession';
import { routeLine } from '../core/tourSession';
import type { LngLat, StopDoc, TourDoc } from '../core/types';
import { formatBytes, useI18n } from '../i18n';
import {
  boundsFeature,
  boundsOf,
  circlesCollection,
  distanceM,
  lineFeature,
  lineLengthM,
  offlineTiles,
  offsetM,
} from '../map/mapGeometry';
import { maplibregl, setSource, useMap } from '../map/useMap';
import { ErrorNote, NumberField, fieldId, textIn } from './common';

type Mode = 'select' | 'add-stop' | 'draw-route';

interface Props {
  session: TourSession;
  snap: SessionSnapshot;
  selected: string | null;
  setSelected: (id: string | null) => void;
}

const round = (n: number): number => Math.round(n * 1e6) / 1e6;
const roundLngLat = (p: { lng: number; lat: number }): LngLat => [round(p.lng), round(p.lat)];

export function MapEditor({ session, snap, selected, setSelected }: Props) {
  const { t, locale } = useI18n();
  const tour = snap.tour?.value as TourDoc;
  const stops = tour.stops.map((id) => snap.stops[id]?.value).filter((s): s is StopDoc => !!s);
  const route = routeLine(snap.route?.value);
  const [mode, setMode] = useState<Mode>('select');
  const [draft, setDraft] = useState<LngLat[]>([]);
  const [liveRadius, setLiveRadius] = useState<{ id: string; r: number } | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const { container, map } = useMap(tour.map.bounds, t('mapLabel'));

  // Click handling reads the latest mode through a ref (the listener is bound once per map).
  const modeRef = useRef(mode);
  modeRef.current = mode;
  useEffect(() => {
    if (!map) return;
    const onClick = (e: maplibregl.MapMouseEvent): void => {
      const p = roundLngLat(e.lngLat);
      if (modeRef.current === 'add-stop') {
        const n = session.snapshot.tour?.value.stops.length ?? 0;
        session
          .addStop(p, { fr: `Arrêt ${n + 1}`, en: `Stop ${n + 1}`, nl: `Halte ${n + 1}` })
          .then(setSelected, setError);
      } else if (modeRef.current === 'draw-route') {
        setDraft((d) => [...d, p]);
      }
    };
    map.on('click', onClick);
    return () => void map.off('click', onClick);
  }, [map, session, setSelected]);

  // Layers: offline area, route, draft route, zones.
  useEffect(() => {
    if (!map) return;
    setSource(map, 'area', boundsFeature(tour.map.bounds));
    setSource(map, 'route', lineFeature(route.length >= 2 ? route : []));
    setSource(map, 'draft', lineFeature(draft.length >= 2 ? draft : []));
    setSource(
      map,
      'zones',
      circlesCollection(
        stops.map((s) => ({
          id: s.id,
          centre: s.position,
          radiusM: liveRadius?.id === s.id ? liveRadius.r : s.trigger.radiusM,
          selected: s.id === selected,
        })),
      ),
    );
    if (!map.getLayer('area-line')) {
      map.addLayer({
        id: 'area-fill',
        type: 'fill',
        source: 'area',
        paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.5 },
      });
      map.addLayer({
        id: 'area-line',
        type: 'line',
        source: 'area',
        paint: { 'line-color': '#6b5e3c', 'line-dasharray': [2, 2] },
      });
      map.addLayer({
        id: 'route',
        type: 'line',
        source: 'route',
        paint: { 'line-color': '#1d3557', 'line-width': 4 },
      });
      map.addLayer({
        id: 'draft',
        type: 'line',
        source: 'draft',
        paint: { 'line-color': '#b5451b', 'line-width': 3, 'line-dasharray': [1, 1] },
      });
      map.addLayer({
        id: 'zones-fill',
        type: 'fill',
        source: 'zones',
        paint: {
          'fill-color': ['case', ['==', ['get', 'selected'], 1], '#b5451b', '#457b9d'],
          'fill-opacity': 0.25,
        },
      });
      map.addLayer({
        id: 'zones-line',
        type: 'line',
        source: 'zones',
        paint: { 'line-color': '#1d3557', 'line-width': 1.5 },
      });
    }
  });

  // Stop markers (draggable) and the radius handle of the selected stop.
  const markers = useRef(new Map<string, maplibregl.Marker>());
  const handle = useRef<maplibregl.Marker | null>(null);
  const handleKey = useRef('');
  useEffect(() => {
    if (!map) return;
    const seen = new Set<string>();
    stops.forEach((stop, i) => {
      seen.add(stop.id);
      const label = t('stopMarker', { n: i + 1, title: textIn(stop.title, locale).text });
      let m = markers.current.get(stop.id);
      if (!m) {
        const el = document.createElement('div');
        el.className = 'stop-marker';
        // Pointer affordance only: keyboard and screen-reader users pick stops in the list beside the
        // map and move them with the position fields (markers of close stops overlap on the map).
        el.setAttribute('aria-hidden', 'true');
        el.dataset['stopId'] = stop.id;
        m = new maplibregl.Marker({ element: el, draggable: true }).setLngLat(stop.position).addTo(map);
        const id = stop.id;
        el.addEventListener('click', (e) => {
          e.stopPropagation();
          setSelected(id);
        });
        m.on('dragend', () => {
          const current = session.snapshot.stops[id]?.value;
          if (current) void session.saveStop({ ...current, position: roundLngLat(m!.getLngLat()) });
        });
        markers.current.set(stop.id, m);
      } else {
        m.setLngLat(stop.position);
      }
      const el = m.getElement();
      el.textContent = String(i + 1);
      el.title = label;
      el.classList.toggle('selected', stop.id === selected);
    });
    for (const [id, m] of markers.current) {
      if (!seen.has(id)) {
        m.remove();
        markers.current.delete(id);
      }
    }
    // The handle survives re-renders (a drag re-renders on every move); it is rebuilt only when the
    // saved stop it belongs to changes.
    const sel = stops.find((s) => s.id === selected);
    const key = sel ? `${sel.id}:${sel.position.join(',')}:${sel.trigger.radiusM}` : '';
    if (key === handleKey.current) return;
    handleKey.current = key;
    handle.current?.remove();
    handle.current = null;
    if (sel) {
      const el = document.createElement('div');
      el.className = 'radius-handle';
      el.title = t('zoneHandle', { title: textIn(sel.title, locale).text });
      el.setAttribute('aria-hidden', 'true');
      const h = new maplibregl.Marker({ element: el, draggable: true })
        .setLngLat(offsetM(sel.position, sel.trigger.radiusM, 0))
        .addTo(map);
      const radiusAt = (): number =>
        Math.max(5, Math.round(distanceM(sel.position, roundLngLat(h.getLngLat()))));
      h.on('drag', () => setLiveRadius({ id: sel.id, r: radiusAt() }));
      h.on('dragend', () => {
        const r = radiusAt();
        setLiveRadius(null);
        void session.saveStop({ ...sel, trigger: { ...sel.trigger, radiusM: r } });
      });
      handle.current = h;
    }
  });
  useEffect(
    () => () => {
      for (const m of markers.current.values()) m.remove();
      markers.current.clear();
      handle.current?.remove();
      handleKey.current = '';
    },
    [map],
  );

  const sel = stops.find((s) => s.id === selected);
  const offline = tour.map.offline ?? { minZoom: 12, maxZoom: 17 };
  const estimate = offlineTiles(tour.map.bounds, offline.minZoom, offline.maxZoom);
  const lengthM = lineLengthM(route);

  const importRoute = async (file: File): Promise<void> => {
    setError(null);
    try {
      const text = await file.text();
      const format = /\.gpx$/i.test(file.name) || text.trimStart().startsWith('<') ? 'gpx' : 'geojson';
      await api.importRoute(session.tourId, text, format, session.snapshot.route?.etag ?? '');
      await session.load();
    } catch (err) {
      setError(err as Error);
    }
  };

  return (
    <div className="map-editor">
      <div className="toolbar" role="toolbar" aria-label={t('tabMap')}>
        <fieldset className="modes">
          <legend className="visually-hidden">{t('tabMap')}</legend>
          {(
            [
              ['select', 'modeSelect'],
              ['add-stop', 'modeAddStop'],
              ['draw-route', 'modeDrawRoute'],
            ] as const
          ).map(([m, key]) => (
            <label key={m} className={mode === m ? 'mode active' : 'mode'}>
              <input
                type="radio"
                name="map-mode"
                value={m}
                checked={mode === m}
                onChange={() => {
                  setMode(m);
                  setDraft([]);
                }}
              />
              {t(key)}
            </label>
          ))}
        </fieldset>
        <button
          type="button"
          disabled={stops.length < 2}
          onClick={() => void session.saveRoute(stops.map((s) => s.position))}
        >
          {t('routeThroughStops')}
        </button>
        <label className="file-button">
          {t('importRoute')}
          <input
            type="file"
            accept=".gpx,.geojson,.json,application/gpx+xml,application/geo+json"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void importRoute(f);
              e.target.value = '';
            }}
          />
        </label>
        <button
          type="button"
          disabled={stops.length === 0}
          onClick={() =>
            void session.saveTour({
              ...tour,
              map: {
                ...tour.map,
                bounds: boundsOf([...stops.map((s) => s.position), ...route], 150).map(
                  round,
                ) as TourDoc['map']['bounds'],
              },
            })
          }
        >
          {t('fitBounds')}
        </button>
      </div>
      <p className="hint" role="status">
        {mode === 'add-stop' ? t('addStopHint') : mode === 'draw-route' ? t('drawRouteHint') : ''}
      </p>
      {mode === 'draw-route' && (
        <div className="row">
          <button
            type="button"
            disabled={draft.length < 2}
            onClick={() => {
              void session.saveRoute(draft).then(() => {
                setDraft([]);
                setMode('select');
              });
            }}
          >
            {t('finishRoute')}
          </button>
          <button type="button" onClick={() => setDraft([])}>
            {t('cancel')}
          </button>
        </div>
      )}
      <ErrorNote error={error} />
      <div className="map-and-panel">
        {/* maplibre adds its own classes to the container: React must not own its className. */}
        <div className={`map-frame mode-${mode}`}>
          <div
            ref={container}
            className="map"
            data-testid="editor-map"
            data-ready={map ? 'yes' : 'no'}
            role="region"
            aria-label={t('mapLabel')}
          />
        </div>
        <section className="side-panel" aria-labelledby="map-facts">
          <h2 id="map-facts">{t('offlineArea')}</h2>
          <p>
            {t('offlineEstimate', {
              tiles: estimate.tiles,
              min: offline.minZoom,
              max: offline.maxZoom,
              size: formatBytes(estimate.bytes, locale),
            })}
          </p>
          <p>
            {t('routeLength', {
              points: route.length,
              length: lengthM >= 1000 ? `${(lengthM / 1000).toFixed(2)} km` : `${Math.round(lengthM)} m`,
            })}
          </p>
          <h2 id="map-stops">{t('stopList')}</h2>
          <ol className="map-stop-list" aria-labelledby="map-stops">
            {stops.map((s) => {
              const title = textIn(s.title, locale);
              return (
                <li key={s.id}>
                  <button
                    type="button"
                    className="link"
                    aria-pressed={s.id === selected}
                    onClick={() => setSelected(s.id)}
                  >
                    <span lang={title.lang}>{title.text || s.id}</span>
                  </button>
                </li>
              );
            })}
          </ol>
          {sel && (
            <StopFields
              key={`${sel.id}:${snap.stops[sel.id]?.etag}`}
              stop={sel}
              session={session}
              setSelected={setSelected}
            />
          )}
        </section>
      </div>
    </div>
  );
}

function StopFields({
  stop,
  session,
  setSelected,
}: {
  stop: StopDoc;
  session: TourSession;
  setSelected: (id: string | null) => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(stop);
  const file = `stops/${stop.id}.json`;
  const trig = (k: keyof StopDoc['trigger']) => (n: number) =>
    setDraft({ ...draft, trigger: { ...draft.trigger, [k]: n } });
  return (
    // noValidate: the format's own validation (live, beside the screen) is the one source of errors.
    <form
      noValidate
      className="stop-fields"
      aria-labelledby="sel-stop"
      onSubmit={(e) => {
        e.preventDefault();
        void session.saveStop(draft);
      }}
    >
      <h2 id="sel-stop">
        {t('selectedStop')} <code>{stop.id}</code>
      </h2>
      <label>
        {t('stopTitle')} (fr)
        <input
          id={fieldId(file, '/title')}
          lang="fr"
          value={draft.title.fr ?? ''}
          onChange={(e) => setDraft({ ...draft, title: { ...draft.title, fr: e.target.value } })}
        />
      </label>
      <NumberField
        id={fieldId(file, '/position')}
        label={t('longitude')}
        value={draft.position[0]}
        min={-180}
        max={180}
        step="any"
        onChange={(n) => setDraft({ ...draft, position: [n, draft.position[1]] })}
      />
      <NumberField
        label={t('latitude')}
        value={draft.position[1]}
        min={-90}
        max={90}
        step="any"
        onChange={(n) => setDraft({ ...draft, position: [draft.position[0], n] })}
      />
      <NumberField
        id={fieldId(file, '/trigger/radiusM')}
        label={t('radius')}
        value={draft.trigger.radiusM}
        min={1}
        onChange={trig('radiusM')}
      />
      <NumberField
        id={fieldId(file, '/trigger/dwellS')}
        label={t('dwell')}
        value={draft.trigger.dwellS}
        min={0}
        onChange={trig('dwellS')}
      />
      <NumberField
        id={fieldId(file, '/trigger/minAccuracyM')}
        label={t('minAccuracy')}
        value={draft.trigger.minAccuracyM}
        min={1}
        onChange={trig('minAccuracyM')}
      />
      <div className="row">
        <button type="submit">{t('save')}</button>
        <button
          type="button"
          className="danger"
          onClick={() => void session.removeStop(stop.id).then(() => setSelected(null))}
        >
          {t('deleteStop')}
        </button>
      </div>
    </form>
  );
}
