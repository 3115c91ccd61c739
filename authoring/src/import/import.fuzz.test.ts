import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TourFormatError } from '@dunkirk/content';
import { parseLayers } from '@dunkirk/content';
import { importDatatourisme } from './datatourisme';
import { importGeoJson } from './geojson';
import { importGtfs, type GtfsFiles } from './gtfs';

// Short in `npm test`; FUZZ_RUNS=20000 npx vitest run --project authoring authoring/src/import for a long run.
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 150);
const SEED = Number(process.env['FUZZ_SEED'] ?? 1940);
const TIMEOUT = RUNS > 1000 ? 60 * 60 * 1000 : 60_000;

const dir = fileURLToPath(new URL('../../samples/gtfs/dkbus-sample/', import.meta.url));
const sample: GtfsFiles = Object.fromEntries(
  [
    'agency.txt',
    'stops.txt',
    'routes.txt',
    'trips.txt',
    'stop_times.txt',
    'calendar.txt',
    'calendar_dates.txt',
  ].map((f) => [f, readFileSync(dir + f, 'utf8')]),
);
const clean = importGtfs(sample, { source: 's' });
const callCount = (r: ReturnType<typeof importGtfs>): number =>
  r.timetable.departures.reduce((n, d) => n + d.t.length, 0);

describe('importers against hostile input (seeded properties)', () => {
  it(
    'GTFS: junk lines inserted into stop_times.txt are each reported on their own line, and every good row is still imported',
    () => {
      const junk = fc
        .string({ maxLength: 40 })
        .filter((s) => !/[\r\n"]/.test(s) && s.trim() !== '')
        .map((s) => `${s},`); // never a valid 5-column row with a known trip
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.nat(), junk), { minLength: 1, maxLength: 6 }), (inserts) => {
          const lines = (sample['stop_times.txt'] as string).trimEnd().split('\n');
          const at: number[] = [];
          for (const [pos, text] of inserts) {
            const i = 1 + (pos % lines.length); // after the header
            lines.splice(i, 0, text);
            for (let j = 0; j < at.length; j++) if ((at[j] as number) >= i + 1) at[j] = (at[j] as number) + 1;
            at.push(i + 1);
          }
          const r = importGtfs({ ...sample, 'stop_times.txt': lines.join('\n') + '\n' }, { source: 's' });
          expect(callCount(r)).toBe(callCount(clean));
          expect(r.issues.map((i) => i.line).sort((a, b) => a - b)).toEqual(at.sort((a, b) => a - b));
          for (const i of r.issues) expect(i.file).toBe('stop_times.txt');
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    TIMEOUT,
  );

  it(
    'DATAtourisme and GeoJSON: any JSON entries give either points a layers document accepts, or issues — never a crash',
    () => {
      const value = fc.jsonValue({ maxDepth: 4 });
      const entry = fc.oneof(
        value,
        fc.record({
          '@id': fc.oneof(fc.string(), value),
          '@type': fc.oneof(fc.constantFrom('Museum', 'Restaurant', 'Hotel', 'Library'), value),
          'rdfs:label': fc.oneof(fc.record({ fr: fc.array(fc.string()) }), value),
          isLocatedAt: fc.oneof(
            fc.tuple(
              fc.record({
                'schema:geo': fc.record({
                  'schema:latitude': fc.oneof(fc.double(), fc.string(), value),
                  'schema:longitude': fc.oneof(fc.double(), fc.string(), value),
                }),
              }),
            ),
            value,
          ),
        }),
      );
      const feature = fc.oneof(
        value,
        fc.record({
          type: fc.constant('Feature'),
          id: fc.oneof(fc.string(), fc.integer(), value),
          geometry: fc.record({
            type: fc.constantFrom('Point', 'LineString'),
            coordinates: fc.oneof(fc.tuple(fc.double(), fc.double()), value),
          }),
          properties: fc.oneof(
            fc.record({
              name: fc.string(),
              amenity: fc.constantFrom('cafe', 'toilets', 'bench'),
              opening_hours: fc.string(),
            }),
            value,
          ),
        }),
      );
      fc.assert(
        fc.property(
          fc.array(entry, { maxLength: 6 }),
          fc.array(feature, { maxLength: 6 }),
          (graph, features) => {
            const points = [
              ...importDatatourisme(JSON.stringify({ '@graph': graph }, null, 1), { file: 'f' }).points,
              ...importGeoJson(JSON.stringify({ type: 'FeatureCollection', features }, null, 1), {
                file: 'g',
                source: 'datatourisme',
              }).points.map((p) => ({ ...p, id: `g-${p.id}` })),
            ];
            const ids = new Set<string>();
            const unique = points.filter((p) => !ids.has(p.id) && ids.add(p.id));
            expect(() =>
              parseLayers({
                layersVersion: 1,
                tour: 'fuzz',
                sources: { datatourisme: { name: 'd', licence: 'l', attribution: 'a' } },
                points: unique,
              }),
            ).not.toThrow();
          },
        ),
        { numRuns: RUNS, seed: SEED },
      );
    },
    TIMEOUT,
  );

  it('a refusal is always a TourFormatError, never another exception', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        for (const run of [
          () => importDatatourisme(text, { file: 'f' }),
          () => importGeoJson(text, { file: 'g', source: 's' }),
        ]) {
          try {
            run();
          } catch (err) {
            expect(err).toBeInstanceOf(TourFormatError);
          }
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
