import { distanceM, type LngLat } from '../geo';
import type { Departure, ServiceTime, Timetable } from '@dunkirk/content';
import { nextDepartures } from '@dunkirk/content';

/** 4.5 km/h: an unhurried pace for a visitor, used for every walking estimate. */
export const WALK_M_PER_MIN = 75;

export interface WalkLeg {
  /** Straight-line distance: the only distance the app can know offline without a street graph. */
  distanceM: number;
  minutes: number;
}

export function walkLeg(from: LngLat, to: LngLat): WalkLeg {
  const d = distanceM(from, to);
  return { distanceM: d, minutes: Math.max(1, Math.ceil(d / WALK_M_PER_MIN)) };
}

export interface NearStop {
  stop: number;
  walk: WalkLeg;
}

/** Timetable stops within `maxM` of a position, nearest first. */
export function stopsNear(tt: Timetable, at: LngLat, maxM: number, max = 3): NearStop[] {
  return tt.stops
    .map((s, stop) => ({ stop, walk: walkLeg(at, s.position) }))
    .filter((s) => s.walk.distanceM <= maxM)
    .sort((a, b) => a.walk.distanceM - b.walk.distanceM)
    .slice(0, max);
}

export interface RideOption {
  walkTo: NearStop;
  departure: Departure;
  alight: { stop: number; minute: number };
  walkFrom: WalkLeg;
  /** Minutes after the queried date's midnight. */
  arriveMinute: number;
}

export interface JourneyPlan {
  walkOnly: WalkLeg & { arriveMinute: number };
  rides: RideOption[];
  /** True when no ride arrives before walking all the way would. */
  walkingIsQuicker: boolean;
}

export interface JourneyOptions {
  /** How far a visitor is asked to walk to or from a stop (default 800 m, straight line). */
  maxWalkM?: number;
  /** How many options at most (default 3). */
  limit?: number;
  /** How far ahead to look (default 180 min). */
  horizonMin?: number;
}

/**
 * "How to get there" offline: walk (straight line) to one of the nearest stops, take one of the next
 * departures whose trip later calls at a stop near the destination, walk from there. No transfers.
 */
export function planJourney(
  tt: Timetable,
  from: LngLat,
  to: LngLat,
  at: ServiceTime,
  options: JourneyOptions = {},
): JourneyPlan {
  const maxWalkM = options.maxWalkM ?? 800;
  const direct = walkLeg(from, to);
  const walkOnly = { ...direct, arriveMinute: at.minute + direct.minutes };
  const origins = stopsNear(tt, from, maxWalkM);
  const destinations = stopsNear(tt, to, maxWalkM).filter((d) => !origins.some((o) => o.stop === d.stop));
  // Per destination stop, the times each trip calls there: one pass, then a lookup per departure.
  const callsAt = destinations.map((d) => {
    const row = tt.departures[d.stop] ?? { t: [], k: [] };
    const byTrip = new Map<number, number[]>();
    row.k.forEach((k, i) => {
      const list = byTrip.get(k);
      if (list) list.push(row.t[i] as number);
      else byTrip.set(k, [row.t[i] as number]);
    });
    return { d, byTrip };
  });
  const rides: RideOption[] = [];
  for (const o of origins) {
    const departures = nextDepartures(
      tt,
      o.stop,
      { date: at.date, minute: at.minute + o.walk.minutes },
      { limit: 12, horizonMin: options.horizonMin ?? 180 },
    );
    for (const dep of departures) {
      let best: RideOption | undefined;
      for (const { d, byTrip } of callsAt) {
        for (const t of byTrip.get(dep.trip) ?? []) {
          if (t <= dep.tripMinute) continue;
          const minute = dep.minute + (t - dep.tripMinute);
          const arriveMinute = minute + d.walk.minutes;
          if (!best || arriveMinute < best.arriveMinute) {
            best = {
              walkTo: o,
              departure: dep,
              alight: { stop: d.stop, minute },
              walkFrom: d.walk,
              arriveMinute,
            };
          }
        }
      }
      if (best) rides.push(best);
    }
  }
  const byTrip = new Map<string, RideOption>();
  for (const r of rides.sort((a, b) => a.arriveMinute - b.arriveMinute)) {
    if (!byTrip.has(r.departure.tripId)) byTrip.set(r.departure.tripId, r);
  }
  const best = [...byTrip.values()].slice(0, options.limit ?? 3);
  return {
    walkOnly,
    rides: best,
    walkingIsQuicker: best.every((r) => r.arriveMinute >= walkOnly.arriveMinute),
  };
}
