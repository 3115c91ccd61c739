import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import type { GtfsFeed, Timetable } from '@dunkirk/content';
import { TourFormatError } from '@dunkirk/content';
import { compactTimetable, isServiceDate } from '@dunkirk/content';
import type { ImportIssue } from './issues';
import { issueSink } from './issues';

/** The GTFS files this importer reads; everything else in a feed is ignored. */
export const gtfsFileNames = [
  'agency.txt',
  'stops.txt',
  'routes.txt',
  'trips.txt',
  'stop_times.txt',
  'calendar.txt',
  'calendar_dates.txt',
] as const;
export type GtfsFileName = (typeof gtfsFileNames)[number];
export type GtfsFiles = Partial<Record<GtfsFileName, string>>;

/** Larger than any town's feed; refuses zip bombs before inflating. */
export const GTFS_MAX_FILE_BYTES = 256 * 1024 * 1024;

/**
 * The GTFS text files of a zip, judged from the central directory (declared size) before any byte
 * is inflated. Files in a sub-folder of the zip (a common packaging slip) are accepted.
 */
export function readGtfsZip(bytes: Uint8Array, zipName = 'feed.zip'): GtfsFiles {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        const base = f.name.split('/').pop() as string;
        if (!(gtfsFileNames as readonly string[]).includes(base)) return false;
        if (f.originalSize > GTFS_MAX_FILE_BYTES) {
          throw new TourFormatError('ZIP_TOO_LARGE', {
            file: `${zipName}/${f.name}`,
            limit: GTFS_MAX_FILE_BYTES,
          });
        }
        return true;
      },
    });
  } catch (cause) {
    if (cause instanceof TourFormatError) throw cause;
    throw new TourFormatError('ZIP_CORRUPT', { file: zipName, issue: (cause as Error).message }, { cause });
  }
  const files: GtfsFiles = {};
  for (const [name, data] of Object.entries(entries)) {
    files[name.split('/').pop() as GtfsFileName] = new TextDecoder('utf-8').decode(data);
  }
  return files;
}

export interface GtfsImportOptions {
  /** Key of the timetable's source in the layers document. */
  source: string;
  /** The tour's `map.bounds`; stops outside (plus `marginM`) are left out. */
  bounds?: readonly [number, number, number, number];
  /** Default 1,000 m: a stop just outside the map is still a useful way home. */
  marginM?: number;
  /** Prefix for the file names in issues, e.g. `dkbus.zip/`. */
  fileLabel?: string;
}

export interface GtfsImport {
  timetable: Timetable;
  issues: ImportIssue[];
  counts: {
    stops: number;
    routes: number;
    trips: number;
    stopTimes: number;
    keptStops: number;
    keptCalls: number;
  };
}

type Row = Record<string, string>;

/** CSV rows with the line each starts on; broken rows become ROW_MALFORMED issues, the rest is read. */
function readCsv(text: string, file: string, issues: ImportIssue[]): { line: number; row: Row }[] {
  const sink = issueSink(file, issues);
  const records = parse(text, {
    bom: true,
    columns: (header: string[]) => header.map((h) => h.trim()),
    skip_empty_lines: true,
    trim: true,
    info: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      const line = (err as { lines?: number } | undefined)?.lines ?? 0;
      sink.skip(line, '*', 'ROW_MALFORMED', err?.message ?? 'unreadable row');
    },
  }) as { record: Row; info: { lines: number } }[];
  return records.map((r) => ({ line: r.info.lines, row: r.record }));
}

const TIME = /^(\d{1,2}):([0-5]\d):([0-5]\d)$/;

