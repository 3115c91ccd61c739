import type { DataSource, OpeningHours, Point, PoiCategory } from '@dunkirk/content';
import { isServiceDate } from '@dunkirk/content';
import { parseJsonText } from '@dunkirk/content';
import type { Bounds, ImportIssue } from './issues';
import { inBounds, issueSink } from './issues';
import { jsonLines } from './jsonLines';
import { decimal, first, isoWeekday, list, member, slug, str, text } from './jsonld';

/**
 * DATAtourisme classes (ontology `https://www.datatourisme.fr/ontology/core#`) → the app's categories,
 * most specific first: a restaurant ship that is also a cultural site is food; a museum is a museum.
 */
const categoryRules: [PoiCategory, readonly string[]][] = [
  ['library', ['Library', 'MediaLibrary']],
  ['museum', ['Museum', 'InterpretationCentre']],
  [
    'food',
    [
      'FoodEstablishment',
      'Restaurant',
      'BarOrPub',
      'CafeOrTeahouse',
      'Bakery',
      'FastFoodRestaurant',
      'Brasserie',
    ],
  ],
  [
    'lodging',
    [
      'Accommodation',
      'Hotel',
      'HotelTrade',
      'Camping',
      'CampingAndCaravanning',
      'Guesthouse',
      'HolidayResort',
      'YouthHostelAndInternationalCenter',
      'RentalAccommodation',
    ],
  ],
  [
    'transport',
    [
      'Transport',
      'TransportStation',
      'BusStation',
      'TrainStation',
      'BikeStationOrDepot',
      'Parking',
      'TaxiStation',
    ],
  ],
  [
    'services',
    [
      'TouristInformationCenter',
      'LocalTouristOffice',
      'ServiceProvider',
      'PublicToilet',
      'MedicalPlace',
      'Store',
    ],
  ],
  [
    'heritage',
    [
      'CulturalSite',
      'RemarkableBuilding',
      'RemembranceSite',
      'NaturalHeritage',
      'ReligiousSite',
      'MilitaryCemetery',
      'Monument',
      'Beach',
      'ParkAndGarden',
      'PlaceOfInterest',
      'PointOfInterest',
    ],
  ],
];

