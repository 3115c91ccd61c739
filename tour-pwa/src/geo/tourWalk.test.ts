// Specification: walking a tour with a realistic, noisy GPS fires every stop once, in order,
// and standing at one stop never fires another.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { destination } from './distances';
import { createGeofencer, type GeofenceEvent, type GeofenceStop } from './geofencer';
import { parseRouteGeoJson } from './parseRouteGeoJson';
import { gaussian, seededRandom } from './random';
import { walkFixes } from './simulatedWalk';
import { RUNS, SEED, syntheticTour } from './testing';
import type { Fix, LngLat } from './types';

const WALK = { everyM: 5, noiseM: 10, accuracyM: 10 } as const;
const SEEDS = Array.from({ length: 12 }, (_, i) => 1000 + i);

function arrivals(stops: GeofenceStop[], fixes: Fix[], order: 'sequential' | 'any' = 'sequential'): string[] {
  const g = createGeofencer(stops, { order });
  const events: GeofenceEvent[] = fixes.flatMap((f) => g.update(f));
  return events.flatMap((e) => (e.type === 'arrive' ? [e.stopId] : []));
}

/** Fixes scattered around `p` as a visitor standing there for `n` fixes would produce. */
function standingAt(p: LngLat, n: number, seed: number): Fix[] {
  const normal = gaussian(seededRandom(seed));
  return Array.from({ length: n }, (_, i) => {
    const east = normal() * WALK.noiseM;
    const north = normal() * WALK.noiseM;
    const position = destination(p, (Math.atan2(east, north) * 180) / Math.PI, Math.hypot(east, north));
    return { position, accuracyM: WALK.accuracyM, timestamp: i * 3000 };
  });
}

function checkTour(stops: GeofenceStop[], route: LngLat[]): void {
  const ids = stops.map((s) => s.id);
  for (const seed of SEEDS) {
    const fixes = walkFixes(route, { ...WALK, seed });
    expect(arrivals(stops, fixes), `seed ${seed}`).toEqual(ids);
    expect(arrivals(stops, fixes, 'any'), `seed ${seed}, order any`).toEqual(ids);
  }
  for (const [i, stop] of stops.entries()) {
    // Five minutes at this stop, order 'any' so that every other stop is free to (wrongly) fire.
    const fired = arrivals(stops, standingAt(stop.position, 100, 77 + i), 'any');
    expect(fired, `standing at ${stop.id}`).toEqual([stop.id]);
  }
}

describe('walking a synthetic tour (8 stops, 25 m zones, 5 s dwell, fix every 5 m, 10 m noise)', () => {
  it('fires every stop once, in order, for every seed; nothing fires from another stop’s position', () => {
    const { stops, route } = syntheticTour(8);
    checkTour(stops, route);
  });

  it('fires them all with 40 m zones, a 10 s dwell and fixes reporting 25 m accuracy', () => {
    const { stops, route } = syntheticTour(8, 250, { radiusM: 40, dwellS: 10, minAccuracyM: 30 });
    for (const seed of SEEDS) {
      const fixes = walkFixes(route, { ...WALK, accuracyM: 25, seed });
      expect(arrivals(stops, fixes), `seed ${seed}`).toEqual(stops.map((s) => s.id));
    }
  });

  it('fires them all with 40 m zones when the error drifts slowly (τ 30 s), as a real receiver’s does', () => {
    const { stops, route } = syntheticTour(8, 250, { radiusM: 40, dwellS: 8, minAccuracyM: 35 });
    for (const seed of SEEDS) {
      const fixes = walkFixes(route, { ...WALK, noiseCorrelationS: 30, seed });
      expect(arrivals(stops, fixes), `seed ${seed}`).toEqual(stops.map((s) => s.id));
    }
  });

  it('never fires a stop twice or out of order, whatever the tour’s shape, zones and noise', () => {
    fc.assert(
      fc.property(
        fc.record({
          count: fc.integer({ min: 1, max: 10 }),
          legM: fc.integer({ min: 150, max: 400 }),
          radiusM: fc.integer({ min: 10, max: 60 }),
          dwellS: fc.integer({ min: 0, max: 15 }),
          noiseM: fc.integer({ min: 0, max: 25 }),
          noiseCorrelationS: fc.constantFrom(0, 10, 60),
          accuracyM: fc.integer({ min: 3, max: 40 }),
          seed: fc.integer(),
        }),
        ({ count, legM, radiusM, dwellS, noiseM, noiseCorrelationS, accuracyM, seed }) => {
          const { stops, route } = syntheticTour(count, legM, { radiusM, dwellS, minAccuracyM: 30 });
          const fired = arrivals(
            stops,
            walkFixes(route, { everyM: 5, noiseM, noiseCorrelationS, accuracyM, seed }),
            'any',
          );
          const order = fired.map((id) => stops.findIndex((s) => s.id === id));
          expect(order).toEqual([...new Set(order)].sort((a, b) => a - b));
        },
      ),
      { seed: SEED, numRuns: Math.ceil(RUNS / 5) },
    );
  });

  it('fires nothing when every fix is too imprecise for the stops', () => {
    const { stops, route } = syntheticTour(8);
    expect(arrivals(stops, walkFixes(route, { ...WALK, accuracyM: 200, seed: 1 }))).toEqual([]);
  });
});

// The tours committed under content/tours/ (the sample and the Operation Dynamo tours), read from source.
const toursDir = fileURLToPath(new URL('../../../content/tours/', import.meta.url));
const tourIds = existsSync(toursDir)
  ? readdirSync(toursDir).filter(
      (id) => existsSync(`${toursDir}${id}/tour.json`) && existsSync(`${toursDir}${id}/route.geojson`),
    )
  : [];

function readTour(id: string): { stops: GeofenceStop[]; route: LngLat[] } {
  const dir = `${toursDir}${id}/`;
  const tour = JSON.parse(readFileSync(`${dir}tour.json`, 'utf8')) as { stops: string[] };
  const stops = tour.stops.map((stopId): GeofenceStop => {
    const s = JSON.parse(readFileSync(`${dir}stops/${stopId}.json`, 'utf8')) as {
      id: string;
      position: LngLat;
      trigger: { radiusM: number; dwellS: number; minAccuracyM: number };
    };
    return { id: s.id, position: s.position, ...s.trigger };
  });
  return { stops, route: parseRouteGeoJson(JSON.parse(readFileSync(`${dir}route.geojson`, 'utf8'))) };
}

describe.skipIf(tourIds.length === 0).each(tourIds)('walking content/tours/%s', (id) => {
  it('fires every stop once, in order; nothing fires from another stop’s position', () => {
    const { stops, route } = readTour(id);
    checkTour(stops, route);
  });
});
