import type { LngLat } from '../schema/primitives';
import type { Timetable } from './schema';

/**
 * GTFS static rows, already parsed and checked (the authoring importer reads the CSV files).
 * Field names follow the GTFS reference (gtfs.org/schedule/reference) in camelCase.
 */
export interface GtfsFeed {
  agency: { name: string; timezone: string };
  stops: { stopId: string; name: string; position: LngLat }[];
  routes: { routeId: string; shortName: string; longName?: string; colour?: string; textColour?: string }[];
  trips: { tripId: string; routeId: string; serviceId: string; headsign?: string }[];
  /** `departureMinute` = minutes after the service day's midnight; GTFS allows more than 24 h. */
  stopTimes: { tripId: string; stopId: string; sequence: number; departureMinute: number }[];
  calendar: { serviceId: string; days: number; start: number; end: number }[];
  calendarDates: { serviceId: string; date: number; exceptionType: 1 | 2 }[];
}

export interface CompactOptions {
  /** Key of the timetable's entry in the layers document's `sources`. */
  source: string;
  /** Keep only stops inside `[west, south, east, north]` (widened by `marginM`). */
  bounds?: readonly [number, number, number, number];
  marginM?: number;
}

const M_PER_DEG_LAT = 111_320;

/** Widens a WGS84 box by metres (small-box approximation, fine for a town). */
export function widenBounds(
  [w, s, e, n]: readonly [number, number, number, number],
  marginM: number,
): [number, number, number, number] {
  const dLat = marginM / M_PER_DEG_LAT;
  const dLon = marginM / (M_PER_DEG_LAT * Math.cos((((s + n) / 2) * Math.PI) / 180));
  return [w - dLon, s - dLat, e + dLon, n + dLat];
}

/**
 * Reduces a GTFS feed to the compact timetable: stops in the area, the trips that call there,
 * their routes, services and headsigns, and per stop its calls sorted by time.
 */
export function compactTimetable(feed: GtfsFeed, options: CompactOptions): Timetable {
  const box = options.bounds ? widenBounds(options.bounds, options.marginM ?? 0) : undefined;
  const inside = ([lon, lat]: LngLat): boolean =>
    !box || (lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3]);

  const keptStops = feed.stops.filter((s) => inside(s.position));
  const stopIndex = new Map(keptStops.map((s, i) => [s.stopId, i]));

  // The last call of each trip over the whole feed: a call there is an arrival, not a departure.
  const lastCall = new Map<string, { sequence: number; stopId: string }>();
  for (const st of feed.stopTimes) {
    const prev = lastCall.get(st.tripId);
    if (!prev || st.sequence > prev.sequence)
      lastCall.set(st.tripId, { sequence: st.sequence, stopId: st.stopId });
  }

  const calls = feed.stopTimes.filter((st) => stopIndex.has(st.stopId));
  const tripsById = new Map(feed.trips.map((t) => [t.tripId, t]));
  const usedTrips = [...new Set(calls.map((c) => c.tripId))].filter((id) => tripsById.has(id)).sort();

  const routes = interning<string>();
  const services = interning<string>();
  const headsigns = interning<string>();
  const tripIndex = new Map<string, number>();
  const trips: Timetable['trips'] = usedTrips.map((id, i) => {
    tripIndex.set(id, i);
    const trip = tripsById.get(id) as GtfsFeed['trips'][number];
    const last = lastCall.get(id);
    const lastStop = last ? (stopIndex.get(last.stopId) ?? -1) : -1;
    return [
      routes.of(trip.routeId),
      services.of(trip.serviceId),
      headsigns.of(trip.headsign ?? ''),
      lastStop,
      id,
    ];
  });

  const perStop = keptStops.map(() => [] as [number, number][]);
  for (const c of calls) {
    const k = tripIndex.get(c.tripId);
    if (k === undefined) continue;
    (perStop[stopIndex.get(c.stopId) as number] as [number, number][]).push([c.departureMinute, k]);
  }

  const routeRows = new Map(feed.routes.map((r) => [r.routeId, r]));
  const calendar = new Map(feed.calendar.map((c) => [c.serviceId, c]));
  return {
    source: options.source,
    agency: { ...feed.agency },
    stops: keptStops.map((s) => ({ id: s.stopId, name: s.name, position: s.position })),
    routes: routes.values().map((id) => {
      const r = routeRows.get(id);
      return {
        id,
        shortName: r?.shortName ?? '',
        ...(r?.longName && { longName: r.longName }),
        colour: (r?.colour ?? 'FFFFFF').toUpperCase(),
        textColour: (r?.textColour ?? '000000').toUpperCase(),
      };
    }),
    services: services.values().map((id) => {
      const c = calendar.get(id);
      const exceptions = feed.calendarDates.filter((d) => d.serviceId === id);
      const dates = (type: 1 | 2): number[] =>
        exceptions
          .filter((d) => d.exceptionType === type)
          .map((d) => d.date)
          .sort((a, b) => a - b);
      // A service defined only by calendar_dates runs on its added dates and nothing else.
      return {
        id,
        days: c?.days ?? 0,
        start: c?.start ?? 19700101,
        end: c?.end ?? 19700101,
        added: dates(1),
        removed: dates(2),
      };
    }),
    headsigns: headsigns.values(),
    trips,
    departures: perStop.map((list) => {
      list.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      return { t: list.map((d) => d[0]), k: list.map((d) => d[1]) };
    }),
  };
}

function interning<T>(): { of(v: T): number; values(): T[] } {
  const index = new Map<T, number>();
  const list: T[] = [];
  return {
    of(v) {
      let i = index.get(v);
      if (i === undefined) {
        i = list.length;
        list.push(v);
        index.set(v, i);
      }
      return i;
    },
    values: () => list,
  };
}
