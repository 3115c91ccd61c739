import { z } from 'zod';

export const locales = ['fr', 'en', 'nl'] as const;
export const localeSchema = z.enum(locales);
export type Locale = z.infer<typeof localeSchema>;

/** Text in one or more languages; FORMAT.md: at least one locale (completeness is a separate check). */
export const textSchema = z
  .strictObject({ fr: z.string().optional(), en: z.string().optional(), nl: z.string().optional() })
  .refine((t) => t.fr !== undefined || t.en !== undefined || t.nl !== undefined, {
    message: 'a text needs at least one locale',
  });
export type Text = z.infer<typeof textSchema>;

/** WGS84 longitude then latitude (GeoJSON order). */
export const lngLatSchema = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
export type LngLat = z.infer<typeof lngLatSchema>;

export const vec3Schema = z.tuple([z.number(), z.number(), z.number()]);

export const tourIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'a tour id is lowercase kebab-case');
export const slugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an id is lowercase kebab-case');

/** Semantic Versioning 2.0.0 (semver.org), without build metadata. */
export const semverSchema = z
  .string()
  .regex(
    /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/,
    'a version is semver, e.g. 1.0.0',
  );

export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 is 64 lowercase hex digits');

/**
 * A path relative to the tour folder: no absolute path, no drive letter, no backslash,
 * no `.` or `..` segment, no empty segment. The same rule guards `$ref` paths.
 */
export const SAFE_RELATIVE_PATH = /^(?!.*(?:^|\/)\.{1,2}(?:\/|$))[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/;
export const safeRelativePathSchema = z.string().regex(SAFE_RELATIVE_PATH, 'a safe relative path');

export function isSafeRelativePath(path: string): boolean {
  return SAFE_RELATIVE_PATH.test(path);
}

/**
 * Media types a package may carry, with the file extension used under `assets/`.
 * Only these: anything else (text/html, image/svg+xml…) could run script when served.
 * `application/json` is inert data (a tour's map layers document, FORMAT.md § Map layers).
 */
export const mediaTypeExtensions: Readonly<Record<string, string>> = {
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'audio/ogg': 'ogg',
  'audio/opus': 'opus',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/wav': 'wav',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'text/vtt': 'vtt',
  'model/gltf-binary': 'glb',
  'application/vnd.pmtiles': 'pmtiles',
  'application/geo+json': 'geojson',
  'application/json': 'json',
};

/** `audio/ogg; codecs=opus` → `audio/ogg` */
export function baseMediaType(mediaType: string): string {
  return (mediaType.split(';')[0] ?? '').trim().toLowerCase();
}

export const mediaTypeSchema = z.string().refine((t) => baseMediaType(t) in mediaTypeExtensions, {
  message: `a media type among ${Object.keys(mediaTypeExtensions).join(', ')}`,
});
