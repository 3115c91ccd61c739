import { lstat, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { DataSource, LayersDocument, Point, PoiCategory } from '@dunkirk/content';
import { dataSourceSchema, isTourFormatError, poiCategories } from '@dunkirk/content';
import {
  gtfsFileNames,
  importDatatourisme,
  importGeoJson,
  importGtfs,
  importLayers,
  inBounds,
  readGtfsZip,
  readImportConfig,
  type Bounds,
  type GtfsFiles,
  type ImportIssue,
  type LayersImportConfig,
} from '../import';
import { AuthoringError } from './AuthoringError';
import { TEMP_PREFIX, writeFileAtomic } from './atomicWrite';
import { KeyedLock } from './keyedLock';
import type { TourStore } from './tourStore';

export const layerImportKinds = ['datatourisme', 'geojson', 'gtfs'] as const;
export type LayerImportKind = (typeof layerImportKinds)[number];

/** What the curator sends from the editor: one data file (or a GTFS feed's text files) for the open tour. */
export interface LayersUpload {
  kind: LayerImportKind;
  files: { name: string; bytes: Uint8Array }[];
  /** GeoJSON and GTFS carry no licence of their own: the curator states who published them and how. */
  source?: { name: string; licence: string; attribution: string; url?: string };
  /** GeoJSON: the category of features that name none. */
  category?: PoiCategory;
}

/** Points per category, in the app's category order; categories with none are left out. */
export type LayerCounts = { category: PoiCategory; points: number }[];

export interface LayersImportReport {
  kind: LayerImportKind;
  /** Where the file is kept in the tour folder (also the name in `issues`). */
  path: string;
  /** The tour's `map.bounds` the import was clipped to (absent when the tour has none yet). */
  bounds?: Bounds;
  /** What this file brings, per layer. */
  layers: LayerCounts;
  timetable?: { stops: number; routes: number; trips: number; calls: number; stopNames: string[] };
  /** Every row left out (or kept with a repair), with file, line and field. */
  issues: ImportIssue[];
  /** After a save: the tour's whole layers document as rebuilt from `layers/import.json`. */
  saved?: { file: string; points: number; layers: LayerCounts; bytes: number; issues: ImportIssue[] };
}

/** The tour's current layers, for the editor's overview. */
export interface LayersOverview {
  exists: boolean;
  layers: LayerCounts;
  busStops: number;
  calls: number;
  sources: Record<string, DataSource>;
  imports: { kind: LayerImportKind; path: string; source: string }[];
}

/** Larger than any town's GTFS zip; the editor's upload is read in memory. */
export const LAYERS_UPLOAD_MAX_BYTES = 64 * 1024 * 1024;

const SOURCES_DIR = 'layers/sources';
const lock = new KeyedLock();

function counts(points: readonly Point[]): LayerCounts {
  return poiCategories
    .map((category) => ({ category, points: points.filter((p) => p.category === category).length }))
    .filter((c) => c.points > 0);
}

/** A file name a curator chose → a safe name in the tour folder (`Offices de tourisme.geojson` → `offices-de-tourisme`). */
function safeBase(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/\.[^.]*$/, '');
  const s = base
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return s || 'import';
}

function sourceKey(name: string): string {
  return safeBase(name).replace(/^[^a-z0-9]+/, '') || 'source';
}

function refused(err: unknown, tour: string): never {
  if (isTourFormatError(err)) {
    throw new AuthoringError(
      'IMPORT_REFUSED',
      {
        tour,
        reason: err.code,
        ...(err.details.file && { file: err.details.file }),
        ...(err.details.pointer && { pointer: err.details.pointer }),
        issue: `${err.code}: ${err.message}`,
      },
      { cause: err },
    );
  }
  throw err;
}

interface Plan {
  kind: LayerImportKind;
  /** Path relative to the tour folder: a file, or a folder for GTFS text files. */
  path: string;
  /** Files to write, relative to the tour folder. */
  writes: { rel: string; bytes: Uint8Array }[];
  sourceKey: string;
  source?: DataSource;
}

