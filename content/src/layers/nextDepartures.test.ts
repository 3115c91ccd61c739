import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_RUNS, FUZZ_SEED, FUZZ_TIMEOUT_MS } from '../fuzz/runs';
import { compactTimetable, type GtfsFeed } from './compactTimetable';
import {
  addDays,
  formatClock,
  lowerBound,
  nextDepartures,
  serviceTimeOf,
  weekdayOf,
  type ServiceTime,
} from './nextDepartures';
import type { Timetable } from './schema';
import { testBounds, testFeed } from './testFeed';

const tt = compactTimetable(testFeed, { source: 'test', bounds: testBounds });
const stop = (id: string): number => tt.stops.findIndex((s) => s.id === id);
const trips = (list: { tripId: string; minute: number }[]): string[] =>
  list.map((d) => `${d.tripId}@${d.minute}`);

// 26 May 2026 is a Tuesday; 30 May 2026 a Saturday; 14 July 2026 (a Tuesday) is a public holiday.
const TUESDAY = 20260526;

describe('calendar arithmetic', () => {
  it('knows weekdays (Monday = 0), including the first day of Operation Dynamo, Sunday 26 May 1940', () => {
    expect(weekdayOf(19400526)).toBe(6);
    expect(weekdayOf(TUESDAY)).toBe(1);
    expect(weekdayOf(20260530)).toBe(5);
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays(20260301, -1)).toBe(20260228);
    expect(addDays(20240301, -1)).toBe(20240229);
    expect(addDays(20261231, 1)).toBe(20270101);
  });

  it('prints clock times wrapped to one day', () => {
    expect(formatClock(480)).toBe('08:00');
    expect(formatClock(1510)).toBe('01:10');
  });

  it('turns an instant into Paris service time on both sides of the summer-time change', () => {
    // 29 March 2026: clocks go from 02:00 CET to 03:00 CEST.
    expect(serviceTimeOf(new Date('2026-03-29T00:30:00Z'), 'Europe/Paris')).toEqual({
      date: 20260329,
      minute: 90,
    });
    expect(serviceTimeOf(new Date('2026-03-29T01:30:00Z'), 'Europe/Paris')).toEqual({
      date: 20260329,
      minute: 210,
    });
    expect(serviceTimeOf(new Date('2026-05-26T05:55:00Z'), 'Europe/Paris')).toEqual({
      date: TUESDAY,
      minute: 475,
    });
  });

  it('finds the first index at or after a value', () => {
    expect(lowerBound([1, 3, 3, 5], 3)).toBe(1);
    expect(lowerBound([1, 3, 3, 5], 6)).toBe(4);
    expect(lowerBound([], 0)).toBe(0);
  });
});

describe('compactTimetable', () => {
  it('keeps the stops inside the area and the trips that call there', () => {
    expect(tt.stops.map((s) => s.id)).toEqual(['A', 'B', 'C']);
    expect(tt.trips.map((t) => t[4])).toEqual(['t1', 't2', 't3', 't4', 't5', 't6']);
    expect(tt.departures[stop('A')]?.t).toEqual([470, 480, 505, 510, 540, 1480]);
  });

  it('records each trip’s terminus, or -1 when it lies outside the area', () => {
    const last = Object.fromEntries(tt.trips.map((t) => [t[4], t[3]]));
    expect(last['t1']).toBe(stop('C'));
    expect(last['t5']).toBe(stop('A'));
    expect(last['t6']).toBe(stop('A'));
    const clippedEarly = compactTimetable(testFeed, { source: 'test', bounds: [2.37, 51.03, 2.385, 51.05] });
    expect(clippedEarly.trips.find((t) => t[4] === 't1')?.[3]).toBe(-1);
  });

  it('upper-cases colours and defaults them to GTFS white on black text', () => {
    expect(tt.routes.map((r) => [r.shortName, r.colour, r.textColour])).toEqual([
      ['1', 'E30613', 'FFFFFF'],
      ['2', 'FFFFFF', '000000'],
    ]);
  });
});

