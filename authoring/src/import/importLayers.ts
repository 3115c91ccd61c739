import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { z } from 'zod';
import { parseJsonText, parseWith, TourFormatError } from '@dunkirk/content';
import type { DataSource, LayersDocument, Point, Timetable } from '@dunkirk/content';
import {
  dataSourceSchema,
  LAYERS_FILE,
  libraryLinksSchema,
  parseLayers,
  poiCategorySchema,
} from '@dunkirk/content';
import { importDatatourisme } from './datatourisme';
import { importGeoJson } from './geojson';
import { importGtfs, readGtfsZip, type GtfsFiles, gtfsFileNames } from './gtfs';
import { writeFileAtomic } from '../server/atomicWrite';
import type { ImportIssue } from './issues';
import { inBounds } from './issues';
import { slug } from './jsonld';

/** `content/tours/<id>/layers/import.json`: which files make the tour's layers. Paths are relative to it. */
export const IMPORT_CONFIG = 'import.json';

export const layersImportConfigSchema = z.strictObject({
  $comment: z.string().optional(),
  /** Sources by key; a DATAtourisme source is read from its file and may be refined here (e.g. `sample`). */
  sources: z.record(z.string(), dataSourceSchema.partial()).default({}),
  datatourisme: z
    .array(z.strictObject({ path: z.string(), source: z.string().default('datatourisme') }))
    .default([]),
  geojson: z
    .array(z.strictObject({ path: z.string(), source: z.string(), category: poiCategorySchema.optional() }))
    .default([]),
  gtfs: z
    .strictObject({
      /** A GTFS zip or a folder of its text files. */
      path: z.string(),
      source: z.string(),
      marginM: z.number().min(0).max(50_000).default(1000),
      /** Also list the kept stops as `transport` points, so the stops are a layer of their own. */
      stopsAsPoints: z.boolean().default(true),
    })
    .optional(),
  library: z.strictObject({ path: z.string() }).optional(),
});
export type LayersImportConfig = z.infer<typeof layersImportConfigSchema>;

export interface LayersImportResult {
  document: LayersDocument;
  issues: ImportIssue[];
  /** Where the document was written (absent with `write: false`). */
  written?: string;
  /** The document as written (formatted JSON). */
  text: string;
  bytes: number;
}

async function readJson(file: string, label: string): Promise<unknown> {
  const text = await readFile(file, 'utf8').catch((cause: unknown) => {
    throw new TourFormatError('SOURCE_INVALID', { file: label, issue: 'cannot read' }, { cause });
  });
  return parseJsonText(text, label);
}

/** A GTFS feed from a `.zip` or from a folder holding its `.txt` files. */
export async function readGtfs(path: string): Promise<GtfsFiles> {
  if ((await stat(path)).isFile()) return readGtfsZip(new Uint8Array(await readFile(path)), path);
  const files: GtfsFiles = {};
  for (const name of await readdir(path)) {
    if ((gtfsFileNames as readonly string[]).includes(name)) {
      files[name as keyof GtfsFiles] = await readFile(join(path, name), 'utf8');
    }
  }
  return files;
}

/** `layers/import.json` of a tour, checked; a tour without one has no sources yet. */
export async function readImportConfig(tourDir: string): Promise<LayersImportConfig> {
  const file = join(tourDir, 'layers', IMPORT_CONFIG);
  const exists = await stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
  const raw = exists ? await readJson(file, `layers/${IMPORT_CONFIG}`) : {};
  return parseWith(layersImportConfigSchema, raw, `layers/${IMPORT_CONFIG}`);
}

/**
 * Builds `layers/layers.json` of a tour source from the files `layers/import.json` lists: DATAtourisme
 * and GeoJSON points and the GTFS timetable, all clipped to the tour's `map.bounds` (a point outside is
 * an `OUTSIDE_AREA` issue: the visitor's map would never show it), and the library links.
 * Row issues are returned, not thrown; a missing file or a document that fails the schema throws.
 * `config` replaces `layers/import.json` (the authoring server checks an import before saving it);
 * the document is written atomically (a reader sees the old file or the new one, never half).
 */
