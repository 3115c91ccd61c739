// Helpers shared by the geo tests (not exported from index.ts).
import { destination } from './distances';
import type { GeofenceStop } from './geofencer';
import type { LngLat } from './types';

/** Property-test budget: short in `npm test`, long when FUZZ is set (`npm run fuzz`). */
export const RUNS = process.env.FUZZ ? 20_000 : 150;
export const SEED = 20260526;

/** Near the Dunkirk belfry: the origin of the synthetic tours. */
export const DUNKIRK: LngLat = [2.3767, 51.0341];

/**
 * A synthetic tour: `count` stops joined by a zig-zag route that never doubles back, each leg
 * `legM` long with a bend in the middle, so the route passes through each stop exactly once.
 */
export function syntheticTour(
  count: number,
  legM = 250,
  trigger: Omit<GeofenceStop, 'id' | 'position'> = { radiusM: 25, dwellS: 5, minAccuracyM: 30 },
): { stops: GeofenceStop[]; route: LngLat[] } {
  let here = destination(DUNKIRK, 270, 60);
  const route: LngLat[] = [here];
  const stops: GeofenceStop[] = [];
  for (let i = 0; i < count; i++) {
    const bend = destination(here, i % 2 === 0 ? 45 : 135, legM / 2);
    here = destination(bend, 90, legM / 2);
    route.push(bend, here);
    stops.push({ id: `stop-${i + 1}`, position: here, ...trigger });
  }
  route.push(destination(here, 90, 80));
  return { stops, route };
}
