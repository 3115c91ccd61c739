import { bearingDeg, distanceM } from './distances';
import { createFixFilter, DEFAULT_MAX_SPEED_MPS } from './fixFilter';
import { GeoError } from './GeoError';
import { createPointIndex } from './pointIndex';
import { isLngLat, type Fix, type LngLat } from './types';

/** A trigger zone, as in a tour manifest's `stop.position` + `stop.trigger`. */
export interface GeofenceStop {
  id: string;
  position: LngLat;
  radiusM: number;
  dwellS: number;
  /** Fixes less precise than this (a larger `accuracyM`) never change this stop's state. */
  minAccuracyM: number;
}

export type GeofenceEvent =
  | { type: 'arrive'; stopId: string; at: number; manual?: boolean }
  | { type: 'enter' | 'exit'; stopId: string; at: number }
  | { type: 'ignored'; reason: 'accuracy' | 'jump'; at: number };

export interface GeofenceState {
  /** Stops that have arrived (each at most once). */
  visited: ReadonlySet<string>;
  /** The nearest stop whose zone the visitor is in, or null. */
  inside: string | null;
  /** The stop the visitor should walk to next, or null when none is left. */
  nextStopId: string | null;
}

export interface Geofencer {
  /** Feed one fix; returns what happened, exits first, then enters, then arrivals, each in tour order. */
  update(fix: Fix): GeofenceEvent[];
  /** The visitor's "I'm here" button: arrives `stopId` now unless it already has. */
  arriveManually(stopId: string, at: number): GeofenceEvent[];
  /** A snapshot; the same object until something changes (fit for React's useSyncExternalStore). */
  readonly state: GeofenceState;
  next(from: LngLat): { stopId: string; distanceM: number; bearingDeg: number } | null;
  /** Resume a tour in progress: replaces the visited set (unknown ids are skipped) and forgets zones and fixes. */
  restore(visited: Iterable<string>): void;
}

export interface GeofencerOptions {
  /** Extra distance past the radius before an exit counts. Default max(15, 0.25 · radius) per stop. */
  exitMarginM?: number;
  /**
   * `sequential` (default): a stop may arrive only if it comes after every visited stop in tour order, so
   * a skipped stop stays skipped and walking back past it fires nothing. `any`: any unvisited stop may arrive.
   */
  order?: 'sequential' | 'any';
  /** Fixes less precise than this are `ignored` with reason `accuracy`. Default: the largest stop `minAccuracyM`. */
  maxAccuracyM?: number;
  /** Movement faster than this is `ignored` as a `jump` (see createFixFilter). Default 12 m/s. */
  maxSpeedMps?: number;
}

/**
 * How much of the fix's uncertainty must fit inside the zone. With
 * `slack = ENTER_ACCURACY_FACTOR · min(accuracyM, radiusM)`: enter when `distance + slack ≤ radiusM`,
 * exit when `distance − slack > radiusM + exitMarginM`. Half the (95 %) accuracy radius keeps a noisy
 * fix at the zone's edge from entering; the cap at the radius keeps the inner half of the zone
 * reachable by any fix the stop's `minAccuracyM` accepts.
 */
export const ENTER_ACCURACY_FACTOR = 0.5;

/** A stop as the index holds it: the index hands back these very objects. */
interface Zone {
  id: string;
  position: LngLat;
  stop: GeofenceStop;
  order: number;
  marginM: number;
}

/**
 * Enter/exit hysteresis, dwell and once-only arrival over a tour's stops. Each fix looks up only the
 * stops near it in a kd-tree, plus the few zones it is already inside, so cost does not grow with
 * the number of stops. Throws `POINT_INVALID` for a stop with a bad field or a duplicate id.
 */