describe('nextDepartures', () => {
  it('lists a weekday morning’s departures from A, leaving out a trip that ends there', () => {
    const d = nextDepartures(tt, stop('A'), { date: TUESDAY, minute: 475 });
    expect(trips(d)).toEqual(['t1@480', 't2@510']);
    expect(d[0]).toMatchObject({ headsign: 'Charlie', serviceDate: TUESDAY, route: { shortName: '1' } });
  });

  it('reaches the late trip written 24:40 when the horizon allows', () => {
    const d = nextDepartures(tt, stop('A'), { date: TUESDAY, minute: 475 }, { horizonMin: 1100 });
    expect(trips(d)).toEqual(['t1@480', 't2@510', 't4@1480']);
  });

  it('after midnight, lists yesterday’s trip written 25:10 as 01:10 of the service day before', () => {
    const d = nextDepartures(tt, stop('B'), { date: 20260527, minute: 60 });
    expect(trips(d)).toEqual(['t4@70']);
    expect(d[0]).toMatchObject({ tripMinute: 1510, serviceDate: TUESDAY });
  });

  it('honours calendar_dates: no weekday service on 14 July, the weekend one instead', () => {
    expect(trips(nextDepartures(tt, stop('A'), { date: 20260714, minute: 475 }))).toEqual(['t3@540']);
    // the night after: yesterday's 25:10 trip did not run either
    expect(
      trips(nextDepartures(tt, stop('B'), { date: 20260715, minute: 60 }, { horizonMin: 440, limit: 1 })),
    ).toEqual(['t1@490']);
  });

  it('on Saturday runs the weekend service, after Friday’s late trip still running at 00:40', () => {
    expect(trips(nextDepartures(tt, stop('A'), { date: 20260530, minute: 0 }, { horizonMin: 2000 }))).toEqual(
      ['t4@40', 't3@540'],
    );
  });

  it('includes a departure at exactly the asked minute and respects the limit', () => {
    expect(trips(nextDepartures(tt, stop('B'), { date: TUESDAY, minute: 490 }, { limit: 2 }))).toEqual([
      't1@490',
      't5@495',
    ]);
    expect(nextDepartures(tt, stop('B'), { date: TUESDAY, minute: 490 }, { limit: 0 })).toEqual([]);
    expect(nextDepartures(tt, 99, { date: TUESDAY, minute: 490 })).toEqual([]);
  });
});

describe('nextDepartures against a brute-force reading of the same feed (seeded property)', () => {
  const feedArb = fc
    .record({
      stops: fc.integer({ min: 1, max: 4 }),
      trips: fc.array(
        fc.record({
          service: fc.integer({ min: 0, max: 2 }),
          start: fc.integer({ min: 0, max: 1700 }),
          gaps: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 4 }),
          firstStop: fc.nat(),
        }),
        { maxLength: 25 },
      ),
      days: fc.array(fc.integer({ min: 0, max: 127 }), { minLength: 3, maxLength: 3 }),
    })
    .map(({ stops, trips, days }): GtfsFeed => ({
      agency: { name: 'p', timezone: 'Europe/Paris' },
      stops: Array.from({ length: stops }, (_, i) => ({
        stopId: `s${i}`,
        name: `s${i}`,
        position: [2.4, 51],
      })),
      routes: [{ routeId: 'r', shortName: 'r' }],
      trips: trips.map((t, i) => ({ tripId: `t${i}`, routeId: 'r', serviceId: `v${t.service}` })),
      stopTimes: trips.flatMap((t, i) => {
        let minute = t.start;
        return t.gaps.map((gap, j) => {
          minute += gap;
          return {
            tripId: `t${i}`,
            stopId: `s${(t.firstStop + j) % stops}`,
            sequence: j,
            departureMinute: minute,
          };
        });
      }),
      calendar: days.map((d, i) => ({ serviceId: `v${i}`, days: d, start: 20260101, end: 20261231 })),
      calendarDates: [{ serviceId: 'v0', date: 20260601, exceptionType: 2 }],
    }));

  function bruteForce(t: Timetable, s: number, at: ServiceTime, limit: number, horizon: number): number[] {
    const runs = (svc: number, date: number): boolean => {
      const service = t.services[svc];
      if (!service) return false;
      if (service.removed.includes(date)) return false;
      if (service.added.includes(date)) return true;
      const jsDay = new Date(Date.UTC(2026, (Math.floor(date / 100) % 100) - 1, date % 100)).getUTCDay();
      return (service.days & (1 << ((jsDay + 6) % 7))) !== 0;
    };
    const row = t.departures[s] ?? { t: [], k: [] };
    const all: number[] = [];
    row.t.forEach((tm, i) => {
      const trip = t.trips[row.k[i] as number] as Timetable['trips'][number];
      if (trip[3] === s) return;
      if (runs(trip[1], at.date) && tm >= at.minute) all.push(tm);
      if (runs(trip[1], addDays(at.date, -1)) && tm - 1440 >= at.minute) all.push(tm - 1440);
    });
    return all
      .filter((m) => m <= at.minute + horizon)
      .sort((a, b) => a - b)
      .slice(0, limit);
  }

  it(
    'returns the same times, earliest first',
    () => {
      fc.assert(
        fc.property(
          feedArb,
          fc.integer({ min: 0, max: 3 }),
          fc.constantFrom(20260601, 20260602, 20260606),
          fc.integer({ min: 0, max: 1439 }),
          fc.integer({ min: 1, max: 8 }),
          fc.integer({ min: 0, max: 1500 }),
          (feed, s, date, minute, limit, horizonMin) => {
            const t = compactTimetable(feed, { source: 'p' });
            const at = { date, minute };
            const got = nextDepartures(t, s, at, { limit, horizonMin });
            expect(got.map((d) => d.minute)).toEqual(bruteForce(t, s, at, limit, horizonMin));
            for (const d of got) expect(t.departures[s]?.t).toContain(d.tripMinute);
          },
        ),
        { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
