/**
 * The editor's map-layers import, through the HTTP API: a curator sends a DATAtourisme JSON-LD, a
 * GeoJSON file or a GTFS feed (zip or text files) for the open tour; the server runs the importers of
 * `tour import`, clipped to the tour's map bounds, answers what each layer gains and every row left
 * out with file, line and field, and on save keeps the file, lists it in `layers/import.json` and
 * rebuilds `layers/layers.json` — all or nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { Hono } from 'hono';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeLayers, exportPublicKeyPem, generateSigningKeyPair, nextDepartures } from '@dunkirk/content';
import { createApp } from '../../src/server';
import type { LayersImportReport, LayersOverview } from '../../src/server';
import { repoRoot } from '../helpers';
import type { TempTours } from './fixtures';
import { tempTours, threeStopTour } from './fixtures';

const samples = join(repoRoot, 'authoring', 'samples');
const sample = (rel: string): Uint8Array => new Uint8Array(readFileSync(join(samples, rel)));
const gtfsDir = (name: string): { name: string; bytes: Uint8Array }[] =>
  readdirSync(join(samples, 'gtfs', name))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => ({ name: f, bytes: sample(`gtfs/${name}/${f}`) }));

/** Dunkirk centre to Malo: the area of the port tour, so the samples' places fall inside. */
const BOUNDS = [2.36, 51.032, 2.41, 51.055];

let keys: { privateKey: CryptoKey; trustedKeys: string[] };
beforeAll(async () => {
  const pair = await generateSigningKeyPair();
  keys = { privateKey: pair.privateKey, trustedKeys: [await exportPublicKeyPem(pair.publicKey)] };
});

let t: TempTours;
let app: Hono;
let tourDir: string;
beforeEach(async () => {
  t = await tempTours();
  await threeStopTour(t.store);
  await t.store.updateJson<Record<string, unknown>>('digue', 'tour.json', (tour) => ({
    ...tour,
    map: { bounds: BOUNDS },
  }));
  tourDir = t.store.tourDir('digue');
  app = createApp({ store: t.store, publishDir: t.publishDir, signing: keys, allowedHosts: ['localhost'] });
});
afterEach(() => t.cleanup());

interface Form {
  kind: string;
  files: { name: string; bytes: Uint8Array }[];
  source?: { name: string; licence: string; attribution: string };
  category?: string;
}

function post(form: Form, save = false, tour = 'digue'): Promise<Response> {
  const body = new FormData();
  body.set('kind', form.kind);
  for (const f of form.files) body.append('file', new Blob([f.bytes as Uint8Array<ArrayBuffer>]), f.name);
  if (form.source) {
    body.set('name', form.source.name);
    body.set('licence', form.source.licence);
    body.set('attribution', form.source.attribution);
  }
  if (form.category) body.set('category', form.category);
  return Promise.resolve(
    app.request(`http://localhost/api/tours/${tour}/layers/import${save ? '?save=1' : ''}`, {
      method: 'POST',
      body,
    }),
  );
}

const osm = { name: 'OSM sample', licence: 'ODbL-1.0', attribution: '© OpenStreetMap contributors (sample)' };
const bus = { name: 'DK Bus sample', licence: 'CC0-1.0', attribution: 'Hand-made sample timetable' };
const brief = (issues: LayersImportReport['issues']): string[] =>
  issues.map((i) => `${i.file}:${i.line} ${i.field} ${i.code}`);

