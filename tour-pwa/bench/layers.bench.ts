// Layer bytes per tour (budget: 300 KB gzip for all layers of a tour), and the time to answer
// "next departures" over a synthetic timetable of 100,000 stop_times (target: 20 ms).
// Run: npx tsx tour-pwa/bench/layers.bench.ts   (prints figures; asserts nothing)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { seededRandom } from '../src/geo/random';
import { compactTimetable, decodeLayers, nextDepartures, parseLayers, type GtfsFeed } from '@dunkirk/content';
import { planJourney } from '../src/layers/journey';

const KB = 1024;
const tours = fileURLToPath(new URL('../../content/tours/', import.meta.url));

console.log('Layer bytes per tour (layers.json as the package carries it: compact JSON)');
console.log('tour                 points  stops  calls   json bytes   gzip bytes   of the 300 KB budget');
for (const id of readdirSync(tours).sort()) {
  const file = join(tours, id, 'layers', 'layers.json');
  if (!existsSync(file)) continue;
  const doc = decodeLayers(readFileSync(file));
  const json = Buffer.from(JSON.stringify(doc));
  const gz = gzipSync(json, { level: 9 }).byteLength;
  const calls = doc.timetable?.departures.reduce((n, d) => n + d.t.length, 0) ?? 0;
  console.log(
    `${id.padEnd(20)} ${String(doc.points.length).padStart(6)} ${String(doc.timetable?.stops.length ?? 0).padStart(6)} ` +
      `${String(calls).padStart(6)} ${String(json.byteLength).padStart(12)} ${String(gz).padStart(12)}   ` +
      `${((100 * gz) / (300 * KB)).toFixed(1)} %`,
  );
}

// A synthetic town network: 250 stops, 40 routes of 25 stops, 4,000 trips from 05:00 to past 01:00
// (times up to 25:59), three services with holidays: 100,000 stop_times in all.
const rand = seededRandom(1940);
const STOPS = 250;
const ROUTES = 40;
const STOPS_PER_ROUTE = 25;
const TRIPS = 4000;
const feed: GtfsFeed = {
  agency: { name: 'synthetic', timezone: 'Europe/Paris' },
  stops: Array.from({ length: STOPS }, (_, i) => ({
    stopId: `s${i}`,
    name: `Stop ${i}`,
    position: [2.3 + rand() * 0.2, 51 + rand() * 0.08],
  })),
  routes: Array.from({ length: ROUTES }, (_, i) => ({ routeId: `r${i}`, shortName: `${i + 1}` })),
  trips: [],
  stopTimes: [],
  calendar: [
    { serviceId: 'weekday', days: 0b0011111, start: 20260101, end: 20261231 },
    { serviceId: 'saturday', days: 0b0100000, start: 20260101, end: 20261231 },
    { serviceId: 'sunday', days: 0b1000000, start: 20260101, end: 20261231 },
  ],
  calendarDates: [20260501, 20260508, 20260714, 20260815, 20261111].flatMap((date) => [
    { serviceId: 'weekday', date, exceptionType: 2 as const },
    { serviceId: 'sunday', date, exceptionType: 1 as const },
  ]),
};
const routeStops = Array.from({ length: ROUTES }, () =>
  Array.from({ length: STOPS_PER_ROUTE }, () => `s${Math.floor(rand() * STOPS)}`),
);
for (let t = 0; t < TRIPS; t++) {
  const r = t % ROUTES;
  const service = ['weekday', 'weekday', 'weekday', 'saturday', 'sunday'][t % 5] as string;
  feed.trips.push({ tripId: `t${t}`, routeId: `r${r}`, serviceId: service, headsign: `Terminus ${r}` });
  let minute = 300 + Math.floor(rand() * 1200);
  (routeStops[r] as string[]).forEach((stopId, seq) => {
    feed.stopTimes.push({ tripId: `t${t}`, stopId, sequence: seq, departureMinute: minute });
    minute += 1 + Math.floor(rand() * 3);
  });
}

let t0 = performance.now();
const tt = compactTimetable(feed, { source: 'synthetic' });
const compactMs = performance.now() - t0;
const doc = {
  layersVersion: 1 as const,
  tour: 'synthetic',
  sources: { synthetic: { name: 's', licence: 'CC0-1.0', attribution: 's' } },
  points: [],
  timetable: tt,
};
const json = JSON.stringify(doc);
t0 = performance.now();
parseLayers(JSON.parse(json));
const parseMs = performance.now() - t0;

// The first query of a date computes which services run that day; later ones reuse it.
t0 = performance.now();
nextDepartures(tt, 0, { date: 20260601, minute: 480 }, { limit: 8 });
const coldMs = performance.now() - t0;

const QUERIES = 20_000;
const dates = [20260526, 20260530, 20260531, 20260714, 20260527];
const times: number[] = [];
let answered = 0;
for (let i = 0; i < QUERIES; i++) {
  const stop = Math.floor(rand() * STOPS);
  const at = { date: dates[i % dates.length] as number, minute: Math.floor(rand() * 1440) };
  const start = performance.now();
  answered += nextDepartures(tt, stop, at, { limit: 8 }).length;
  times.push(performance.now() - start);
}
const journeyTimes: number[] = [];
for (let i = 0; i < 2000; i++) {
  const from = feed.stops[Math.floor(rand() * STOPS)]!.position;
  const to = feed.stops[Math.floor(rand() * STOPS)]!.position;
  const start = performance.now();
  planJourney(tt, from, to, { date: 20260526, minute: 360 + Math.floor(rand() * 900) });
  journeyTimes.push(performance.now() - start);
}
const q = (list: number[], p: number): number =>
  [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(p * list.length))] as number;
const ms = (v: number): string => `${v < 0.1 ? v.toFixed(4) : v.toFixed(3)} ms`;

console.log('');
console.log(
  `Synthetic timetable: ${feed.stopTimes.length.toLocaleString('en')} stop_times, ${STOPS} stops, ${TRIPS} trips`,
);
console.log(
  `  compact JSON ${(json.length / KB).toFixed(0)} KB, gzip ${(gzipSync(json, { level: 9 }).byteLength / KB).toFixed(0)} KB; compactTimetable ${compactMs.toFixed(0)} ms; parseLayers (schema + checks) ${parseMs.toFixed(0)} ms`,
);
console.log(
  `  nextDepartures (limit 8, ${QUERIES.toLocaleString('en')} queries, ${(answered / QUERIES).toFixed(1)} answers each): median ${ms(q(times, 0.5))}, p99 ${ms(q(times, 0.99))}, max ${ms(Math.max(...times))} (target ≤ 20 ms); first query of a new date ${ms(coldMs)}`,
);
console.log(
  `  planJourney (3 nearest stops each end, 2,000 queries): median ${ms(q(journeyTimes, 0.5))}, p99 ${ms(q(journeyTimes, 0.99))}, max ${ms(Math.max(...journeyTimes))}`,
);