/** Checks the upload and decides where it is kept, before anything is read or written. */
function plan(upload: LayersUpload, config: LayersImportConfig): Plan {
  if (!(layerImportKinds as readonly string[]).includes(upload.kind)) {
    throw new AuthoringError('BODY_INVALID', {
      pointer: '/kind',
      issue: `one of ${layerImportKinds.join(', ')}`,
    });
  }
  const files = upload.files;
  if (upload.category !== undefined && !poiCategories.includes(upload.category)) {
    throw new AuthoringError('BODY_INVALID', {
      pointer: '/category',
      issue: `one of ${poiCategories.join(', ')}`,
    });
  }
  if (files.length === 0) throw new AuthoringError('BODY_INVALID', { pointer: '/file', issue: 'no file' });
  const total = files.reduce((n, f) => n + f.bytes.length, 0);
  if (total > LAYERS_UPLOAD_MAX_BYTES) {
    throw new AuthoringError('BODY_INVALID', {
      pointer: '/file',
      issue: 'too large',
      limit: LAYERS_UPLOAD_MAX_BYTES,
    });
  }
  let source: DataSource | undefined;
  let key = 'datatourisme';
  if (upload.kind !== 'datatourisme') {
    const parsed = dataSourceSchema.safeParse({
      ...upload.source,
      ...(upload.source?.url ? {} : { url: undefined }),
    });
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? 'name');
      throw new AuthoringError('BODY_INVALID', {
        pointer: `/source/${field}`,
        issue: 'a GeoJSON file or a GTFS feed needs its source: name, licence and attribution',
      });
    }
    source = parsed.data;
    key = sourceKey(source.name);
  } else if (config.sources['datatourisme']?.sample) {
    // The tour's 'datatourisme' source is a hand-made sample: a real export must not be labelled so.
    key = `datatourisme-${safeBase(files[0]!.name)}`;
  }
  if (upload.kind === 'gtfs') {
    const zip = files.length === 1 && /\.zip$/i.test(files[0]!.name);
    if (zip) {
      const path = `${SOURCES_DIR}/${safeBase(files[0]!.name)}.zip`;
      return {
        kind: 'gtfs',
        path,
        writes: [{ rel: path, bytes: files[0]!.bytes }],
        sourceKey: key,
        ...(source && { source }),
      };
    }
    const path = `${SOURCES_DIR}/${key}-gtfs`;
    const writes = [];
    for (const f of files) {
      const name = f.name.split(/[\\/]/).pop() ?? '';
      if (!name.endsWith('.txt')) {
        throw new AuthoringError('BODY_INVALID', {
          pointer: '/file',
          file: name,
          issue: `a GTFS feed is a .zip or its text files (${gtfsFileNames.join(', ')})`,
        });
      }
      // Other GTFS files (shapes.txt, fare_rules.txt, feed_info.txt…) are not needed offline.
      if ((gtfsFileNames as readonly string[]).includes(name)) {
        writes.push({ rel: `${path}/${name}`, bytes: f.bytes });
      }
    }
    return { kind: 'gtfs', path, writes, sourceKey: key, ...(source && { source }) };
  }
  if (files.length !== 1) {
    throw new AuthoringError('BODY_INVALID', { pointer: '/file', issue: 'one file at a time' });
  }
  const ext = upload.kind === 'geojson' ? 'geojson' : 'jsonld';
  const path = `${SOURCES_DIR}/${safeBase(files[0]!.name)}.${ext}`;
  return {
    kind: upload.kind,
    path,
    writes: [{ rel: path, bytes: files[0]!.bytes }],
    sourceKey: key,
    ...(source && { source }),
  };
}

async function tourBounds(store: TourStore, id: string): Promise<Bounds | undefined> {
  if (!(await store.exists(id))) throw new AuthoringError('NOT_FOUND', { tour: id });
  const { value } = await store.readJson<{ map?: { bounds?: Bounds } }>(id, 'tour.json');
  return value.map?.bounds;
}

/** Runs the importer the CLI runs on the uploaded bytes, clipped to the tour's area. Nothing is written. */
function check(
  p: Plan,
  upload: LayersUpload,
  bounds: Bounds | undefined,
  marginM: number,
  tour: string,
): LayersImportReport {
  const text = (): string => new TextDecoder('utf-8').decode(p.writes[0]!.bytes);
  try {
    if (p.kind === 'datatourisme' || p.kind === 'geojson') {
      const r =
        p.kind === 'datatourisme'
          ? importDatatourisme(text(), { file: p.path, source: p.sourceKey, ...(bounds && { bounds }) })
          : importGeoJson(text(), {
              file: p.path,
              source: p.sourceKey,
              ...(upload.category && { category: upload.category }),
              ...(bounds && { bounds }),
            });
      return {
        kind: p.kind,
        path: p.path,
        ...(bounds && { bounds }),
        layers: counts(r.points),
        issues: r.issues,
      };
    }
    let files: GtfsFiles;
    if (p.path.endsWith('.zip')) files = readGtfsZip(p.writes[0]!.bytes, p.path);
    else {
      files = {};
      for (const w of p.writes)
        files[w.rel.split('/').pop() as keyof GtfsFiles] = new TextDecoder().decode(w.bytes);
    }
    const r = importGtfs(files, {
      source: p.sourceKey,
      fileLabel: `${p.path}/`,
      marginM,
      ...(bounds && { bounds }),
    });
    const onMap = r.timetable.stops.filter((s) => !bounds || inBounds(s.position, bounds));
    return {
      kind: p.kind,
      path: p.path,
      ...(bounds && { bounds }),
      layers: onMap.length > 0 ? [{ category: 'transport', points: onMap.length }] : [],
      timetable: {
        stops: r.timetable.stops.length,
        routes: r.timetable.routes.length,
        trips: r.timetable.trips.length,
        calls: r.counts.keptCalls,
        stopNames: r.timetable.stops.map((s) => s.name),
      },
      issues: r.issues,
    };
  } catch (err) {
    return refused(err, tour);
  }
}

