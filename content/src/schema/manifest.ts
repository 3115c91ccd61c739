import { z } from 'zod';
import { makeBlockSchemas } from './blocks';
import {
  lngLatSchema,
  localeSchema,
  mediaTypeSchema,
  safeRelativePathSchema,
  semverSchema,
  sha256HexSchema,
  slugSchema,
  textSchema,
  tourIdSchema,
} from './primitives';

/** The format version this reader writes and reads natively. */
export const formatVersion = 1;

/** Parts of the Manifest that do not depend on the form of asset references. */
const characterFields = {
  id: slugSchema,
  name: z.string().min(1),
  role: textSchema,
  description: textSchema,
};

const scenarioSchema = z.strictObject({
  id: slugSchema,
  audience: z.enum(['family', 'adult']),
  character: slugSchema,
  title: textSchema,
  description: textSchema,
});

const triggerSchema = z.strictObject({
  radiusM: z.number().positive().max(10_000),
  dwellS: z.number().min(0).max(3600),
  minAccuracyM: z.number().positive().max(10_000),
});

export const routeSchema = z.strictObject({
  type: z.literal('LineString'),
  coordinates: z.array(lngLatSchema).min(2),
});

const boundsSchema = z
  .tuple([
    z.number().min(-180).max(180),
    z.number().min(-90).max(90),
    z.number().min(-180).max(180),
    z.number().min(-90).max(90),
  ])
  .refine(([w, s, e, n]) => w < e && s < n, {
    message: 'bounds are [west, south, east, north] with west < east, south < north',
  });

const changelogSchema = z.array(
  z.strictObject({ version: semverSchema, date: z.iso.date().or(z.iso.datetime()), changes: textSchema }),
);

function makeManifestSchemas<A extends z.ZodType<string>, S extends z.ZodType>(assetId: A, assetSchema: S) {
  const { block, timeline, narrationTrack } = makeBlockSchemas(assetId);
  const character = z.strictObject({ ...characterFields, portrait: assetId.optional() });
  const stop = z.strictObject({
    id: slugSchema,
    title: textSchema,
    position: lngLatSchema,
    trigger: triggerSchema,
    positionSource: z.string().min(1),
    common: z.array(block).optional(),
    scenarios: z.record(slugSchema, z.array(block)),
  });
  const map = z.strictObject({
    bounds: boundsSchema,
    style: z.url({ protocol: /^https?$/ }).optional(),
    offline: z
      .strictObject({
        tiles: z.string().optional(),
        pmtiles: assetId.optional(),
        minZoom: z.number().int().min(0).max(24),
        maxZoom: z.number().int().min(0).max(24),
      })
      .refine((o) => o.minZoom <= o.maxZoom, { message: 'minZoom ≤ maxZoom' })
      .optional(),
  });
  const common = {
    formatVersion: z.literal(formatVersion),
    id: tourIdSchema,
    version: semverSchema,
    publishedAt: z.iso.datetime({ offset: true }).optional(),
    locales: z.array(localeSchema).min(1),
    title: textSchema,
    subtitle: textSchema.optional(),
    description: textSchema,
    durationMin: z.number().positive(),
    distanceM: z.number().min(0),
    characters: z.array(character),
    scenarios: z.array(scenarioSchema).min(1),
    map,
    assets: z.array(assetSchema),
    /** The tour's map layers document (FORMAT.md § Map layers): an `application/json` asset. */
    layers: assetId.optional(),
    changelog: changelogSchema.optional(),
  };
  return { block, timeline, narrationTrack, character, stop, common };
}

// ---- package form: asset ids are SHA-256, sizes known ----------------------------------------

export const assetSchema = z
  .strictObject({
    id: sha256HexSchema,
    mediaType: mediaTypeSchema,
    size: z.number().int().min(0),
    sha256: sha256HexSchema,
    credit: z.string().min(1),
    licence: z.string().min(1),
    sourceUrl: z.url().optional(),
  })
  .refine((a) => a.id === a.sha256, { message: 'an asset id equals its sha256', path: ['sha256'] });

const pkg = makeManifestSchemas(sha256HexSchema, assetSchema);
export const blockSchema = pkg.block;
export const timelineSchema = pkg.timeline;
export const characterSchema = pkg.character;
export const stopSchema = pkg.stop;
export { scenarioSchema, triggerSchema };

/** The package form: what `manifest.json` holds and what the PWA reads. */
export const manifestSchema = z.strictObject({
  ...pkg.common,
  stops: z.array(pkg.stop).min(1),
  route: routeSchema,
});

// ---- source form: asset ids are paths relative to the tour folder -------------------------------

export const sourceAssetSchema = z.strictObject({
  id: safeRelativePathSchema,
  mediaType: mediaTypeSchema,
  size: z.number().int().min(0).optional(),
  sha256: sha256HexSchema.optional(),
  credit: z.string().min(1),
  licence: z.string().min(1),
  sourceUrl: z.url().optional(),
});

const src = makeManifestSchemas(safeRelativePathSchema, sourceAssetSchema);
export const sourceBlockSchema = src.block;
export const sourceStopSchema = src.stop;

/** A source with its stops and route inlined: what `readSource` returns and `writePackage` takes. */
export const sourceManifestSchema = z.strictObject({
  ...src.common,
  stops: z.array(src.stop).min(1),
  route: routeSchema,
});

/** `tour.json` as written by curators: stops by id, the route by file name. */
export const tourFileSchema = z.strictObject({
  $schema: z.string().optional(),
  ...src.common,
  stops: z.array(slugSchema).min(1),
  route: safeRelativePathSchema,
});

export type Manifest = z.infer<typeof manifestSchema>;
export type Asset = z.infer<typeof assetSchema>;
export type Stop = z.infer<typeof stopSchema>;
export type Block = z.infer<typeof blockSchema>;
export type BlockType = Block['type'];
export type Timeline = z.infer<typeof timelineSchema>;
export type Character = z.infer<typeof characterSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type Trigger = z.infer<typeof triggerSchema>;
export type Route = z.infer<typeof routeSchema>;
export type SourceManifest = z.infer<typeof sourceManifestSchema>;
export type SourceAsset = z.infer<typeof sourceAssetSchema>;
export type SourceStop = z.infer<typeof sourceStopSchema>;
export type SourceBlock = z.infer<typeof sourceBlockSchema>;
export type TourFile = z.infer<typeof tourFileSchema>;
/** Either form: the shapes differ only in what an asset id means. */
export type AnyManifest = Manifest | SourceManifest;