export function createGeofencer(stops: readonly GeofenceStop[], opts: GeofencerOptions = {}): Geofencer {
  const order = opts.order ?? 'sequential';
  const zones: Zone[] = stops.map((stop, index) => {
    validateStop(stop, index);
    const marginM = opts.exitMarginM ?? Math.max(15, 0.25 * stop.radiusM);
    return { id: stop.id, position: stop.position, stop, order: index, marginM };
  });
  const byId = new Map<string, Zone>();
  zones.forEach((z, index) => {
    if (byId.has(z.stop.id)) throw new GeoError('POINT_INVALID', { index, field: 'id', stopId: z.stop.id });
    byId.set(z.stop.id, z);
  });
  if (opts.exitMarginM !== undefined && !(opts.exitMarginM >= 0)) {
    throw new GeoError('OPTION_INVALID', { field: 'exitMarginM' });
  }
  const index = createPointIndex(zones);
  const searchM = zones.reduce((m, z) => Math.max(m, z.stop.radiusM), 0);
  // With no stops nothing can fire, so no fix is worth calling imprecise.
  const maxAccuracyM =
    opts.maxAccuracyM ??
    (zones.length === 0 ? Infinity : zones.reduce((m, z) => Math.max(m, z.stop.minAccuracyM), 0));
  const filterOpts = { maxAccuracyM, maxSpeedMps: opts.maxSpeedMps ?? DEFAULT_MAX_SPEED_MPS };

  let filter = createFixFilter(filterOpts);
  let visited = new Set<string>();
  /** Highest tour order among visited stops (-1 for none). */
  let furthest = -1;
  /** Zones the visitor is in, with the time each was entered. */
  let insideSince = new Map<Zone, number>();
  let nearestInside: string | null = null;
  let snapshot = makeSnapshot();

  function makeSnapshot(): GeofenceState {
    return { visited: new Set(visited), inside: nearestInside, nextStopId: nextId() };
  }

  function nextId(): string | null {
    if (order === 'sequential') return zones[furthest + 1]?.stop.id ?? null;
    for (const z of zones) if (!visited.has(z.stop.id)) return z.stop.id;
    return null;
  }

  function mayArrive(z: Zone): boolean {
    return !visited.has(z.stop.id) && (order === 'any' || z.order > furthest);
  }

  function arrive(z: Zone): void {
    visited.add(z.stop.id);
    furthest = Math.max(furthest, z.order);
  }

  return {
    get state() {
      return snapshot;
    },

    update(fix) {
      const verdict = filter(fix);
      if (!verdict.accepted) {
        if (verdict.reason === 'stale') return [];
        const at = Number.isFinite(fix?.timestamp) ? fix.timestamp : NaN;
        return [{ type: 'ignored', reason: verdict.reason, at }];
      }
      const { position, accuracyM, timestamp: at } = verdict.fix;

      // Candidates: zones near enough to be entered, plus those already entered (to see them exited).
      const examined: [Zone, number][] = [];
      index.forEachWithin(position, searchM, (z, d) => {
        if (!insideSince.has(z)) examined.push([z, d]);
      });
      for (const z of insideSince.keys()) examined.push([z, distanceM(position, z.stop.position)]);
      if (examined.length > 1) examined.sort((a, b) => a[0].order - b[0].order);

      const exits: GeofenceEvent[] = [];
      const enters: GeofenceEvent[] = [];
      const arrivals: GeofenceEvent[] = [];
      for (const [z, d] of examined) {
        const { stop } = z;
        if (accuracyM > stop.minAccuracyM) continue;
        const slack = ENTER_ACCURACY_FACTOR * Math.min(accuracyM, stop.radiusM);
        let since = insideSince.get(z);
        if (since === undefined && d + slack <= stop.radiusM) {
          since = at;
          insideSince.set(z, at);
          enters.push({ type: 'enter', stopId: stop.id, at });
        } else if (since !== undefined && d - slack > stop.radiusM + z.marginM) {
          since = undefined;
          insideSince.delete(z);
          exits.push({ type: 'exit', stopId: stop.id, at });
        }
        if (since !== undefined && mayArrive(z) && at - since >= stop.dwellS * 1000) {
          arrive(z);
          arrivals.push({ type: 'arrive', stopId: stop.id, at });
        }
      }

      let nearest: string | null = null;
      let best = Infinity;
      for (const [z, d] of examined) {
        if (insideSince.has(z) && d < best) {
          best = d;
          nearest = z.stop.id;
        }
      }
      const events = [...exits, ...enters, ...arrivals];
      if (events.length > 0 || nearest !== nearestInside) {
        nearestInside = nearest;
        snapshot = makeSnapshot();
      }
      return events;
    },

    arriveManually(stopId, at) {
      const z = byId.get(stopId);
      if (!z) throw new GeoError('STOP_UNKNOWN', { stopId });
      if (visited.has(stopId)) return [];
      arrive(z);
      snapshot = makeSnapshot();
      return [{ type: 'arrive', stopId, at, manual: true }];
    },

    next(from) {
      const id = snapshot.nextStopId;
      if (id === null || !isLngLat(from)) return null;
      const target = byId.get(id)!.stop.position;
      return { stopId: id, distanceM: distanceM(from, target), bearingDeg: bearingDeg(from, target) };
    },

    restore(ids) {
      visited = new Set();
      furthest = -1;
      for (const id of ids) {
        const z = byId.get(id);
        if (z) arrive(z);
      }
      insideSince = new Map();
      nearestInside = null;
      filter = createFixFilter(filterOpts);
      snapshot = makeSnapshot();
    },
  };
}

function validateStop(stop: GeofenceStop, index: number): void {
  const bad = (field: string) => new GeoError('POINT_INVALID', { index, field, stopId: stop?.id });
  if (typeof stop?.id !== 'string' || stop.id === '') throw bad('id');
  if (!isLngLat(stop.position)) throw bad('position');
  if (!(stop.radiusM > 0) || !Number.isFinite(stop.radiusM)) throw bad('radiusM');
  if (!(stop.dwellS >= 0) || !Number.isFinite(stop.dwellS)) throw bad('dwellS');
  if (!(stop.minAccuracyM > 0)) throw bad('minAccuracyM');
}
