import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runImport } from './cli';
import { decodeLayers } from '@dunkirk/content';
import { importLayers } from './importLayers';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const samples = join(repo, 'authoring/samples');

describe('importLayers on the Operation Dynamo tours', () => {
  for (const tour of ['dunkirk-port-mole', 'beaches-rearguard']) {
    it(`${tour}: the committed layers.json is what the import makes from its samples`, async () => {
      const dir = join(repo, 'content/tours', tour);
      const result = await importLayers(dir, { write: false });
      expect(result.issues).toEqual([]);
      const committed = decodeLayers(readFileSync(join(dir, 'layers/layers.json')));
      expect(committed).toEqual(result.document);
      // every point has a source that declares a licence and an attribution
      for (const p of committed.points) expect(committed.sources[p.source]?.licence).toBeTruthy();
      expect(committed.sources['datatourisme']).toMatchObject({
        licence: 'Licence-Ouverte-2.0',
        sample: true,
      });
      expect(committed.timetable?.stops.length).toBeGreaterThan(0);
    });
  }
});

describe('tour import (CLI verbs)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'layers-import-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  function tourWithMalformedSources(): string {
    const dir = join(scratch, 'tour');
    mkdirSync(join(dir, 'layers'), { recursive: true });
    cpSync(join(samples, 'gtfs/malformed-sample'), join(dir, 'layers/gtfs'), { recursive: true });
    cpSync(join(samples, 'geojson/services.sample.geojson'), join(dir, 'layers/services.geojson'));
    writeFileSync(
      join(dir, 'tour.json'),
      JSON.stringify({ id: 'test-tour', stops: ['a'], map: { bounds: [2.3, 51, 2.5, 51.1] } }),
    );
    writeFileSync(
      join(dir, 'layers/import.json'),
      JSON.stringify({
        sources: {
          bus: { name: 'bus', licence: 'CC0-1.0', attribution: 'sample' },
          osm: { name: 'sample', licence: 'CC0-1.0', attribution: 'sample' },
        },
        geojson: [{ path: 'services.geojson', source: 'osm' }],
        gtfs: { path: 'gtfs', source: 'bus' },
      }),
    );
    return dir;
  }

  async function cli(...argv: string[]): Promise<{ status: number; out: string[]; err: string[] }> {
    const out: string[] = [];
    const err: string[] = [];
    const status = await runImport(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: scratch });
    return { status, out, err };
  }

  it('layers: writes layers.json, lists each left-out row as file:line, and succeeds', async () => {
    const dir = tourWithMalformedSources();
    const r = await cli('layers', dir);
    expect(r.status).toBe(0);
    expect(r.out[0]).toMatch(/layers\.json: 5 point\(s\), 2 stop\(s\) with 3 call\(s\)/);
    expect(r.err).toContain(
      "layers/gtfs/stops.txt:3 stop_lat FIELD_INVALID: 'north' is not a latitude (row skipped)",
    );
    expect(r.err).toContain(
      'layers/services.geojson:39 /features/3/geometry/type UNSUPPORTED: a LineString geometry, only Point is a point of interest (row skipped)',
    );
    const doc = decodeLayers(readFileSync(join(dir, 'layers/layers.json')));
    expect(doc.points.map((p) => p.id)).toEqual(['toilets-1', 'cafe-1', 'library-1', 'stop-a', 'stop-c']);
  });

  it('layers --strict: fails when any row was left out', async () => {
    expect((await cli('layers', tourWithMalformedSources(), '--strict')).status).toBe(1);
  });

  it('gtfs: prints what it read and kept in the area', async () => {
    const r = await cli('gtfs', join(samples, 'gtfs/dkbus-sample'), '--bounds', '2.36,51.032,2.41,51.055');
    expect(r.status).toBe(0);
    expect(r.out).toEqual([
      '10 stop(s), 3 route(s), 94 trip(s), 493 stop time(s) read; 5 stop(s) and 326 call(s) in the area',
    ]);
  });

  it('datatourisme --bounds: a place outside the area is reported as OUTSIDE_AREA at its line', async () => {
    const r = await cli(
      'datatourisme',
      join(samples, 'datatourisme/malformed.sample.jsonld'),
      '--bounds',
      '2.36,51.032,2.39,51.055',
    );
    expect(r.status).toBe(0);
    expect(r.out).toEqual(['1 point(s) under DATAtourisme, Licence Ouverte 2.0 (Etalab)']);
    expect(r.err.filter((l) => l.includes('OUTSIDE_AREA'))).toHaveLength(1);
    expect(
      (
        await cli(
          'geojson',
          join(samples, 'geojson/services.sample.geojson'),
          '--source',
          's',
          '--bounds',
          '1,2',
        )
      ).status,
    ).toBe(2);
  });

  it('refuses a missing --source, a bad category or an unknown kind with exit 2', async () => {
    const geojson = join(samples, 'geojson/services.sample.geojson');
    expect((await cli('geojson', geojson)).status).toBe(2);
    expect((await cli('geojson', geojson, '--source', 'x', '--category', 'casino')).status).toBe(2);
    expect((await cli('shapefile', geojson)).status).toBe(2);
  });

  it('reports a refused file with its code and exits 1', async () => {
    const r = await cli('datatourisme', join(samples, 'gtfs/dkbus-sample/stops.txt'));
    expect(r.status).toBe(1);
    expect(r.err[0]).toMatch(/^JSON_INVALID /);
  });
});