export function datatourismeCategory(types: readonly string[]): PoiCategory | undefined {
  const names = new Set(types.map((t) => t.split(/[/:#]/).pop() ?? t));
  return categoryRules.find(([, classes]) => classes.some((c) => names.has(c)))?.[0];
}

export interface DatatourismeImport {
  points: Point[];
  /** The document's licence statement; DATAtourisme publishes under Licence Ouverte 2.0 (Etalab). */
  source: DataSource;
  issues: ImportIssue[];
}

export interface DatatourismeOptions {
  /** The file name used in issues. */
  file: string;
  /** Key of the source in the layers document (default `datatourisme`). */
  source?: string;
  /** The tour's `map.bounds`: a place outside is reported (`OUTSIDE_AREA`) and left out. */
  bounds?: Bounds;
}

const LICENCE = 'Licence-Ouverte-2.0';

/**
 * A DATAtourisme JSON-LD export (`@graph` of points of interest, or one object, or an array) → points
 * with their `@id` kept as `sourceId` and the Licence Ouverte 2.0 attribution. An entry without a
 * name, position or known class is reported with its line and skipped; the rest is imported.
 */
export function importDatatourisme(json: string, options: DatatourismeOptions): DatatourismeImport {
  const doc = parseJsonText(json, options.file);
  const lines = jsonLines(json);
  const graph = member(doc, '@graph');
  const entries = Array.isArray(doc) ? doc : Array.isArray(graph) ? graph : [doc];
  const base = Array.isArray(doc) ? '' : Array.isArray(graph) ? '/@graph' : '';
  const issues: ImportIssue[] = [];
  const sink = issueSink(options.file, issues);
  const sourceKey = options.source ?? 'datatourisme';
  const points: Point[] = [];
  const used = new Set<string>();

  entries.forEach((entry, i) => {
    const at = Array.isArray(doc) || Array.isArray(graph) ? `${base}/${i}` : '';
    const line = lines.get(at) ?? 1;
    const field = (name: string): string => `${at}/${name}`;
    const id = str(member(entry, '@id'));
    if (!id)
      return sink.skip(line, field('@id'), 'FIELD_MISSING', 'no @id: the source identifier is required');
    const types = list(member(entry, '@type')).filter((t): t is string => typeof t === 'string');
    const category = datatourismeCategory(types);
    if (!category) {
      return sink.skip(
        line,
        field('@type'),
        'UNSUPPORTED',
        `no known class among ${types.join(', ') || 'none'}`,
      );
    }
    const name = text(member(entry, 'rdfs:label', 'label', 'schema:name'));
    if (!name) return sink.skip(line, field('rdfs:label'), 'FIELD_MISSING', 'no label in fr, en or nl');
    const place = first(member(entry, 'isLocatedAt'));
    const geo = first(member(place, 'schema:geo', 'geo'));
    const lat = decimal(member(geo, 'schema:latitude', 'latitude'));
    const lon = decimal(member(geo, 'schema:longitude', 'longitude'));
    if (lat === undefined || Math.abs(lat) > 90) {
      return sink.skip(
        line,
        field('isLocatedAt/0/schema:geo/schema:latitude'),
        'FIELD_INVALID',
        'no latitude in [-90, 90]',
      );
    }
    if (lon === undefined || Math.abs(lon) > 180) {
      return sink.skip(
        line,
        field('isLocatedAt/0/schema:geo/schema:longitude'),
        'FIELD_INVALID',
        'no longitude in [-180, 180]',
      );
    }
    if (options.bounds && !inBounds([lon, lat], options.bounds)) {
      return sink.skip(
        line,
        field('isLocatedAt/0/schema:geo'),
        'OUTSIDE_AREA',
        `${lon}, ${lat} is outside the tour's map bounds ${options.bounds.join(',')}`,
      );
    }
    const description = text(
      member(first(member(entry, 'hasDescription')), 'shortDescription', 'dc:description'),
    );
    const hours = openingHours(
      member(place, 'schema:openingHoursSpecification', 'openingHoursSpecification'),
      (why) => sink.keep(line, field('isLocatedAt/0/schema:openingHoursSpecification'), 'UNSUPPORTED', why),
    );
    const homepage = str(member(first(member(entry, 'hasContact')), 'foaf:homepage', 'homepage'));
    let pid = slug(id);
    for (let n = 2; used.has(pid); n++) pid = `${slug(id)}-${n}`;
    used.add(pid);
    points.push({
      id: pid,
      category,
      name,
      ...(description && { description }),
      position: [lon, lat],
      ...(hours && { hours }),
      source: sourceKey,
      sourceId: id,
      ...(homepage && /^https?:\/\//.test(homepage) && { url: homepage }),
    });
  });

  return { points, source: licenceOf(doc), issues };
}

function licenceOf(doc: unknown): DataSource {
  const stated = [member(doc, 'licence', 'dc:rights', 'dct:license', 'dcterms:license')].map(str).join(' ');
  const url = 'https://www.etalab.gouv.fr/licence-ouverte-open-licence';
  const lo2 = /licence ouverte|open licence|etalab/i.test(stated) || stated.trim() === '';
  return {
    name: 'DATAtourisme',
    licence: lo2 ? LICENCE : stated.trim(),
    attribution: lo2 ? 'DATAtourisme, Licence Ouverte 2.0 (Etalab)' : `DATAtourisme, ${stated.trim()}`,
    url: lo2 ? url : 'https://www.datatourisme.fr/',
  };
}

/** `schema:openingHoursSpecification` → opening periods; anything partial is reported and left out. */
function openingHours(v: unknown, report: (why: string) => void): OpeningHours[] | undefined {
  const specs = list(v);
  if (specs.length === 0) return undefined;
  const out: OpeningHours[] = [];
  for (const spec of specs) {
    const days = list(member(spec, 'schema:dayOfWeek', 'dayOfWeek')).map(isoWeekday);
    const opens = str(member(spec, 'schema:opens', 'opens'))?.slice(0, 5);
    const closes = str(member(spec, 'schema:closes', 'closes'))?.slice(0, 5);
    const hhmm = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
    if (
      days.length === 0 ||
      days.some((d) => d === undefined) ||
      !hhmm.test(opens ?? '') ||
      !hhmm.test(closes ?? '')
    ) {
      report('an opening period without days, opens or closes');
      continue;
    }
    const date = (x: unknown): number | undefined => {
      const s = str(x)?.slice(0, 10).replace(/-/g, '');
      return s && isServiceDate(Number(s)) ? Number(s) : undefined;
    };
    const from = date(member(spec, 'schema:validFrom', 'validFrom'));
    const through = date(member(spec, 'schema:validThrough', 'validThrough'));
    out.push({
      days: days as number[],
      opens: opens as string,
      closes: closes as string,
      ...(from && { from }),
      ...(through && { through }),
    });
  }
  return out.length > 0 ? out : undefined;
}