export async function importLayers(
  tourDir: string,
  options: { write?: boolean; now?: Date; config?: LayersImportConfig } = {},
): Promise<LayersImportResult> {
  const layersDir = join(tourDir, 'layers');
  const tour = (await readJson(join(tourDir, 'tour.json'), 'tour.json')) as {
    id?: string;
    stops?: string[];
    map?: { bounds?: [number, number, number, number] };
  };
  const config =
    options.config ??
    parseWith(
      layersImportConfigSchema,
      await readJson(join(layersDir, IMPORT_CONFIG), `layers/${IMPORT_CONFIG}`),
      `layers/${IMPORT_CONFIG}`,
    );
  const bounds = tour.map?.bounds;
  const at = (p: string): string => resolve(layersDir, p);
  const label = (p: string): string => relative(tourDir, at(p)) || p;

  const issues: ImportIssue[] = [];
  const points: Point[] = [];
  const sources: Record<string, DataSource> = {};
  const declared = (key: string, fallback?: DataSource): DataSource => {
    const merged = { ...fallback, ...config.sources[key] };
    const parsed = dataSourceSchema.safeParse(merged);
    if (!parsed.success) {
      throw new TourFormatError('SCHEMA_INVALID', {
        file: `layers/${IMPORT_CONFIG}`,
        pointer: `/sources/${key}`,
        issue: 'a source needs name, licence and attribution',
      });
    }
    return (sources[key] = parsed.data);
  };

  for (const entry of config.datatourisme) {
    const result = importDatatourisme(await readFile(at(entry.path), 'utf8'), {
      file: label(entry.path),
      source: entry.source,
      ...(bounds && { bounds }),
    });
    declared(entry.source, result.source);
    points.push(...result.points);
    issues.push(...result.issues);
  }
  for (const entry of config.geojson) {
    declared(entry.source);
    const result = importGeoJson(await readFile(at(entry.path), 'utf8'), {
      file: label(entry.path),
      source: entry.source,
      ...(entry.category && { category: entry.category }),
      ...(bounds && { bounds }),
    });
    points.push(...result.points);
    issues.push(...result.issues);
  }
  let timetable: Timetable | undefined;
  if (config.gtfs) {
    declared(config.gtfs.source);
    const result = importGtfs(await readGtfs(at(config.gtfs.path)), {
      source: config.gtfs.source,
      marginM: config.gtfs.marginM,
      fileLabel: `${label(config.gtfs.path)}/`,
      ...(bounds && { bounds }),
    });
    timetable = result.timetable;
    issues.push(...result.issues);
    if (config.gtfs.stopsAsPoints) {
      // Stops in the margin serve journeys; only those on the visitor's map become points.
      for (const s of timetable.stops.filter((x) => !bounds || inBounds(x.position, bounds))) {
        points.push({
          id: `stop-${slug(s.id)}`,
          category: 'transport',
          name: { fr: s.name },
          position: s.position,
          source: config.gtfs.source,
          sourceId: s.id,
        });
      }
    }
  }
  let library: LayersDocument['library'];
  if (config.library) {
    const file = label(config.library.path);
    const raw = (await readJson(at(config.library.path), file)) as Record<string, unknown>;
    delete raw['$comment'];
    library = parseWith(libraryLinksSchema, raw, file);
    declared(library.source);
    for (const stopId of Object.keys(library.stops)) {
      if (!tour.stops?.includes(stopId)) {
        issues.push({
          code: 'REFERENCE_UNKNOWN',
          file,
          line: 1,
          field: `/stops/${stopId}`,
          detail: `no stop '${stopId}' in tour.json`,
          outcome: 'kept',
        });
      }
    }
  }

  // Two sources may name the same place alike: keep ids unique, reporting the rename.
  const seen = new Set<string>();
  for (const p of points) {
    let id = p.id;
    for (let n = 2; seen.has(id); n++) id = `${p.id}-${n}`;
    seen.add(id);
    p.id = id;
  }

  const document = parseLayers(
    {
      layersVersion: 1,
      tour: tour.id,
      ...(options.now && { generatedAt: options.now.toISOString() }),
      sources,
      points,
      ...(timetable && { timetable }),
      ...(library && { library }),
    },
    `layers/${LAYERS_FILE}`,
  );
  const text = await formatJson(document);
  const out = join(layersDir, LAYERS_FILE);
  if (options.write !== false) await writeFileAtomic(out, text);
  return {
    document,
    issues,
    text,
    bytes: Buffer.byteLength(text),
    ...(options.write !== false && { written: out }),
  };
}

/** The repository's Prettier settings, so a generated file passes `npm run lint` as written. */
async function formatJson(value: unknown): Promise<string> {
  const json = JSON.stringify(value);
  try {
    const prettier = await import('prettier');
    const config =
      (await prettier.resolveConfig(join(dirname(new URL(import.meta.url).pathname), 'x.json'))) ?? {};
    return await prettier.format(json, { ...config, parser: 'json' });
  } catch {
    return JSON.stringify(value, null, 2) + '\n';
  }
}
