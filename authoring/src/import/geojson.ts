import type { Text } from '@dunkirk/content';
import { parseJsonText, TourFormatError } from '@dunkirk/content';
import type { Point, PoiCategory } from '@dunkirk/content';
import { poiCategories } from '@dunkirk/content';
import type { Bounds, ImportIssue } from './issues';
import { inBounds, issueSink } from './issues';
import { jsonLines } from './jsonLines';
import { slug } from './jsonld';
import { parseOsmOpeningHours } from './openingHoursOsm';

/** OpenStreetMap tags → categories, for GeoJSON exported from OSM (Overpass, osmium). */
const osmRules: [PoiCategory, string, RegExp][] = [
  ['library', 'amenity', /^library$/],
  ['museum', 'tourism', /^museum$/],
  ['food', 'amenity', /^(restaurant|cafe|bar|pub|fast_food|ice_cream|biergarten)$/],
  ['lodging', 'tourism', /^(hotel|hostel|guest_house|camp_site|caravan_site|apartment|motel)$/],
  ['transport', 'amenity', /^(bus_station|bicycle_rental|ferry_terminal|taxi|parking)$/],
  ['transport', 'highway', /^bus_stop$/],
  ['transport', 'railway', /^(station|halt)$/],
  ['services', 'tourism', /^information$/],
  ['services', 'amenity', /^(toilets|pharmacy|atm|post_office|drinking_water|hospital|police)$/],
  ['heritage', 'historic', /./],
  ['heritage', 'tourism', /^(attraction|artwork|viewpoint)$/],
];

export interface GeoJsonOptions {
  file: string;
  /** Key of the source in the layers document: a GeoJSON file carries no licence of its own. */
  source: string;
  /** Category for features that say none (neither `category` nor a known OSM tag). */
  category?: PoiCategory;
  /** The tour's `map.bounds`: a feature outside is reported (`OUTSIDE_AREA`) and left out. */
  bounds?: Bounds;
}

export interface GeoJsonImport {
  points: Point[];
  issues: ImportIssue[];
}

const isCategory = (v: unknown): v is PoiCategory =>
  typeof v === 'string' && (poiCategories as readonly string[]).includes(v);

/** `name` / `name:fr` / `name:en` / `name:nl` (OSM style) → Text; an untagged `name` counts as French. */
function localized(props: Record<string, unknown>, key: string): Text | undefined {
  const out: Record<string, string> = {};
  for (const l of ['fr', 'en', 'nl']) {
    const v = props[`${key}:${l}`] ?? (l === 'fr' ? props[key] : undefined);
    if (typeof v === 'string' && v.trim()) out[l] = v.trim();
  }
  return Object.keys(out).length > 0 ? (out as Text) : undefined;
}

/**
 * A GeoJSON FeatureCollection of Points (RFC 7946) → points. Properties read: `name[:fr|en|nl]`,
 * `description[:fr|en|nl]`, `category` (one of the app's) or OSM tags, `opening_hours` (OSM
 * subset), `website`/`url`, and the feature `id` (or `@id`, `ref`) as the source identifier.
 */
export function importGeoJson(json: string, options: GeoJsonOptions): GeoJsonImport {
  const doc = parseJsonText(json, options.file);
  const features = (doc as { type?: unknown; features?: unknown } | null)?.features;
  if ((doc as { type?: unknown } | null)?.type !== 'FeatureCollection' || !Array.isArray(features)) {
    throw new TourFormatError('SOURCE_INVALID', {
      file: options.file,
      pointer: '/type',
      issue: 'not a FeatureCollection',
    });
  }
  const lines = jsonLines(json);
  const issues: ImportIssue[] = [];
  const sink = issueSink(options.file, issues);
  const points: Point[] = [];
  const used = new Set<string>();

  features.forEach((feature: unknown, i) => {
    const at = `/features/${i}`;
    const line = lines.get(at) ?? 1;
    const f = (feature ?? {}) as {
      id?: unknown;
      geometry?: { type?: unknown; coordinates?: unknown };
      properties?: unknown;
    };
    const props = (f.properties && typeof f.properties === 'object' ? f.properties : {}) as Record<
      string,
      unknown
    >;
    if (f.geometry?.type !== 'Point') {
      return sink.skip(
        line,
        `${at}/geometry/type`,
        'UNSUPPORTED',
        `a ${String(f.geometry?.type ?? 'missing')} geometry, only Point is a point of interest`,
      );
    }
    const [lon, lat] = Array.isArray(f.geometry.coordinates) ? (f.geometry.coordinates as unknown[]) : [];
    if (typeof lon !== 'number' || typeof lat !== 'number' || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      return sink.skip(
        line,
        `${at}/geometry/coordinates`,
        'FIELD_INVALID',
        'not [longitude, latitude] in WGS84',
      );
    }
    if (options.bounds && !inBounds([lon, lat], options.bounds)) {
      return sink.skip(
        line,
        `${at}/geometry/coordinates`,
        'OUTSIDE_AREA',
        `${lon}, ${lat} is outside the tour's map bounds ${options.bounds.join(',')}`,
      );
    }
    const rawId = f.id ?? props['@id'] ?? props['id'] ?? props['ref'];
    if ((typeof rawId !== 'string' && typeof rawId !== 'number') || rawId === '') {
      return sink.skip(line, `${at}/id`, 'FIELD_MISSING', 'no feature id: the source identifier is required');
    }
    const name = localized(props, 'name');
    if (!name) return sink.skip(line, `${at}/properties/name`, 'FIELD_MISSING', 'no name');
    let category: PoiCategory | undefined;
    if (props['category'] !== undefined) {
      if (!isCategory(props['category'])) {
        return sink.skip(
          line,
          `${at}/properties/category`,
          'FIELD_INVALID',
          `'${String(props['category'])}' is not one of ${poiCategories.join(', ')}`,
        );
      }
      category = props['category'];
    }
    category ??= osmRules.find(
      ([, tag, re]) => typeof props[tag] === 'string' && re.test(props[tag] as string),
    )?.[0];
    category ??= options.category;
    if (!category)
      return sink.skip(
        line,
        `${at}/properties/category`,
        'FIELD_MISSING',
        'no category and no known OSM tag',
      );
    let hours;
    if (typeof props['opening_hours'] === 'string') {
      hours = parseOsmOpeningHours(props['opening_hours']);
      if (!hours) {
        sink.keep(
          line,
          `${at}/properties/opening_hours`,
          'UNSUPPORTED',
          `'${props['opening_hours']}' is beyond the supported subset; hours left unknown`,
        );
      }
    }
    const url = [props['website'], props['url']].find(
      (u): u is string => typeof u === 'string' && /^https?:\/\//.test(u),
    );
    const description = localized(props, 'description');
    const sourceId = String(rawId);
    let id = slug(sourceId);
    for (let n = 2; used.has(id); n++) id = `${slug(sourceId)}-${n}`;
    used.add(id);
    points.push({
      id,
      category,
      name,
      ...(description && { description }),
      position: [lon, lat],
      ...(hours && { hours }),
      source: options.source,
      sourceId,
      ...(url && { url }),
    });
  });
  return { points, issues };
}
