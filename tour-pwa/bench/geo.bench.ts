// Per-fix cost of the geofencer over 50,000 indexed points, next to a linear scan of the same points.
// Run: npx tsx tour-pwa/bench/geo.bench.ts   (prints figures; asserts nothing)
import { performance } from 'node:perf_hooks';
import {
  createGeofencer,
  createPointIndex,
  distanceM,
  ENTER_ACCURACY_FACTOR,
  walkFixes,
  type Fix,
  type GeofenceStop,
  type LngLat,
} from '../src/geo/index';
import { seededRandom } from '../src/geo/random';

const POINTS = 50_000;
const FIXES = 12_000;
// The Dunkirk agglomeration, Bray-Dunes to Gravelines: about 32 km × 17 km.
const [WEST, SOUTH, EAST, NORTH] = [2.15, 50.95, 2.6, 51.1];

const rand = seededRandom(1940);
const at = (): LngLat => [WEST + rand() * (EAST - WEST), SOUTH + rand() * (NORTH - SOUTH)];
const stops: GeofenceStop[] = Array.from({ length: POINTS }, (_, i) => ({
  id: `p${i}`,
  position: at(),
  radiusM: 20 + Math.floor(rand() * 30),
  dwellS: Math.floor(rand() * 10),
  minAccuracyM: 30,
}));

// A long noisy walk across the area: a fix every 5 m, 10 m Gaussian noise.
const route: LngLat[] = Array.from({ length: 40 }, at);
const fixes = walkFixes(route, { everyM: 5, noiseM: 10, accuracyM: 10, seed: 6, speedMps: 1.4 }).slice(
  0,
  FIXES,
);
if (fixes.length < FIXES) throw new Error(`only ${fixes.length} fixes; lengthen the route`);

/** What a geofencer without an index must do for each fix: test every zone. */
function linearScan(fix: Fix): number {
  let inside = 0;
  const slackOf = (r: number) => ENTER_ACCURACY_FACTOR * Math.min(fix.accuracyM, r);
  for (const s of stops) if (distanceM(fix.position, s.position) + slackOf(s.radiusM) <= s.radiusM) inside++;
  return inside;
}

function time(label: string, run: (f: Fix) => unknown): void {
  for (const f of fixes.slice(0, 500)) run(f); // warm-up (JIT)
  const ms: number[] = [];
  let sink = 0; // results are summed so the engine cannot skip the work
  for (const f of fixes) {
    const t0 = performance.now();
    const r = run(f);
    ms.push(performance.now() - t0);
    sink += Array.isArray(r) ? r.length : Number(r);
  }
  ms.sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!;
  const us = (x: number) => `${(x * 1000).toFixed(1).padStart(8)} µs`;
  console.log(
    `${label.padEnd(34)} median ${us(q(0.5))}   p99 ${us(q(0.99))}   max ${us(ms[ms.length - 1]!)}   (${sink})`,
  );
}

console.log(
  `geo bench: ${POINTS} points, ${fixes.length} fixes (5 m apart, 10 m noise), Node ${process.version}`,
);
const t0 = performance.now();
const warm = createGeofencer(stops, { order: 'any' });
console.log(`createGeofencer (builds the kd-tree)  ${(performance.now() - t0).toFixed(1)} ms`);
for (const f of fixes.slice(0, 500)) warm.update(f);

const g = createGeofencer(stops, { order: 'any' });
time('geofencer.update (kd-tree)', (f) => g.update(f));
time('linear scan of the same points', linearScan);
const index = createPointIndex(stops);
time('pointIndex.around(200 m)', (f) => index.around(f.position, 200));
