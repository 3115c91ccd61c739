import { z } from 'zod';
import { lngLatSchema, textSchema } from '../schema/primitives';

/** Version of the layers document; independent of the manifest's `formatVersion`. */
export const layersFormatVersion = 1;

export const poiCategories = [
  'heritage',
  'museum',
  'food',
  'lodging',
  'services',
  'transport',
  'library',
] as const;
export const poiCategorySchema = z.enum(poiCategories);
export type PoiCategory = z.infer<typeof poiCategorySchema>;

/** Calendar date as the integer YYYYMMDD (GTFS `calendar.txt` writes dates this way). */
export const serviceDateSchema = z
  .number()
  .int()
  .refine((d) => isServiceDate(d), { message: 'a date is the integer YYYYMMDD' });

export function isServiceDate(d: number): boolean {
  if (!Number.isInteger(d)) return false;
  const y = Math.floor(d / 10000);
  const m = Math.floor(d / 100) % 100;
  const day = d % 100;
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const hhmm = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time is HH:MM (00:00–24:00)');

/** Who published the data and under which terms; every point, timetable and library list names one. */
export const dataSourceSchema = z.strictObject({
  name: z.string().min(1),
  /** SPDX id or a named licence such as `Licence-Ouverte-2.0`. */
  licence: z.string().min(1),
  /** The line the app shows next to the data (the licence's own attribution requirement). */
  attribution: z.string().min(1),
  url: z.url({ protocol: /^https?$/ }).optional(),
  /** True for hand-made samples, so the app can say so. */
  sample: z.boolean().optional(),
});
export type DataSource = z.infer<typeof dataSourceSchema>;

/** One opening period: these ISO weekdays (1 = Monday … 7 = Sunday), opens–closes, optionally within dates. */
export const openingHoursSchema = z.strictObject({
  days: z.array(z.number().int().min(1).max(7)).min(1),
  opens: hhmm,
  closes: hhmm,
  from: serviceDateSchema.optional(),
  through: serviceDateSchema.optional(),
});
export type OpeningHours = z.infer<typeof openingHoursSchema>;

export const pointSchema = z.strictObject({
  /** Unique in the document; importers derive it from the source identifier. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'a point id is lowercase kebab-case'),
  category: poiCategorySchema,
  name: textSchema,
  description: textSchema.optional(),
  position: lngLatSchema,
  /** Absent when not known; an empty list means "known to have no public opening". */
  hours: z.array(openingHoursSchema).optional(),
  /** Key in `sources`. */
  source: z.string().min(1),
  /** The point's identifier in that source (DATAtourisme `@id`, GeoJSON feature id, …). */
  sourceId: z.string().min(1),
  url: z.url({ protocol: /^https?$/ }).optional(),
});
export type Point = z.infer<typeof pointSchema>;

export const libraryItemKinds = ['book', 'film', 'archive'] as const;

export const libraryItemSchema = z.strictObject({
  kind: z.enum(libraryItemKinds),
  title: z.string().min(1),
  author: z.string().min(1).optional(),
  year: z.number().int().min(1400).max(2100).optional(),
  /** ISBN-13 digits only, checksum verified. */
  isbn: z
    .string()
    .refine((s) => isIsbn13(s), { message: 'an ISBN is 13 digits with a valid check digit' })
    .optional(),
  /** Another identifier when there is no ISBN: an archive call number, an EAN, a catalogue record id. */
  identifier: z.string().min(1).optional(),
  /** The words sent to the catalogue search; defaults to title + author. */
  query: z.string().min(1).optional(),
});
export type LibraryItem = z.infer<typeof libraryItemSchema>;

export const libraryLinksSchema = z.strictObject({
  source: z.string().min(1),
  catalogue: z.strictObject({
    name: z.string().min(1),
    /** A search URL with `{query}` where the URL-encoded words go. */
    searchUrl: z
      .url({ protocol: /^https$/ })
      .refine((u) => u.includes('%7Bquery%7D') || u.includes('{query}'), {
        message: 'the search URL contains {query}',
      }),
  }),
  /** Per tour stop id. */
  stops: z.record(z.string().regex(/^[a-z0-9-]+$/), z.array(libraryItemSchema)),
});
export type LibraryLinks = z.infer<typeof libraryLinksSchema>;

/**
 * The compact timetable: what "next departures from this stop" needs offline, and nothing else.
 * Indices point into the sibling arrays; `departures[i]` belongs to `stops[i]`.
 */
export const timetableSchema = z.strictObject({
  source: z.string().min(1),
  agency: z.strictObject({ name: z.string().min(1), timezone: z.string().min(1) }),
  stops: z.array(z.strictObject({ id: z.string().min(1), name: z.string().min(1), position: lngLatSchema })),
  routes: z.array(
    z.strictObject({
      id: z.string().min(1),
      shortName: z.string(),
      longName: z.string().optional(),
      /** `RRGGBB`, GTFS `route_color`. */
      colour: z.string().regex(/^[0-9A-F]{6}$/),
      textColour: z.string().regex(/^[0-9A-F]{6}$/),
    }),
  ),
  services: z.array(
    z.strictObject({
      id: z.string().min(1),
      /** Bit 0 = Monday … bit 6 = Sunday (GTFS `calendar.txt` column order). */
      days: z.number().int().min(0).max(127),
      start: serviceDateSchema,
      end: serviceDateSchema,
      /** `calendar_dates.txt` exception_type 1 / 2. */
      added: z.array(serviceDateSchema),
      removed: z.array(serviceDateSchema),
    }),
  ),
  headsigns: z.array(z.string()),
  /** `[route, service, headsign, lastStop (-1 when outside the clipped area), GTFS trip_id]`. */
  trips: z.array(
    z.tuple([
      z.number().int().min(0),
      z.number().int().min(0),
      z.number().int().min(0),
      z.number().int().min(-1),
      z.string().min(1),
    ]),
  ),
  /**
   * Per stop, parallel arrays sorted by `t`: minutes after the service day's midnight (may pass
   * 1440: GTFS writes 25:10 for 01:10 the next morning) and the trip index.
   */
  departures: z.array(
    z.strictObject({ t: z.array(z.number().int().min(0).max(4320)), k: z.array(z.number().int().min(0)) }),
  ),
});
export type Timetable = z.infer<typeof timetableSchema>;

export const layersDocumentSchema = z.strictObject({
  layersVersion: z.literal(layersFormatVersion),
  /** Manifest id of the tour these layers belong to. */
  tour: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/),
  generatedAt: z.iso.datetime().optional(),
  sources: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/), dataSourceSchema),
  points: z.array(pointSchema),
  timetable: timetableSchema.optional(),
  library: libraryLinksSchema.optional(),
});
export type LayersDocument = z.infer<typeof layersDocumentSchema>;

/** ISBN-13 check digit: weights 1,3,1,3… over 13 digits sum to a multiple of 10 (ISO 2108). */
export function isIsbn13(s: string): boolean {
  if (!/^\d{13}$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 13; i++) sum += Number(s[i]) * (i % 2 === 0 ? 1 : 3);
  return sum % 10 === 0;
}
