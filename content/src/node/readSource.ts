import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TourFormatError } from '../errors/TourFormatError';
import { crossCheckManifest } from '../schema/crossChecks';
import type { SourceManifest, SourceStop } from '../schema/manifest';
import {
  routeSchema,
  sourceBlockSchema,
  sourceManifestSchema,
  sourceStopSchema,
  tourFileSchema,
} from '../schema/manifest';
import { migrate } from '../schema/migrate';
import { decodeJson, parseWith } from '../schema/parse';
import { isSafeRelativePath } from '../schema/primitives';
import type { MissingTranslation } from '../schema/translations';
import { missingTranslations } from '../schema/translations';

/** Which file of the tour folder a part of the assembled document came from. */
interface Origin {
  /** Pointer prefix in the assembled document, e.g. `/stops/2` or `/stops/2/scenarios/family/0`. */
  prefix: string;
  file: string;
}

export interface SourceCheck {
  /** The assembled source, when it could be assembled and validated. */
  source?: SourceManifest;
  /** Every refusal found (empty = valid). */
  errors: TourFormatError[];
  /** Texts lacking a locale of `manifest.locales`, each with the file it lives in. */
  missingTranslations: (MissingTranslation & { file: string })[];
}

async function readJson(tourDir: string, file: string): Promise<unknown> {
  let bytes: Uint8Array;
  try {
    const info = await lstat(join(tourDir, file));
    if (!info.isFile()) throw new Error('not a regular file');
    bytes = new Uint8Array(await readFile(join(tourDir, file)));
  } catch (cause) {
    throw new TourFormatError('SOURCE_INVALID', { file, issue: (cause as Error).message }, { cause });
  }
  return decodeJson(bytes, file);
}

function isRef(value: unknown): value is { $ref: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { $ref?: unknown }).$ref === 'string' &&
    Object.keys(value).length === 1
  );
}

function escape(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Replaces `{ "$ref": "media/x.block.json" }` items of a block list by the validated block of that file. */
async function resolveRefs(
  tourDir: string,
  list: unknown,
  prefix: string,
  stopFile: string,
  origins: Origin[],
): Promise<unknown> {
  if (!Array.isArray(list)) return list;
  const out: unknown[] = [];
  for (const [j, item] of list.entries()) {
    out.push(await resolveRef(tourDir, item, j, prefix, stopFile, origins));
  }
  return out;
}

async function resolveRef(
  tourDir: string,
  item: unknown,
  j: number,
  prefix: string,
  stopFile: string,
  origins: Origin[],
): Promise<unknown> {
  if (!isRef(item)) return item;
  const ref = item.$ref;
  if (!isSafeRelativePath(ref) || !ref.endsWith('.json')) {
    throw new TourFormatError('SOURCE_INVALID', {
      file: stopFile,
      pointer: `${prefix.replace(/^\/stops\/\d+/, '')}/${j}/$ref`,
      issue: `unsafe $ref '${ref}'`,
    });
  }
  const block = parseWith(sourceBlockSchema, await readJson(tourDir, ref), ref);
  origins.push({ prefix: `${prefix}/${j}`, file: ref });
  return block;
}

/** Re-homes an error found in the assembled document to the file (and pointer in it) it came from. */
function locate(err: TourFormatError, origins: readonly Origin[]): TourFormatError {
  const pointer = err.details.pointer ?? '';
  const origin = origins
    .filter((o) => pointer === o.prefix || pointer.startsWith(o.prefix + '/'))
    .sort((a, b) => b.prefix.length - a.prefix.length)[0];
  if (!origin) return err.withDetails({ file: 'tour.json' });
  return err.withDetails({ file: origin.file, pointer: pointer.slice(origin.prefix.length) });
}

async function readStop(tourDir: string, id: string, i: number, origins: Origin[]): Promise<SourceStop> {
  const file = `stops/${id}.json`;
  const raw = await readJson(tourDir, file);
  const prefix = `/stops/${i}`;
  origins.push({ prefix, file });
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const r = raw as Record<string, unknown>;
    if ('common' in r)
      r['common'] = await resolveRefs(tourDir, r['common'], `${prefix}/common`, file, origins);
    const scenarios = r['scenarios'];
    if (typeof scenarios === 'object' && scenarios !== null && !Array.isArray(scenarios)) {
      const byKey = scenarios as Record<string, unknown>;
      for (const [key, list] of Object.entries(byKey)) {
        byKey[key] = await resolveRefs(tourDir, list, `${prefix}/scenarios/${escape(key)}`, file, origins);
      }
    }
  }
  const stop = parseWith(sourceStopSchema, raw, file);
  if (stop.id !== id) {
    throw new TourFormatError('SCHEMA_INVALID', {
      file,
      pointer: '/id',
      issue: `stop id '${stop.id}' differs from its file name`,
    });
  }
  return stop;
}