/** GTFS Time (H:MM:SS, may exceed 24:00:00) → minutes after the service day's midnight. */
export function gtfsMinutes(value: string): number | undefined {
  const m = TIME.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/**
 * GTFS static text files → the compact timetable for one tour's area. Each bad row is reported with
 * its file, line and field and left out (or kept with a default); the rest is imported. A missing
 * required file is a `SOURCE_INVALID` refusal.
 */
export function importGtfs(files: GtfsFiles, options: GtfsImportOptions): GtfsImport {
  const label = options.fileLabel ?? '';
  const need = (name: GtfsFileName): string => {
    const text = files[name];
    if (text === undefined) {
      throw new TourFormatError('SOURCE_INVALID', {
        file: label + name,
        issue: 'required GTFS file missing',
      });
    }
    return text;
  };
  if (files['calendar.txt'] === undefined && files['calendar_dates.txt'] === undefined) {
    throw new TourFormatError('SOURCE_INVALID', {
      file: label + 'calendar.txt',
      issue: 'a feed needs calendar.txt or calendar_dates.txt',
    });
  }
  const issues: ImportIssue[] = [];
  const rows = (name: GtfsFileName, required: boolean) => {
    const text = required ? need(name) : files[name];
    return {
      rows: text === undefined ? [] : readCsv(text, label + name, issues),
      sink: issueSink(label + name, issues),
    };
  };

  const agencyRows = rows('agency.txt', true).rows;
  const first = agencyRows[0]?.row;
  const agency = {
    name: first?.['agency_name'] || 'Unknown agency',
    timezone: first?.['agency_timezone'] || 'Europe/Paris',
  };

  // stops.txt: only boarding points (location_type empty or 0) matter for departures.
  const stops: GtfsFeed['stops'] = [];
  const stopIds = new Set<string>();
  {
    const { rows: list, sink } = rows('stops.txt', true);
    for (const { line, row } of list) {
      const id = row['stop_id'] ?? '';
      if (!id) {
        sink.skip(line, 'stop_id', 'FIELD_MISSING', 'no stop_id');
        continue;
      }
      if (stopIds.has(id)) {
        sink.skip(line, 'stop_id', 'DUPLICATE', `stop_id '${id}' again`);
        continue;
      }
      const type = row['location_type'] ?? '';
      if (type !== '' && type !== '0') continue;
      const lat = Number(row['stop_lat']);
      const lon = Number(row['stop_lon']);
      if (row['stop_lat'] === '' || !Number.isFinite(lat) || Math.abs(lat) > 90) {
        sink.skip(line, 'stop_lat', 'FIELD_INVALID', `'${row['stop_lat'] ?? ''}' is not a latitude`);
        continue;
      }
      if (row['stop_lon'] === '' || !Number.isFinite(lon) || Math.abs(lon) > 180) {
        sink.skip(line, 'stop_lon', 'FIELD_INVALID', `'${row['stop_lon'] ?? ''}' is not a longitude`);
        continue;
      }
      const name = row['stop_name'] ?? '';
      if (!name) {
        sink.skip(line, 'stop_name', 'FIELD_MISSING', 'no stop_name');
        continue;
      }
      stopIds.add(id);
      stops.push({ stopId: id, name, position: [lon, lat] });
    }
  }

  const routes: GtfsFeed['routes'] = [];
  const routeIds = new Set<string>();
  {
    const { rows: list, sink } = rows('routes.txt', true);
    for (const { line, row } of list) {
      const id = row['route_id'] ?? '';
      if (!id) {
        sink.skip(line, 'route_id', 'FIELD_MISSING', 'no route_id');
        continue;
      }
      if (routeIds.has(id)) {
        sink.skip(line, 'route_id', 'DUPLICATE', `route_id '${id}' again`);
        continue;
      }
      const shortName = row['route_short_name'] ?? '';
      const longName = row['route_long_name'] ?? '';
      if (!shortName && !longName) {
        sink.skip(line, 'route_short_name', 'FIELD_MISSING', 'neither route_short_name nor route_long_name');
        continue;
      }
      const colour = hexColour(row['route_color'], line, 'route_color', sink);
      const textColour = hexColour(row['route_text_color'], line, 'route_text_color', sink);
      routeIds.add(id);
      routes.push({
        routeId: id,
        shortName,
        ...(longName && { longName }),
        ...(colour && { colour }),
        ...(textColour && { textColour }),
      });
    }
  }

  const calendar: GtfsFeed['calendar'] = [];
  const serviceIds = new Set<string>();
  {
    const { rows: list, sink } = rows('calendar.txt', false);
    const dayColumns = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
    rows: for (const { line, row } of list) {
      const id = row['service_id'] ?? '';
      if (!id) {
        sink.skip(line, 'service_id', 'FIELD_MISSING', 'no service_id');
        continue;
      }
      let days = 0;
      for (const [bit, column] of dayColumns.entries()) {
        const v = row[column];
        if (v !== '0' && v !== '1') {
          sink.skip(line, column, 'FIELD_INVALID', `'${v ?? ''}' is not 0 or 1`);
          continue rows;
        }
        if (v === '1') days |= 1 << bit;
      }
      const start = date(row['start_date'], line, 'start_date', sink);
      const end = date(row['end_date'], line, 'end_date', sink);
      if (start === undefined || end === undefined) continue;
      serviceIds.add(id);
      calendar.push({ serviceId: id, days, start, end });
    }
  }
  const calendarDates: GtfsFeed['calendarDates'] = [];
  {
    const { rows: list, sink } = rows('calendar_dates.txt', false);
    for (const { line, row } of list) {
      const id = row['service_id'] ?? '';
      if (!id) {
        sink.skip(line, 'service_id', 'FIELD_MISSING', 'no service_id');
        continue;
      }
      const d = date(row['date'], line, 'date', sink);
      if (d === undefined) continue;
      const type = row['exception_type'];
      if (type !== '1' && type !== '2') {
        sink.skip(line, 'exception_type', 'FIELD_INVALID', `'${type ?? ''}' is not 1 (added) or 2 (removed)`);
        continue;
      }
      serviceIds.add(id);
      calendarDates.push({ serviceId: id, date: d, exceptionType: type === '1' ? 1 : 2 });
    }
  }

  const trips: GtfsFeed['trips'] = [];
  const tripIds = new Set<string>();
  {
    const { rows: list, sink } = rows('trips.txt', true);
    for (const { line, row } of list) {
      const id = row['trip_id'] ?? '';
      if (!id) {
        sink.skip(line, 'trip_id', 'FIELD_MISSING', 'no trip_id');
        continue;
      }
      if (tripIds.has(id)) {
        sink.skip(line, 'trip_id', 'DUPLICATE', `trip_id '${id}' again`);
        continue;
      }
      const routeId = row['route_id'] ?? '';
      if (!routeIds.has(routeId)) {
        sink.skip(line, 'route_id', 'REFERENCE_UNKNOWN', `no valid route '${routeId}'`);
        continue;
      }
      const serviceId = row['service_id'] ?? '';
      if (!serviceIds.has(serviceId)) {
        sink.skip(
          line,
          'service_id',
          'REFERENCE_UNKNOWN',
          `no valid service '${serviceId}' in calendar or calendar_dates`,
        );
        continue;
      }
      tripIds.add(id);
      const headsign = row['trip_headsign'] ?? '';
      trips.push({ tripId: id, routeId, serviceId, ...(headsign && { headsign }) });
    }
  }

  const stopTimes: GtfsFeed['stopTimes'] = [];
  {
    const { rows: list, sink } = rows('stop_times.txt', true);
    for (const { line, row } of list) {
      const tripId = row['trip_id'] ?? '';
      if (!tripIds.has(tripId)) {
        sink.skip(line, 'trip_id', 'REFERENCE_UNKNOWN', `no valid trip '${tripId}'`);
        continue;
      }
      const stopId = row['stop_id'] ?? '';
      if (!stopIds.has(stopId)) {
        sink.skip(line, 'stop_id', 'REFERENCE_UNKNOWN', `no valid stop '${stopId}'`);
        continue;
      }
      const seq = row['stop_sequence'] ?? '';
      if (!/^\d+$/.test(seq)) {
        sink.skip(line, 'stop_sequence', 'FIELD_INVALID', `'${seq}' is not a whole number`);
        continue;
      }
      // Untimed calls (interpolated stops) are not supported: the app shows only times the feed states.
      const field = row['departure_time'] ? 'departure_time' : 'arrival_time';
      const value = row[field] ?? '';
      if (!value) {
        sink.skip(line, 'departure_time', 'UNSUPPORTED', 'no time (interpolated stop)');
        continue;
      }
      const minute = gtfsMinutes(value);
      if (minute === undefined) {
        sink.skip(line, field, 'FIELD_INVALID', `'${value}' is not H:MM:SS`);
        continue;
      }
      stopTimes.push({ tripId, stopId, sequence: Number(seq), departureMinute: minute });
    }
  }

  const timetable = compactTimetable(
    { agency, stops, routes, trips, stopTimes, calendar, calendarDates },
    {
      source: options.source,
      ...(options.bounds && { bounds: options.bounds }),
      marginM: options.marginM ?? 1000,
    },
  );
  return {
    timetable,
    issues: byFileThenLine(issues),
    counts: {
      stops: stops.length,
      routes: routes.length,
      trips: trips.length,
      stopTimes: stopTimes.length,
      keptStops: timetable.stops.length,
      keptCalls: timetable.departures.reduce((n, d) => n + d.t.length, 0),
    },
  };
}

function hexColour(
  value: string | undefined,
  line: number,
  field: string,
  sink: ReturnType<typeof issueSink>,
): string | undefined {
  if (!value) return undefined;
  if (/^[0-9A-Fa-f]{6}$/.test(value)) return value.toUpperCase();
  sink.keep(line, field, 'FIELD_INVALID', `'${value}' is not a six-digit hex colour; the default is used`);
  return undefined;
}

function date(
  value: string | undefined,
  line: number,
  field: string,
  sink: ReturnType<typeof issueSink>,
): number | undefined {
  const n = Number(value);
  if (value && /^\d{8}$/.test(value) && isServiceDate(n)) return n;
  sink.skip(line, field, 'FIELD_INVALID', `'${value ?? ''}' is not a date YYYYMMDD`);
  return undefined;
}

/** CSV syntax errors are found while parsing, before the rows are checked: order each file's issues by line. */
function byFileThenLine(issues: ImportIssue[]): ImportIssue[] {
  const files = [...new Set(issues.map((i) => i.file))];
  return [...issues].sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file) || a.line - b.line);
}
