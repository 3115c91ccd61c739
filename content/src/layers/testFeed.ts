import type { GtfsFeed } from './compactTimetable';

/**
 * A tiny feed for specs: three stops in a line (A → B → C), one outside the area (Far), a weekday
 * service with 14 July 2026 removed, a weekend service with 14 July added, and a late trip past 24:00.
 */
export const testFeed: GtfsFeed = {
  agency: { name: 'Test buses', timezone: 'Europe/Paris' },
  stops: [
    { stopId: 'A', name: 'Alpha', position: [2.3775, 51.0347] },
    { stopId: 'B', name: 'Bravo', position: [2.3796, 51.0456] },
    { stopId: 'C', name: 'Charlie', position: [2.4056, 51.0523] },
    { stopId: 'FAR', name: 'Far away', position: [2.128, 50.986] },
  ],
  routes: [
    { routeId: 'R1', shortName: '1', longName: 'Alpha – Charlie', colour: 'e30613', textColour: 'ffffff' },
    { routeId: 'R2', shortName: '2' },
  ],
  trips: [
    { tripId: 't1', routeId: 'R1', serviceId: 'WK', headsign: 'Charlie' },
    { tripId: 't2', routeId: 'R1', serviceId: 'WK', headsign: 'Charlie' },
    { tripId: 't3', routeId: 'R1', serviceId: 'WE', headsign: 'Charlie' },
    { tripId: 't4', routeId: 'R1', serviceId: 'WK', headsign: 'Charlie (night)' },
    { tripId: 't5', routeId: 'R1', serviceId: 'WK', headsign: 'Alpha' },
    { tripId: 't6', routeId: 'R2', serviceId: 'WK', headsign: 'Alpha' },
  ],
  stopTimes: [
    ...calls('t1', [
      ['A', 480],
      ['B', 490],
      ['C', 500],
    ]),
    ...calls('t2', [
      ['A', 510],
      ['B', 520],
      ['C', 530],
    ]),
    ...calls('t3', [
      ['A', 540],
      ['B', 550],
      ['C', 560],
    ]),
    // 24:40, 25:10, 25:20: the same service day, written past midnight as GTFS allows.
    ...calls('t4', [
      ['A', 1480],
      ['B', 1510],
      ['C', 1520],
    ]),
    ...calls('t5', [
      ['C', 485],
      ['B', 495],
      ['A', 505],
    ]),
    ...calls('t6', [
      ['FAR', 420],
      ['A', 470],
    ]),
  ],
  calendar: [
    { serviceId: 'WK', days: 0b0011111, start: 20260101, end: 20261231 },
    { serviceId: 'WE', days: 0b1100000, start: 20260101, end: 20261231 },
  ],
  calendarDates: [
    { serviceId: 'WK', date: 20260714, exceptionType: 2 },
    { serviceId: 'WE', date: 20260714, exceptionType: 1 },
  ],
};

function calls(tripId: string, list: [string, number][]): GtfsFeed['stopTimes'] {
  return list.map(([stopId, departureMinute], i) => ({ tripId, stopId, sequence: i + 1, departureMinute }));
}

/** The area of the test stops A, B, C (Far is outside). */
export const testBounds = [2.37, 51.03, 2.41, 51.056] as const;