async function assemble(tourDir: string): Promise<{ doc: unknown; origins: Origin[] }> {
  const rawTour = await readJson(tourDir, 'tour.json');
  let migrated: unknown;
  try {
    migrated = migrate(rawTour);
  } catch (err) {
    throw err instanceof TourFormatError ? err.withDetails({ file: 'tour.json' }) : err;
  }
  const tour = parseWith(tourFileSchema, migrated, 'tour.json');
  const origins: Origin[] = [];

  // One file after another, so the fault reported first is always the same one.
  const stops: SourceStop[] = [];
  for (const [i, id] of tour.stops.entries()) stops.push(await readStop(tourDir, id, i, origins));

  const rawRoute = await readJson(tourDir, tour.route);
  const r = rawRoute as { type?: unknown; geometry?: unknown; features?: unknown } | null;
  let geometry: unknown = rawRoute;
  let pointerBase = '';
  if (r?.type === 'Feature') {
    geometry = r.geometry;
    pointerBase = '/geometry';
  } else if (r?.type === 'FeatureCollection' && Array.isArray(r.features) && r.features.length === 1) {
    geometry = (r.features[0] as { geometry?: unknown } | undefined)?.geometry;
    pointerBase = '/features/0/geometry';
  }
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  let route;
  try {
    route = parseWith(routeSchema, { type: g?.type, coordinates: g?.coordinates }, tour.route);
  } catch (err) {
    const e = err as TourFormatError;
    throw e.withDetails({ pointer: pointerBase + (e.details.pointer ?? '') });
  }
  origins.push({ prefix: '/route', file: tour.route });

  const { $schema: _schema, ...rest } = tour;
  return { doc: { ...rest, stops, route }, origins };
}

async function missingAssetFiles(tourDir: string, source: SourceManifest): Promise<TourFormatError[]> {
  const out: TourFormatError[] = [];
  for (const [i, asset] of source.assets.entries()) {
    const info = await lstat(join(tourDir, asset.id)).catch(() => undefined);
    if (!info?.isFile()) {
      out.push(
        new TourFormatError('SOURCE_INVALID', {
          file: asset.id,
          issue: info ? 'not a regular file' : `missing (listed at tour.json#/assets/${i})`,
        }),
      );
    }
  }
  return out;
}

/**
 * Checks a tour folder and reports everything at once: the first structural fault (a file that is
 * missing, not JSON, or off-schema stops the check), then every cross-field fault, every missing media
 * file and every missing translation, each located in the file a curator edits.
 */
export async function checkSource(tourDir: string): Promise<SourceCheck> {
  let assembled: { doc: unknown; origins: Origin[] };
  try {
    assembled = await assemble(tourDir);
  } catch (err) {
    if (err instanceof TourFormatError) return { errors: [err], missingTranslations: [] };
    throw err;
  }
  const { doc, origins } = assembled;
  const source = parseWith(sourceManifestSchema, doc, 'tour.json');
  const errors = [
    ...crossCheckManifest(source).map((e) => locate(e, origins)),
    ...(await missingAssetFiles(tourDir, source)),
  ];
  const missing = missingTranslations(source).map((m) => {
    const located = locate(new TourFormatError('TRANSLATION_MISSING', { pointer: m.pointer }), origins);
    return {
      pointer: located.details.pointer ?? '',
      missing: m.missing,
      file: located.details.file ?? 'tour.json',
    };
  });
  return { ...(errors.length === 0 && { source }), errors, missingTranslations: missing };
}

/**
 * Reads a tour source folder (FORMAT.md § Source folder) into one document: stops and route inlined,
 * `$ref` blocks replaced. Refuses with the first fault, naming its file and JSON pointer.
 * Missing translations are not a fault here (see `checkSource` / `writePackage`).
 */
export async function readSource(tourDir: string): Promise<SourceManifest> {
  const check = await checkSource(tourDir);
  const first = check.errors[0];
  if (first) throw first;
  return check.source as SourceManifest;
}
