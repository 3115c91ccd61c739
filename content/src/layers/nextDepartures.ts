import type { Timetable } from './schema';

/** A moment in the timetable's own time zone: service date YYYYMMDD and minutes after its midnight. */
export interface ServiceTime {
  date: number;
  minute: number;
}

export interface Departure {
  stop: number;
  trip: number;
  /** Minutes after the queried date's midnight (a trip of yesterday's service at 25:10 gives 70). */
  minute: number;
  /** The same time as the timetable writes it: minutes after the trip's service-day midnight. */
  tripMinute: number;
  /** The trip's service date (the day before the queried date for a trip past 24:00). */
  serviceDate: number;
  tripId: string;
  route: Timetable['routes'][number];
  headsign: string;
}

export interface NextDeparturesOptions {
  /** How many departures at most (default 5). */
  limit?: number;
  /** How far ahead to look, in minutes (default 240). */
  horizonMin?: number;
}

const DAY = 1440;

/** Weekday of a YYYYMMDD date, 0 = Monday … 6 = Sunday (the bit order of `services[].days`). */
export function weekdayOf(date: number): number {
  const d = new Date(Date.UTC(Math.floor(date / 10000), (Math.floor(date / 100) % 100) - 1, date % 100));
  return (d.getUTCDay() + 6) % 7;
}

/** YYYYMMDD plus `days` (may be negative). */
export function addDays(date: number, days: number): number {
  const d = new Date(
    Date.UTC(Math.floor(date / 10000), (Math.floor(date / 100) % 100) - 1, (date % 100) + days),
  );
  return d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}

/** GTFS calendar rules: a removed date never runs, an added date always runs, else weekday within range. */
export function serviceRunsOn(service: Timetable['services'][number], date: number): boolean {
  if (service.removed.includes(date)) return false;
  if (service.added.includes(date)) return true;
  return date >= service.start && date <= service.end && (service.days & (1 << weekdayOf(date))) !== 0;
}

const activeCache = new WeakMap<Timetable, Map<number, Uint8Array>>();

/** Which services run on `date`, one byte per service (memoised per timetable and date). */
export function activeServices(tt: Timetable, date: number): Uint8Array {
  let byDate = activeCache.get(tt);
  if (!byDate) activeCache.set(tt, (byDate = new Map()));
  let active = byDate.get(date);
  if (!active) {
    active = new Uint8Array(tt.services.length);
    tt.services.forEach((s, i) => {
      if (serviceRunsOn(s, date)) (active as Uint8Array)[i] = 1;
    });
    if (byDate.size > 8) byDate.clear();
    byDate.set(date, active);
  }
  return active;
}

/** First index whose value is ≥ `value` in a sorted array. */
export function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The next departures from one stop at a service time, earliest first: trips of today's services
 * from `minute` on, merged with trips of yesterday's services still running after midnight
 * (written 24:00 and later). A trip's last call is an arrival and is left out.
 */
export function nextDepartures(
  tt: Timetable,
  stop: number,
  at: ServiceTime,
  options: NextDeparturesOptions = {},
): Departure[] {
  const limit = options.limit ?? 5;
  const until = at.minute + (options.horizonMin ?? 240);
  const row = tt.departures[stop];
  if (!row || limit <= 0) return [];
  const yesterday = addDays(at.date, -1);
  // Two cursors over the same sorted array, one per service day; `offset` maps trip time to query time.
  const cursors = [
    { i: lowerBound(row.t, at.minute), active: activeServices(tt, at.date), offset: 0, date: at.date },
    {
      i: lowerBound(row.t, at.minute + DAY),
      active: activeServices(tt, yesterday),
      offset: DAY,
      date: yesterday,
    },
  ];
  const advance = (c: (typeof cursors)[number]): void => {
    while (c.i < row.t.length) {
      const trip = tt.trips[row.k[c.i] as number] as Timetable['trips'][number];
      if (c.active[trip[1]] === 1 && trip[3] !== stop) return;
      c.i++;
    }
  };
  const out: Departure[] = [];
  for (const c of cursors) advance(c);
  while (out.length < limit) {
    let best: (typeof cursors)[number] | undefined;
    for (const c of cursors) {
      if (c.i >= row.t.length) continue;
      if (!best || (row.t[c.i] as number) - c.offset < (row.t[best.i] as number) - best.offset) best = c;
    }
    if (!best) break;
    const tripMinute = row.t[best.i] as number;
    const minute = tripMinute - best.offset;
    if (minute > until) break;
    const k = row.k[best.i] as number;
    const trip = tt.trips[k] as Timetable['trips'][number];
    out.push({
      stop,
      trip: k,
      minute,
      tripMinute,
      serviceDate: best.date,
      tripId: trip[4],
      route: tt.routes[trip[0]] as Timetable['routes'][number],
      headsign: tt.headsigns[trip[2]] ?? '',
    });
    best.i++;
    advance(best);
  }
  return out;
}

/** `HH:MM` of minutes after midnight, wrapped to one day (1510 → "01:10"). */
export function formatClock(minute: number): string {
  const m = ((minute % DAY) + DAY) % DAY;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/**
 * The service time of an instant in a time zone (the timetable's `agency.timezone`), through
 * `Intl`, so it is right on both sides of a daylight-saving change.
 */
export function serviceTimeOf(instant: Date, timeZone: string): ServiceTime {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return {
    date: get('year') * 10000 + get('month') * 100 + get('day'),
    minute: get('hour') * 60 + get('minute'),
  };
}
