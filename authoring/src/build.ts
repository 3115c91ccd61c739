import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Catalogue, CatalogueEntry, PackageLimits, SourceAsset, SourceManifest } from '@dunkirk/content';
import {
  LAYERS_SOURCE_PATH,
  TourFormatError,
  catalogueEntry,
  catalogueSchema,
  decodeLayers,
  isTourFormatError,
  layersAttribution,
} from '@dunkirk/content';
import type { WrittenPackage } from '@dunkirk/content/node';
import { readSource, writePackage } from '@dunkirk/content/node';
import { formatRefusal } from './formatRefusal';
import { prepareNarration } from './media/prepare';

/**
 * A step between reading a source and writing its package, e.g. narration synthesis: it may add
 * assets (files under the tour folder, usually `.generated/`) and fill blocks, and returns the new
 * source. The result is validated again before it is packaged.
 */
export type PrepareHook = (source: SourceManifest, tourDir: string) => Promise<SourceManifest>;

/**
 * The hook `tour build` runs unless `--no-prepare` is given. None yet: the media pipeline
 * (authoring/src/media) plugs narration synthesis in here.
 */
export const defaultPrepare: PrepareHook | undefined = (source, tourDir) => prepareNarration(source, tourDir);

export interface BuildOptions {
  /** Package folder to (re)write. */
  out: string;
  privateKey: CryptoKey;
  allowMissing?: boolean;
  now?: Date;
  prepare?: PrepareHook;
  limits?: Partial<PackageLimits>;
  /** Progress lines. */
  log?: (line: string) => void;
}

/** Source folder → signed package folder: read, prepare, content-address, sign, write atomically. */
export async function build(sourceDir: string, opts: BuildOptions): Promise<WrittenPackage> {
  const log = opts.log ?? (() => {});
  const tourDir = resolve(sourceDir);
  log(`reading ${sourceDir}`);
  let source = await readSource(tourDir);
  if (opts.prepare) {
    log('preparing media');
    source = await opts.prepare(source, tourDir);
  }
  source = await attachLayers(source, tourDir);
  if (source.layers) log(`layers: ${source.layers}`);
  let lastPercent = -1;
  const written = await writePackage(source, tourDir, opts.out, {
    privateKey: opts.privateKey,
    ...(opts.now && { now: opts.now }),
    ...(opts.allowMissing !== undefined && { allowMissing: opts.allowMissing }),
    ...(opts.limits && { limits: opts.limits }),
    onAsset: (done, total, path) => {
      const percent = Math.floor((done / total) * 10) * 10;
      if (percent !== lastPercent || done === total) log(`  assets ${done}/${total} ${path}`);
      lastPercent = percent;
    },
  });
  log(
    `wrote ${opts.out} (${written.manifest.id} ${written.manifest.version}, ${written.sizes.packageBytes} bytes)`,
  );
  return written;
}

/**
 * The tour's map layers document (FORMAT.md § Map layers), when `tour.json#/layers` names one or
 * `layers/layers.json` exists: checked with the layers schema (refusals name the file and pointer),
 * required to belong to this tour, and packaged as an `application/json` asset whose credit and
 * licence summarise the sources it uses (each point keeps its own inside). Returns the source with
 * `layers` set and the asset listed; a source without layers comes back unchanged.
 */
export async function attachLayers(source: SourceManifest, tourDir: string): Promise<SourceManifest> {
  const path = source.layers ?? LAYERS_SOURCE_PATH;
  const bytes = await readFile(join(tourDir, path)).then(
    (b) => new Uint8Array(b),
    (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT' && source.layers === undefined) return undefined;
      throw new TourFormatError('SOURCE_INVALID', {
        file: path,
        issue: 'missing (named by tour.json#/layers)',
      });
    },
  );
  if (!bytes) return source;
  const doc = decodeLayers(bytes, path);
  if (doc.tour !== source.id) {
    throw new TourFormatError('SCHEMA_INVALID', {
      file: path,
      pointer: '/tour',
      issue: `the layers document belongs to '${doc.tour}', not '${source.id}'`,
    });
  }
  const { credit, licence } = layersAttribution(doc);
  const listed = source.assets.find((a) => a.id === path);
  const asset: SourceAsset = {
    ...(listed?.sourceUrl !== undefined && { sourceUrl: listed.sourceUrl }),
    id: path,
    mediaType: 'application/json',
    credit,
    licence,
  };
  const assets = listed ? source.assets.map((a) => (a.id === path ? asset : a)) : [...source.assets, asset];
  return { ...source, layers: path, assets };
}

export interface BuildAllOptions extends Omit<BuildOptions, 'out'> {
  /** Folder holding one folder per tour (content/tours). */
  toursDir: string;
  /** Receives `catalogue.json` and `packages/<id>/<version>/`. */
  outDir: string;
}

export interface BuildAllResult {
  built: { dir: string; entry: CatalogueEntry; outDir: string }[];
  skipped: { dir: string; reason: string }[];
  catalogue: Catalogue;
  cataloguePath: string;
}

/**
 * Builds every tour folder that validates; a folder that does not is skipped with its reason
 * (tours are written in parallel with the tools, so a half-written tour must not stop the others).
 */
export async function buildAll(opts: BuildAllOptions): Promise<BuildAllResult> {
  const log = opts.log ?? (() => {});
  const entries = await readdir(opts.toursDir, { withFileTypes: true });
  const built: BuildAllResult['built'] = [];
  const skipped: BuildAllResult['skipped'] = [];
  for (const dirent of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const dir = join(opts.toursDir, dirent.name);
    try {
      const source = await readSource(dir);
      const out = join(opts.outDir, 'packages', source.id, source.version);
      const written = await build(dir, { ...opts, out });
      built.push({ dir, outDir: out, entry: catalogueEntry(written.manifest, written.sizes) });
    } catch (err) {
      if (!isTourFormatError(err)) throw err;
      const reason = formatRefusal(err);
      skipped.push({ dir, reason });
      log(`skipped ${dirent.name}: ${reason}`);
    }
  }
  const catalogue = catalogueSchema.parse({ catalogueVersion: 1, tours: built.map((b) => b.entry) });
  await mkdir(opts.outDir, { recursive: true });
  const cataloguePath = join(opts.outDir, 'catalogue.json');
  await writeFile(cataloguePath, JSON.stringify(catalogue, null, 2) + '\n');
  log(`catalogue: ${built.length} tour(s), ${skipped.length} skipped → ${cataloguePath}`);
  return { built, skipped, catalogue, cataloguePath };
}