/** The tour's `layers/import.json` with this upload added (GTFS: the tour's one timetable is replaced). */
function withUpload(config: LayersImportConfig, p: Plan, upload: LayersUpload): LayersImportConfig {
  const rel = p.path.replace(/^layers\//, '');
  const next: LayersImportConfig = {
    ...config,
    sources: { ...config.sources, ...(p.source && { [p.sourceKey]: p.source }) },
    datatourisme: [...config.datatourisme],
    geojson: [...config.geojson],
  };
  if (p.kind === 'datatourisme') {
    next.datatourisme = [
      ...next.datatourisme.filter((e) => e.path !== rel),
      { path: rel, source: p.sourceKey },
    ];
  } else if (p.kind === 'geojson') {
    next.geojson = [
      ...next.geojson.filter((e) => e.path !== rel),
      { path: rel, source: p.sourceKey, ...(upload.category && { category: upload.category }) },
    ];
  } else {
    next.gtfs = { path: rel, source: p.sourceKey, marginM: config.gtfs?.marginM ?? 0, stopsAsPoints: true };
  }
  return next;
}

/** Checks an upload against the open tour and reports what it would bring; writes nothing. */
export async function previewLayersImport(
  store: TourStore,
  id: string,
  upload: LayersUpload,
): Promise<LayersImportReport> {
  const bounds = await tourBounds(store, id);
  const config = await readImportConfig(store.tourDir(id)).catch((err: unknown) => refused(err, id));
  const p = plan(upload, config);
  return check(p, upload, bounds, config.gtfs?.marginM ?? 0, id);
}

/**
 * Keeps the uploaded file under `layers/sources/`, adds it to `layers/import.json` and rebuilds
 * `layers/layers.json` with `importLayers` (what `tour import layers` runs). Every file is written
 * atomically; if the rebuilt document is refused, the earlier source file is put back and neither
 * `import.json` nor `layers.json` changes.
 */
export async function saveLayersImport(
  store: TourStore,
  id: string,
  upload: LayersUpload,
): Promise<LayersImportReport> {
  const bounds = await tourBounds(store, id);
  const tourDir = store.tourDir(id);
  return lock.run(id, async () => {
    const config = await readImportConfig(tourDir).catch((err: unknown) => refused(err, id));
    const p = plan(upload, config);
    const report = check(p, upload, bounds, config.gtfs?.marginM ?? 0, id);
    const next = withUpload(config, p, upload);

    const target = store.pathOf(id, p.path);
    const backup = join(dirname(target), `${TEMP_PREFIX}${randomBytes(6).toString('hex')}.bak`);
    const existed = await lstat(target).then(
      () => true,
      () => false,
    );
    await mkdir(dirname(target), { recursive: true });
    if (existed) await rename(target, backup);
    let rebuilt;
    try {
      for (const w of p.writes) {
        const abs = store.pathOf(id, w.rel);
        await mkdir(dirname(abs), { recursive: true });
        await writeFileAtomic(abs, w.bytes);
      }
      rebuilt = await importLayers(tourDir, { write: false, config: next });
    } catch (err) {
      await rm(target, { recursive: true, force: true });
      if (existed) await rename(backup, target);
      return refused(err, id);
    }
    await writeFileAtomic(join(tourDir, 'layers', 'import.json'), JSON.stringify(next, null, 2) + '\n');
    await writeFileAtomic(join(tourDir, 'layers', 'layers.json'), rebuilt.text);
    if (existed) await rm(backup, { recursive: true, force: true });
    return {
      ...report,
      saved: {
        file: 'layers/layers.json',
        points: rebuilt.document.points.length,
        layers: counts(rebuilt.document.points),
        bytes: rebuilt.bytes,
        issues: rebuilt.issues,
      },
    };
  });
}

/** What the tour's layers hold now, and which files make them. */
export async function layersOverview(store: TourStore, id: string): Promise<LayersOverview> {
  if (!(await store.exists(id))) throw new AuthoringError('NOT_FOUND', { tour: id });
  const config = await readImportConfig(store.tourDir(id)).catch((err: unknown) => refused(err, id));
  const imports: LayersOverview['imports'] = [
    ...config.datatourisme.map((e) => ({ kind: 'datatourisme' as const, path: e.path, source: e.source })),
    ...config.geojson.map((e) => ({ kind: 'geojson' as const, path: e.path, source: e.source })),
    ...(config.gtfs ? [{ kind: 'gtfs' as const, path: config.gtfs.path, source: config.gtfs.source }] : []),
  ];
  const doc = await store
    .readJson<LayersDocument>(id, 'layers/layers.json')
    .then((r) => r.value)
    .catch(() => undefined);
  return {
    exists: doc !== undefined,
    layers: counts(doc?.points ?? []),
    busStops: doc?.timetable?.stops.length ?? 0,
    calls: doc?.timetable?.departures.reduce((n, d) => n + d.t.length, 0) ?? 0,
    sources: doc?.sources ?? {},
    imports,
  };
}
