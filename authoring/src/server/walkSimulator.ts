import type { LngLat } from '@dunkirk/content';
import { distanceM, gaussian, offsetM, resample, seededRandom } from './geo';
import type { TracePoint } from './routeImport';

/**
 * The walk simulator of the editor. `@dunkirk/tour-pwa/geo` is not exported as a documented entry and
 * authoring may not import tour-pwa sources, so this applies the same rules as the visitor app's
 * geofencer (tour-pwa/src/geo/geofencer.ts): a fix counts for a stop only if its accuracy ≤ the
 * stop's `minAccuracyM`; enter when `distance + ½·min(accuracy, radius) ≤ radius`; exit when
 * `distance − slack > radius + max(15, ¼·radius)`; arrive after `dwellS` inside, once, in tour order.
 */
export const ENTER_ACCURACY_FACTOR = 0.5;

export interface SimStop {
  id: string;
  position: LngLat;
  trigger: { radiusM: number; dwellS: number; minAccuracyM: number };
}

export interface WalkOptions {
  /** Walking speed, m/s (a visitor: about 1.2). Ignored for a timed GPX trace unless `replaySpeed`. */
  speedMps: number;
  /** Standard deviation of the horizontal GPS error, metres. */
  noiseM: number;
  /** The accuracy each fix reports, metres. */
  accuracyM: number;
  /** Seconds between fixes. */
  intervalS?: number;
  seed?: number;
}

export interface SimFix {
  t: number;
  position: LngLat;
  truePosition: LngLat;
  accuracyM: number;
}

export interface SimArrival {
  stopId: string;
  t: number;
  /** Distance from the true position to the stop when it fired. */
  distanceM: number;
  /** Distance along the walk past the closest approach when it fired (late triggers). */
  lateByM: number;
  /** The stop the walker was actually closest to when this one fired. */
  nearestStopId: string;
}

export interface ZoneSuggestion {
  stopId: string;
  kind: 'never-fired' | 'fires-late' | 'fires-from-other-stop' | 'out-of-order';
  currentRadiusM: number;
  suggestedRadiusM: number;
}

export interface WalkResult {
  fixes: SimFix[];
  arrivals: SimArrival[];
  suggestions: ZoneSuggestion[];
  durationS: number;
}

function timedPath(path: readonly TracePoint[], opts: WalkOptions): { t: number; position: LngLat }[] {
  const interval = opts.intervalS ?? 1;
  const timed = path.every((p) => p.time !== undefined) && opts.speedMps <= 0;
  if (timed) {
    const t0 = path[0]?.time ?? 0;
    return path.map((p) => ({ t: ((p.time ?? t0) - t0) / 1000, position: p.position }));
  }
  const step = Math.max(0.1, opts.speedMps) * interval;
  return resample(
    path.map((p) => p.position),
    step,
  ).map((position, i) => ({ t: i * interval, position }));
}

/** Replays a route or a recorded trace against the tour's trigger zones and reports when each stop fires. */
export function simulateWalk(
  stops: readonly SimStop[],
  path: readonly TracePoint[],
  opts: WalkOptions,
): WalkResult {
  const random = seededRandom(opts.seed ?? 1);
  const fixes: SimFix[] = timedPath(path, opts).map(({ t, position }) => ({
    t,
    truePosition: position,
    position: offsetM(position, gaussian(random) * opts.noiseM, gaussian(random) * opts.noiseM),
    accuracyM: opts.accuracyM,
  }));

  const insideSince = new Map<string, number>();
  const arrived = new Set<string>();
  let lastArrivedIndex = -1;
  const arrivals: SimArrival[] = [];
  const closest = new Map<string, { d: number; walkedM: number }>();
  let walkedM = 0;

  fixes.forEach((fix, k) => {
    if (k > 0) walkedM += distanceM((fixes[k - 1] as SimFix).truePosition, fix.truePosition);
    let nearest = { id: '', d: Infinity };
    for (const stop of stops) {
      const dTrue = distanceM(fix.truePosition, stop.position);
      if (dTrue < nearest.d) nearest = { id: stop.id, d: dTrue };
      const c = closest.get(stop.id);
      if (!c || dTrue < c.d) closest.set(stop.id, { d: dTrue, walkedM });
    }
    stops.forEach((stop, order) => {
      const { radiusM, dwellS, minAccuracyM } = stop.trigger;
      if (fix.accuracyM > minAccuracyM) return;
      const d = distanceM(fix.position, stop.position);
      const slack = ENTER_ACCURACY_FACTOR * Math.min(fix.accuracyM, radiusM);
      let since = insideSince.get(stop.id);
      if (since === undefined && d + slack <= radiusM) {
        since = fix.t;
        insideSince.set(stop.id, since);
      } else if (since !== undefined && d - slack > radiusM + Math.max(15, 0.25 * radiusM)) {
        since = undefined;
        insideSince.delete(stop.id);
      }
      if (
        since !== undefined &&
        !arrived.has(stop.id) &&
        order > lastArrivedIndex &&
        fix.t - since >= dwellS
      ) {
        arrived.add(stop.id);
        lastArrivedIndex = order;
        const c = closest.get(stop.id);
        arrivals.push({
          stopId: stop.id,
          t: fix.t,
          distanceM: distanceM(fix.truePosition, stop.position),
          lateByM: c ? walkedM - c.walkedM : 0,
          nearestStopId: nearest.id,
        });
      }
    });
  });

  return {
    fixes,
    arrivals,
    suggestions: suggestZones(stops, arrivals, closest, opts),
    durationS: fixes.at(-1)?.t ?? 0,
  };
}

/**
 * Zone sizes to try: a stop that never fired needs a radius reaching the walk (closest approach plus
 * the accuracy slack); one that fired well past its closest approach is too small for the dwell at this
 * speed; one that fired while the walker was nearer another stop overlaps it and should shrink below
 * half the distance between the two.
 */
function suggestZones(
  stops: readonly SimStop[],
  arrivals: readonly SimArrival[],
  closest: ReadonlyMap<string, { d: number }>,
  opts: WalkOptions,
): ZoneSuggestion[] {
  const out: ZoneSuggestion[] = [];
  const round5 = (m: number): number => Math.max(5, Math.ceil(m / 5) * 5);
  const slack = ENTER_ACCURACY_FACTOR * opts.accuracyM;
  for (const stop of stops) {
    const r = stop.trigger.radiusM;
    const a = arrivals.find((x) => x.stopId === stop.id);
    const approach = closest.get(stop.id)?.d ?? Infinity;
    if (!a) {
      if (Number.isFinite(approach)) {
        const dwellM = stop.trigger.dwellS * Math.max(opts.speedMps, 0.5);
        out.push({
          stopId: stop.id,
          kind: 'never-fired',
          currentRadiusM: r,
          suggestedRadiusM: round5(approach + slack + 2 * opts.noiseM + dwellM / 2),
        });
      }
      continue;
    }
    if (a.nearestStopId !== stop.id) {
      const other = stops.find((s) => s.id === a.nearestStopId);
      const gap = other ? distanceM(stop.position, other.position) : r;
      out.push({
        stopId: stop.id,
        kind: 'fires-from-other-stop',
        currentRadiusM: r,
        suggestedRadiusM: Math.max(5, Math.floor(Math.min(r, gap / 2 - slack) / 5) * 5),
      });
    } else if (a.lateByM > Math.max(r, 20)) {
      out.push({
        stopId: stop.id,
        kind: 'fires-late',
        currentRadiusM: r,
        suggestedRadiusM: round5(r + a.lateByM / 2),
      });
    }
  }
  return out;
}
