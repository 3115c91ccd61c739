import { z } from 'zod';
import { stopAssetRefs } from '../schema/assetRefs';
import type { Manifest } from '../schema/manifest';
import { scenarioSchema } from '../schema/manifest';
import { localeSchema, semverSchema, slugSchema, textSchema, tourIdSchema } from '../schema/primitives';

/** One tour in `catalogue.json`: what the PWA shows before anything is downloaded. */
export const catalogueEntrySchema = z.strictObject({
  id: tourIdSchema,
  version: semverSchema,
  title: textSchema,
  subtitle: textSchema.optional(),
  description: textSchema,
  locales: z.array(localeSchema).min(1),
  characters: z.array(z.strictObject({ id: slugSchema, name: z.string(), role: textSchema })),
  scenarios: z.array(scenarioSchema.pick({ id: true, audience: true, character: true, title: true })),
  durationMin: z.number().positive(),
  distanceM: z.number().min(0),
  stopCount: z.number().int().min(1),
  bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  /** Relative to the catalogue's URL, ends with '/': `<packageUrl>manifest.json` is the manifest. */
  packageUrl: z
    .string()
    .regex(/^(?![a-z][a-z0-9+.-]*:|\/)(?:[A-Za-z0-9._-]+\/)+$/, 'a relative folder URL ending with /')
    .refine((u) => !u.split('/').includes('..'), { message: 'no .. segment' }),
  /** manifest + signature + every asset. */
  packageBytes: z.number().int().min(0),
  /** manifest + signature + the assets of the first stop (and the characters' portraits). */
  firstStopBytes: z.number().int().min(0),
});

export const catalogueSchema = z.strictObject({
  catalogueVersion: z.literal(1),
  tours: z.array(catalogueEntrySchema),
});

export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;
export type Catalogue = z.infer<typeof catalogueSchema>;

export interface PackageSizes {
  packageBytes: number;
  firstStopBytes: number;
}

/** Sizes for the catalogue from a manifest and the byte lengths of manifest.json and manifest.sig. */
export function packageSizes(manifest: Manifest, manifestBytes: number, sigBytes: number): PackageSizes {
  const sizeOf = new Map(manifest.assets.map((a) => [a.id, a.size]));
  const firstStop = new Set(stopAssetRefs(manifest, 0).map((r) => r.id));
  for (const c of manifest.characters) if (c.portrait) firstStop.add(c.portrait);
  const sum = (ids: Iterable<string>): number => [...ids].reduce((n, id) => n + (sizeOf.get(id) ?? 0), 0);
  return {
    packageBytes: manifestBytes + sigBytes + sum(sizeOf.keys()),
    firstStopBytes: manifestBytes + sigBytes + sum(firstStop),
  };
}

/** The catalogue entry of a built package; `packageUrl` defaults to `packages/<id>/<version>/`. */
export function catalogueEntry(
  manifest: Manifest,
  sizes: PackageSizes & { packageUrl?: string },
): CatalogueEntry {
  const entry: CatalogueEntry = {
    id: manifest.id,
    version: manifest.version,
    title: manifest.title,
    ...(manifest.subtitle && { subtitle: manifest.subtitle }),
    description: manifest.description,
    locales: manifest.locales,
    characters: manifest.characters.map(({ id, name, role }) => ({ id, name, role })),
    scenarios: manifest.scenarios.map(({ id, audience, character, title }) => ({
      id,
      audience,
      character,
      title,
    })),
    durationMin: manifest.durationMin,
    distanceM: manifest.distanceM,
    stopCount: manifest.stops.length,
    bounds: manifest.map.bounds,
    packageUrl: sizes.packageUrl ?? `packages/${manifest.id}/${manifest.version}/`,
    packageBytes: sizes.packageBytes,
    firstStopBytes: sizes.firstStopBytes,
  };
  return catalogueEntrySchema.parse(entry);
}
