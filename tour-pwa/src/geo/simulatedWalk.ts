import { alongRoute, bearingDeg, destination, distanceM } from './distances';
import { GeoError } from './GeoError';
import type { PositionSource } from './positionSource';
import { gaussian, seededRandom } from './random';
import type { Fix, LngLat } from './types';

export interface WalkFixesOptions {
  /** Distance between successive true positions along the route. */
  everyM: number;
  /** Standard deviation, in metres, of the Gaussian error added independently east and north. */
  noiseM: number;
  /**
   * Time constant of the error, in seconds. 0 (default): a fresh error for every fix. Above 0, the error
   * drifts as a first-order Gauss–Markov process, as a real receiver's does (multipath and atmosphere
   * change slowly), keeping `noiseM` as its standard deviation.
   */
  noiseCorrelationS?: number;
  /** The `accuracyM` each fix reports. */
  accuracyM: number;
  seed: number;
  /** Walking speed that spaces the timestamps (default 1.4 m/s). */
  speedMps?: number;
  /** Timestamp of the first fix (default 0). */
  startAt?: number;
}

export interface SimulatedWalkOptions {
  speedMps: number;
  /** Time between fixes. */
  intervalMs: number;
  /** See {@link WalkFixesOptions.noiseM}; default 0. */
  noiseM?: number;
  /** See {@link WalkFixesOptions.noiseCorrelationS}; default 0. */
  noiseCorrelationS?: number;
  /** Default 5 m. */
  accuracyM?: number;
  /** Default 1. */
  seed?: number;
  /** Runs `fn` after `ms`, returns a cancel function. Default: setTimeout; tests pass a fake clock. */
  schedule?: (fn: () => void, ms: number) => () => void;
  /** Clock read once at start for the first timestamp. Default Date.now. */
  now?: () => number;
}

export const DEFAULT_WALK_SPEED_MPS = 1.4;

/**
 * The fixes a visitor would produce walking `route`: one every `everyM` metres (plus the route's end),
 * timestamped at `speedMps`, with seeded Gaussian noise. The same options always give the same fixes.
 */
export function walkFixes(route: LngLat[], opts: WalkFixesOptions): Fix[] {
  return [...walk(route, opts)];
}

/**
 * A position source that walks `route` in real (or scheduled) time: one fix every `intervalMs`,
 * `speedMps · intervalMs` metres apart, then stops at the route's end.
 */
export function simulatedWalk(route: LngLat[], opts: SimulatedWalkOptions): PositionSource {
  if (!(opts.intervalMs > 0)) throw new GeoError('OPTION_INVALID', { field: 'intervalMs' });
  const schedule = opts.schedule ?? defaultSchedule;
  const now = opts.now ?? Date.now;
  return {
    start(onFix) {
      const fixes = walk(route, {
        everyM: (opts.speedMps * opts.intervalMs) / 1000,
        speedMps: opts.speedMps,
        noiseM: opts.noiseM ?? 0,
        noiseCorrelationS: opts.noiseCorrelationS ?? 0,
        accuracyM: opts.accuracyM ?? 5,
        seed: opts.seed ?? 1,
        startAt: now(),
      });
      let stopped = false;
      let cancel: () => void = () => {};
      const tick = () => {
        if (stopped) return;
        const next = fixes.next();
        if (next.done) return;
        onFix(next.value);
        if (!stopped) cancel = schedule(tick, opts.intervalMs);
      };
      cancel = schedule(tick, 0);
      return () => {
        stopped = true;
        cancel();
      };
    },
  };
}

function* walk(route: LngLat[], opts: WalkFixesOptions): Generator<Fix> {
  const speed = opts.speedMps ?? DEFAULT_WALK_SPEED_MPS;
  if (!(speed > 0) || !Number.isFinite(speed)) throw new GeoError('OPTION_INVALID', { field: 'speedMps' });
  if (!(opts.noiseM >= 0)) throw new GeoError('OPTION_INVALID', { field: 'noiseM' });
  const tau = opts.noiseCorrelationS ?? 0;
  if (!(tau >= 0)) throw new GeoError('OPTION_INVALID', { field: 'noiseCorrelationS' });
  if (!(opts.accuracyM >= 0)) throw new GeoError('OPTION_INVALID', { field: 'accuracyM' });
  if (route.length < 2) throw new GeoError('ROUTE_TOO_SHORT', { field: 'route' });
  const points = alongRoute(route, opts.everyM);
  const normal = gaussian(seededRandom(opts.seed));
  const startAt = opts.startAt ?? 0;
  let travelled = 0;
  let prevTime = 0;
  let east = 0;
  let north = 0;
  for (let i = 0; i < points.length; i++) {
    const truth = points[i]!;
    if (i > 0) travelled += distanceM(points[i - 1]!, truth);
    const ahead = points[i + 1] ?? truth;
    const heading = i + 1 < points.length ? bearingDeg(truth, ahead) : null;
    // Gauss–Markov: keep φ of the previous error, add fresh noise scaled so the variance stays noiseM².
    const time = travelled / speed;
    const phi = i === 0 || tau === 0 ? 0 : Math.exp(-(time - prevTime) / tau);
    const fresh = Math.sqrt(1 - phi * phi) * opts.noiseM;
    east = phi * east + fresh * normal();
    north = phi * north + fresh * normal();
    prevTime = time;
    const offset = Math.hypot(east, north);
    const position =
      offset === 0 ? truth : destination(truth, (Math.atan2(east, north) * 180) / Math.PI, offset);
    yield {
      position,
      accuracyM: opts.accuracyM,
      timestamp: startAt + Math.round((travelled / speed) * 1000),
      headingDeg: heading,
      speedMps: i + 1 < points.length ? speed : 0,
    };
  }
}

function defaultSchedule(fn: () => void, ms: number): () => void {
  const handle = setTimeout(fn, ms);
  return () => clearTimeout(handle);
}
