import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { TourFormatError } from '@dunkirk/content';
import { nextDepartures } from '@dunkirk/content';
import { gtfsMinutes, importGtfs, readGtfsZip, type GtfsFiles } from './gtfs';

const samples = fileURLToPath(new URL('../../samples/gtfs/', import.meta.url));
const readDir = (name: string): GtfsFiles =>
  Object.fromEntries(
    readdirSync(join(samples, name)).map((f) => [f, readFileSync(join(samples, name, f), 'utf8')]),
  );
/** content/tours/dunkirk-port-mole/tour.json#/map/bounds */
const PORT_MOLE: [number, number, number, number] = [2.36, 51.032, 2.41, 51.055];

describe('importGtfs on the hand-made DK’Bus-shaped sample', () => {
  const { timetable, issues, counts } = importGtfs(readDir('dkbus-sample'), {
    source: 'dkbus-sample',
    bounds: PORT_MOLE,
  });

  it('reads every row without an issue', () => {
    expect(issues).toEqual([]);
    expect(counts).toMatchObject({ stops: 10, routes: 3, trips: 94, stopTimes: 493 });
  });

  it('clips to the tour’s area plus 1 km: the centre and Malo stay, the beaches and the outside stop go', () => {
    expect(timetable.stops.map((s) => s.id)).toEqual(['JBART', 'BEFFROI', 'LEUGH', 'BAST32', 'MALO']);
    expect(timetable.agency).toEqual({
      name: "DK'Bus (HAND-MADE SAMPLE timetable, not the real one)",
      timezone: 'Europe/Paris',
    });
  });

  it('answers next departures from Place Jean-Bart on a Tuesday at 08:50', () => {
    const jbart = timetable.stops.findIndex((s) => s.id === 'JBART');
    const d = nextDepartures(timetable, jbart, { date: 20260526, minute: 530 }, { limit: 4 });
    // S1 inbound trips end at Place Jean-Bart, so they are arrivals, not departures.
    expect(d.map((x) => `${x.route.shortName} ${x.tripMinute} ${x.headsign}`)).toEqual([
      'S1 540 Bray-Dunes', // 09:00, first stop of the S1 trip leaving at 09:00
      'S2 548 Beffroi Saint-Éloi', // 09:08, inbound S2 that left Bastion 32 at 09:00
      'S2 557 Bastion 32', // 09:17, outbound S2 that left the Beffroi at 09:15
      'S2 578 Beffroi Saint-Éloi', // 09:38
    ]);
  });

  it('reads the same feed from a zip, also when the files sit in a folder inside it', () => {
    const files = readDir('dkbus-sample');
    const zip = zipSync(
      Object.fromEntries(Object.entries(files).map(([n, t]) => [`feed/${n}`, strToU8(t as string)])),
    );
    const fromZip = importGtfs(readGtfsZip(zip), { source: 'dkbus-sample', bounds: PORT_MOLE });
    expect(fromZip.timetable).toEqual(timetable);
  });
});

describe('importGtfs on malformed rows', () => {
  const { timetable, issues } = importGtfs(readDir('malformed-sample'), { source: 'm' });
  const found = issues.map((i) => `${i.file}:${i.line} ${i.field} ${i.code} ${i.outcome}`);

  it('reports each bad row with file, line and field', () => {
    expect(found).toEqual([
      'stops.txt:3 stop_lat FIELD_INVALID skipped',
      'stops.txt:5 stop_id FIELD_MISSING skipped',
      'routes.txt:3 route_short_name FIELD_MISSING skipped',
      'routes.txt:4 route_color FIELD_INVALID kept',
      'calendar.txt:3 start_date FIELD_INVALID skipped',
      'calendar_dates.txt:3 exception_type FIELD_INVALID skipped',
      'trips.txt:4 route_id REFERENCE_UNKNOWN skipped',
      'trips.txt:5 service_id REFERENCE_UNKNOWN skipped',
      'trips.txt:6 trip_id DUPLICATE skipped',
      'stop_times.txt:3 stop_id REFERENCE_UNKNOWN skipped',
      'stop_times.txt:5 departure_time FIELD_INVALID skipped',
      'stop_times.txt:7 trip_id REFERENCE_UNKNOWN skipped',
      'stop_times.txt:8 stop_sequence FIELD_INVALID skipped',
      'stop_times.txt:9 * ROW_MALFORMED skipped', // three columns short
    ]);
  });

  it('imports the rest', () => {
    expect(timetable.stops.map((s) => s.id)).toEqual(['A', 'C']);
    expect(timetable.trips.map((t) => t[4])).toEqual(['T1', 'T2']);
    expect(timetable.departures.map((d) => d.t)).toEqual([[480], [490, 520]]);
    expect(timetable.routes.map((r) => [r.id, r.colour])).toEqual([
      ['R1', '0055A4'],
      ['R3', 'FFFFFF'],
    ]);
    expect(timetable.services.map((s) => [s.id, s.removed])).toEqual([['WK', [20260714]]]);
  });
});

describe('refusals', () => {
  it('refuses a feed without stop_times.txt as SOURCE_INVALID naming the file', () => {
    const files = readDir('dkbus-sample');
    delete files['stop_times.txt'];
    try {
      importGtfs(files, { source: 's', fileLabel: 'feed.zip/' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(TourFormatError);
      expect((err as TourFormatError).code).toBe('SOURCE_INVALID');
      expect((err as TourFormatError).details.file).toBe('feed.zip/stop_times.txt');
    }
  });

  it('refuses bytes that are not a zip as ZIP_CORRUPT', () => {
    expect(() => readGtfsZip(strToU8('not a zip'))).toThrow(expect.objectContaining({ code: 'ZIP_CORRUPT' }));
  });
});

describe('gtfsMinutes', () => {
  it('reads GTFS times, including past 24:00, and refuses other forms', () => {
    expect(gtfsMinutes('08:05:00')).toBe(485);
    expect(gtfsMinutes('7:05:59')).toBe(425);
    expect(gtfsMinutes('25:10:00')).toBe(1510);
    expect(gtfsMinutes('8:3x:00')).toBeUndefined();
    expect(gtfsMinutes('08:05')).toBeUndefined();
  });
});
