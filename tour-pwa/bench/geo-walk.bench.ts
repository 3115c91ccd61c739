// How reliably a noisy walk fires every stop: seeded walks over synthetic tours with various zones,
// and over the tours in content/tours/. Run: npx tsx tour-pwa/bench/geo-walk.bench.ts (prints figures).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  createGeofencer,
  parseRouteGeoJson,
  walkFixes,
  type GeofenceStop,
  type LngLat,
} from '../src/geo/index';
import { syntheticTour } from '../src/geo/testing';

const WALKS = 300;

function rate(
  label: string,
  stops: GeofenceStop[],
  route: LngLat[],
  accuracyM: number,
  noiseCorrelationS = 0,
): void {
  let complete = 0;
  let missed = 0;
  let outOfOrder = 0;
  for (let seed = 0; seed < WALKS; seed++) {
    const g = createGeofencer(stops, { order: 'any' });
    const got = walkFixes(route, { everyM: 5, noiseM: 10, accuracyM, seed, noiseCorrelationS })
      .flatMap((f) => g.update(f))
      .flatMap((e) => (e.type === 'arrive' ? [e.stopId] : []));
    if (got.length === stops.length) complete++;
    missed += stops.length - got.length;
    if (
      got.some(
        (id, i) => i > 0 && stops.findIndex((s) => s.id === id) < stops.findIndex((s) => s.id === got[i - 1]),
      )
    )
      outOfOrder++;
  }
  console.log(
    `${label.padEnd(44)} complete ${String(complete).padStart(3)}/${WALKS}   missed stops ${String(missed).padStart(3)}/${WALKS * stops.length}   out of order ${outOfOrder}`,
  );
}

console.log(
  `${WALKS} seeded walks each: a fix every 5 m, 10 m Gaussian noise per axis (white unless τ given), order 'any'`,
);
for (const [r, dwell, acc] of [
  [15, 0, 10],
  [20, 0, 10],
  [25, 5, 10],
  [25, 5, 20],
  [40, 10, 25],
] as const) {
  const { stops, route } = syntheticTour(8, 250, { radiusM: r, dwellS: dwell, minAccuracyM: 30 });
  rate(`synthetic: 8 stops, r ${r} m, dwell ${dwell} s, acc ${acc} m`, stops, route, acc);
}

for (const tau of [10, 30, 60]) {
  const { stops, route } = syntheticTour(8, 250, { radiusM: 25, dwellS: 5, minAccuracyM: 30 });
  rate(`synthetic: r 25 m, dwell 5 s, noise drifting τ ${tau} s`, stops, route, 10, tau);
}

const toursDir = fileURLToPath(new URL('../../content/tours/', import.meta.url));
for (const id of existsSync(toursDir) ? readdirSync(toursDir) : []) {
  const dir = `${toursDir}${id}/`;
  if (!existsSync(`${dir}tour.json`) || !existsSync(`${dir}route.geojson`)) continue;
  const tour = JSON.parse(readFileSync(`${dir}tour.json`, 'utf8')) as { stops: string[] };
  const stops = tour.stops.map((s): GeofenceStop => {
    const stop = JSON.parse(readFileSync(`${dir}stops/${s}.json`, 'utf8')) as {
      id: string;
      position: LngLat;
      trigger: Omit<GeofenceStop, 'id' | 'position'>;
    };
    return { id: stop.id, position: stop.position, ...stop.trigger };
  });
  const route = parseRouteGeoJson(JSON.parse(readFileSync(`${dir}route.geojson`, 'utf8')));
  rate(`content/tours/${id} (${stops.length} stops), acc 10 m`, stops, route, 10);
  rate(`content/tours/${id}, noise drifting τ 30 s`, stops, route, 10, 30);
}