describe('POST /api/tours/:id/layers/import (check, then save)', () => {
  it('checks a GeoJSON file: points per layer, every left-out row with file, line and field; writes nothing', async () => {
    const res = await post({
      kind: 'geojson',
      files: [{ name: 'Services sample.geojson', bytes: sample('geojson/services.sample.geojson') }],
      source: osm,
    });
    expect(res.status).toBe(200);
    const report = (await res.json()) as LayersImportReport;
    expect(report.path).toBe('layers/sources/services-sample.geojson');
    expect(report.bounds).toEqual(BOUNDS);
    expect(report.layers).toEqual([
      { category: 'food', points: 1 },
      { category: 'services', points: 1 },
      { category: 'library', points: 1 },
    ]);
    const file = 'layers/sources/services-sample.geojson';
    expect(brief(report.issues)).toEqual([
      `${file}:29 /features/2/properties/opening_hours UNSUPPORTED`,
      `${file}:39 /features/3/geometry/type UNSUPPORTED`,
      `${file}:51 /features/4/geometry/coordinates FIELD_INVALID`,
      `${file}:57 /features/5/id FIELD_MISSING`,
      `${file}:62 /features/6/properties/category FIELD_INVALID`,
      `${file}:68 /features/7/properties/category FIELD_MISSING`,
    ]);
    expect(report.saved).toBeUndefined();
    expect(existsSync(join(tourDir, 'layers'))).toBe(false);
  });

  it('saves GTFS text files: the feed kept under layers/sources, listed in import.json, the timetable clipped to the tour', async () => {
    const res = await post({ kind: 'gtfs', files: gtfsDir('dkbus-sample'), source: bus }, true);
    expect(res.status).toBe(201);
    const report = (await res.json()) as LayersImportReport;
    expect(report.issues).toEqual([]);
    // The five sample stops inside Dunkirk centre – Malo; the Zuydcoote and Bray-Dunes stops are clipped away.
    expect(report.timetable).toMatchObject({ stops: 5, routes: 3, calls: 326 });
    expect(report.layers).toEqual([{ category: 'transport', points: 5 }]);
    expect(report.saved).toMatchObject({ file: 'layers/layers.json', points: 5 });

    const config = JSON.parse(await readFile(join(tourDir, 'layers/import.json'), 'utf8')) as {
      sources: Record<string, unknown>;
      gtfs: { path: string; source: string };
    };
    expect(config.gtfs).toMatchObject({ path: 'sources/dk-bus-sample-gtfs', source: 'dk-bus-sample' });
    expect(config.sources['dk-bus-sample']).toMatchObject({ licence: 'CC0-1.0' });
    // feed_info.txt is not needed offline: only the files the importer reads are kept.
    expect(readdirSync(join(tourDir, 'layers/sources/dk-bus-sample-gtfs')).sort()).toEqual([
      'agency.txt',
      'calendar.txt',
      'calendar_dates.txt',
      'routes.txt',
      'stop_times.txt',
      'stops.txt',
      'trips.txt',
    ]);
    const doc = decodeLayers(readFileSync(join(tourDir, 'layers/layers.json')));
    expect(doc.tour).toBe('digue');
    const jbart = doc.timetable!.stops.findIndex((s) => s.id === 'JBART');
    // Tuesday 26 May 2026, 08:50: the saved timetable answers "next departures" offline.
    const next = nextDepartures(doc.timetable!, jbart, { date: 20260526, minute: 530 }, { limit: 2 });
    expect(next.map((d) => d.tripId)).toEqual(['S1-WD-OUT-0900', 'S2-WD-IN-0900']);

    const overview = (await (
      await app.request('http://localhost/api/tours/digue/layers')
    ).json()) as LayersOverview;
    expect(overview).toMatchObject({ exists: true, busStops: 5, calls: 326 });
    expect(overview.imports).toEqual([
      { kind: 'gtfs', path: 'sources/dk-bus-sample-gtfs', source: 'dk-bus-sample' },
    ]);
  });

  it('a GTFS zip and a malformed feed: the rest is imported, each bad row named', async () => {
    const zip = zipSync(Object.fromEntries(gtfsDir('malformed-sample').map((f) => [f.name, f.bytes])));
    const res = await post(
      { kind: 'gtfs', files: [{ name: 'Broken feed.zip', bytes: zip }], source: bus },
      true,
    );
    expect(res.status).toBe(201);
    const report = (await res.json()) as LayersImportReport;
    expect(report.path).toBe('layers/sources/broken-feed.zip');
    expect(report.issues.length).toBeGreaterThan(0);
    expect(brief(report.issues)).toContain(
      'layers/sources/broken-feed.zip/stops.txt:3 stop_lat FIELD_INVALID',
    );
    expect(report.saved?.issues).toEqual(report.issues);
    expect(existsSync(join(tourDir, 'layers/sources/broken-feed.zip'))).toBe(true);
  });

  it('adds to the layers a tour already has: a DATAtourisme export joins the bus stops', async () => {
    await post({ kind: 'gtfs', files: gtfsDir('dkbus-sample'), source: bus }, true);
    const res = await post(
      {
        kind: 'datatourisme',
        files: [{ name: 'malformed.sample.jsonld', bytes: sample('datatourisme/malformed.sample.jsonld') }],
      },
      true,
    );
    const report = (await res.json()) as LayersImportReport;
    expect(report.layers).toEqual([
      { category: 'museum', points: 1 },
      { category: 'food', points: 1 },
    ]);
    expect(report.saved?.layers).toEqual([
      { category: 'museum', points: 1 },
      { category: 'food', points: 1 },
      { category: 'transport', points: 5 },
    ]);
    const doc = decodeLayers(readFileSync(join(tourDir, 'layers/layers.json')));
    expect(doc.sources['datatourisme']).toMatchObject({ licence: 'Licence-Ouverte-2.0' });
  });

  it('refuses a file that cannot be read at all (422 IMPORT_REFUSED with its code) and keeps nothing', async () => {
    const res = await post(
      {
        kind: 'datatourisme',
        files: [{ name: 'export.jsonld', bytes: new TextEncoder().encode('{ "@graph": [') }],
      },
      true,
    );
    expect(res.status).toBe(422);
    const err = (await res.json()) as { code: string; details: { reason: string; file: string } };
    expect(err.code).toBe('IMPORT_REFUSED');
    expect(err.details).toMatchObject({ reason: 'JSON_INVALID', file: 'layers/sources/export.jsonld' });
    expect(existsSync(join(tourDir, 'layers/sources/export.jsonld'))).toBe(false);
  });

  it('refuses GeoJSON without its licence, a stray file in a GTFS upload, and an unknown tour', async () => {
    const geojson = { name: 'x.geojson', bytes: sample('geojson/services.sample.geojson') };
    const noLicence = await post({ kind: 'geojson', files: [geojson], source: { ...osm, licence: '' } });
    expect(noLicence.status).toBe(400);
    expect(await noLicence.json()).toMatchObject({
      code: 'BODY_INVALID',
      details: { pointer: '/source/licence' },
    });
    const stray = await post({ kind: 'gtfs', files: [...gtfsDir('dkbus-sample'), geojson], source: bus });
    expect(await stray.json()).toMatchObject({ code: 'BODY_INVALID', details: { file: 'x.geojson' } });
    const badCategory = await post({ kind: 'geojson', files: [geojson], source: osm, category: 'casino' });
    expect(await badCategory.json()).toMatchObject({
      code: 'BODY_INVALID',
      details: { pointer: '/category' },
    });
    expect((await post({ kind: 'geojson', files: [geojson], source: osm }, false, 'nope')).status).toBe(404);
    // An upload declared larger than 64 MiB is refused before its body is read.
    const huge = await app.request('http://localhost/api/tours/digue/layers/import', {
      method: 'POST',
      headers: {
        'content-length': String(80 * 1024 * 1024),
        'content-type': 'multipart/form-data; boundary=x',
      },
      body: '--x--',
    });
    expect(await huge.json()).toMatchObject({ code: 'BODY_INVALID', details: { issue: 'too large' } });
  });

  it('all or nothing: when the rebuilt document is refused, the earlier source, import.json and layers.json stay as they were', async () => {
    // A first, good save; then the tour's import.json gains a library list that does not exist.
    await post(
      {
        kind: 'geojson',
        files: [{ name: 'places.geojson', bytes: sample('geojson/services.sample.geojson') }],
        source: osm,
      },
      true,
    );
    const configFile = join(tourDir, 'layers/import.json');
    const config = JSON.parse(await readFile(configFile, 'utf8')) as Record<string, unknown>;
    await writeFile(configFile, JSON.stringify({ ...config, library: { path: 'missing.json' } }));
    const before = {
      config: await readFile(configFile),
      layers: await readFile(join(tourDir, 'layers/layers.json')),
      source: await readFile(join(tourDir, 'layers/sources/places.geojson')),
    };
    await mkdir(join(tourDir, 'layers/sources'), { recursive: true });

    const other = new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features: [] }));
    const res = await post(
      { kind: 'geojson', files: [{ name: 'places.geojson', bytes: other }], source: osm },
      true,
    );
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: 'IMPORT_REFUSED', details: { reason: 'SOURCE_INVALID' } });
    expect(await readFile(configFile)).toEqual(before.config);
    expect(await readFile(join(tourDir, 'layers/layers.json'))).toEqual(before.layers);
    expect(await readFile(join(tourDir, 'layers/sources/places.geojson'))).toEqual(before.source);
    expect(readdirSync(join(tourDir, 'layers/sources'))).toEqual(['places.geojson']);
  });
});
