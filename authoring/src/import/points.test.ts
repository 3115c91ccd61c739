import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseLayers } from '@dunkirk/content';
import { datatourismeCategory, importDatatourisme } from './datatourisme';
import { importGeoJson } from './geojson';
import { jsonLines } from './jsonLines';
import { parseOsmOpeningHours } from './openingHoursOsm';

const read = (rel: string): string => readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8');
const brief = (issues: { file: string; line: number; field: string; code: string; outcome: string }[]) =>
  issues.map((i) => `${i.file}:${i.line} ${i.field} ${i.code} ${i.outcome}`);

describe('importDatatourisme on a tour’s sample', () => {
  const file = 'datatourisme-sample.jsonld';
  const result = importDatatourisme(
    read('../../../content/tours/dunkirk-port-mole/datatourisme-sample.jsonld'),
    {
      file,
    },
  );

  it('imports every place with its @id as the source identifier, without issue', () => {
    expect(result.issues).toEqual([]);
    expect(result.points.map((p) => `${p.id} ${p.category}`)).toEqual([
      'poi-office-tourisme-dunkerque services',
      'poi-statue-jean-bart heritage',
      'poi-princess-elizabeth food',
      'poi-tour-du-leughenaer heritage',
      'poi-musee-dunkerque-1940 museum',
      'poi-phare-du-risban heritage',
      'poi-plage-malo-les-bains heritage',
    ]);
    expect(result.points[1]).toMatchObject({
      sourceId: 'poi-statue-jean-bart',
      source: 'datatourisme',
      position: [2.3775, 51.03472],
      name: { fr: 'Statue de Jean Bart, place Jean-Bart', en: 'Statue of Jean Bart, Place Jean-Bart' },
    });
  });

  it('keeps the Licence Ouverte 2.0 attribution', () => {
    expect(result.source).toMatchObject({
      licence: 'Licence-Ouverte-2.0',
      attribution: 'DATAtourisme, Licence Ouverte 2.0 (Etalab)',
    });
  });

  it('reads the other tour’s sample, whose coordinates are plain numbers and @ids are relative', () => {
    const other = importDatatourisme(
      read('../../../content/tours/beaches-rearguard/datatourisme-sample.jsonld'),
      { file },
    );
    expect(other.issues).toEqual([]);
    expect(other.points[0]).toMatchObject({
      id: 'fort-des-dunes',
      category: 'museum',
      position: [2.44694, 51.05333],
      url: expect.stringMatching(/^https:\/\//),
    });
  });
});

describe('importDatatourisme on malformed entries', () => {
  const file = 'malformed.sample.jsonld';
  const result = importDatatourisme(read('../../samples/datatourisme/malformed.sample.jsonld'), { file });

  it('reports each bad entry with file, line and field', () => {
    expect(brief(result.issues)).toEqual([
      `${file}:11 /@graph/0/isLocatedAt/0/schema:openingHoursSpecification UNSUPPORTED kept`,
      `${file}:32 /@graph/1/@id FIELD_MISSING skipped`,
      `${file}:37 /@graph/2/@type UNSUPPORTED skipped`,
      `${file}:43 /@graph/3/isLocatedAt/0/schema:geo/schema:latitude FIELD_INVALID skipped`,
      `${file}:49 /@graph/4/isLocatedAt/0/schema:geo/schema:latitude FIELD_INVALID skipped`,
    ]);
  });

  it('imports the rest: flat-JSON labels, opening hours with dates, a plain-string label', () => {
    expect(result.points).toEqual([
      {
        id: 'museum-with-hours',
        category: 'museum',
        name: { fr: 'Musée (exemple)', en: 'Museum (sample)', nl: 'Museum (voorbeeld)' },
        position: [2.38, 51.04],
        hours: [{ days: [2, 3, 7], opens: '10:00', closes: '18:00', from: 20260401, through: 20260930 }],
        source: 'datatourisme',
        sourceId: 'https://data.datatourisme.fr/sample/museum-with-hours',
        url: 'https://example.org/museum',
      },
      {
        id: 'cafe',
        category: 'food',
        name: { fr: 'Café (exemple)' },
        position: [2.4, 51.05],
        source: 'datatourisme',
        sourceId: 'https://data.datatourisme.fr/sample/cafe',
      },
    ]);
  });

  it('clipped to a tour’s map bounds: a place outside is reported at its line and left out', () => {
    // The museum (2.38, 51.04) is inside the port tour's bounds; the café (2.40, 51.05) is east of them.
    const clipped = importDatatourisme(read('../../samples/datatourisme/malformed.sample.jsonld'), {
      file,
      bounds: [2.36, 51.032, 2.39, 51.055],
    });
    expect(clipped.points.map((p) => p.id)).toEqual(['museum-with-hours']);
    expect(brief(clipped.issues).filter((i) => i.includes('OUTSIDE_AREA'))).toEqual([
      `${file}:55 /@graph/5/isLocatedAt/0/schema:geo OUTSIDE_AREA skipped`,
    ]);
  });

  it('refuses a file that is not JSON as JSON_INVALID', () => {
    expect(() => importDatatourisme('{ "@graph": [', { file })).toThrow(
      expect.objectContaining({ code: 'JSON_INVALID', details: expect.objectContaining({ file }) }),
    );
  });

  it('maps the most specific class first', () => {
    expect(datatourismeCategory(['Restaurant', 'CulturalSite'])).toBe('food');
    expect(datatourismeCategory(['https://www.datatourisme.fr/ontology/core#Library'])).toBe('library');
    expect(datatourismeCategory(['Thing'])).toBeUndefined();
  });
});

describe('importGeoJson', () => {
  const file = 'services.sample.geojson';
  const result = importGeoJson(read('../../samples/geojson/services.sample.geojson'), {
    file,
    source: 'sample',
  });

  it('reports each bad feature with file, line and field', () => {
    expect(brief(result.issues)).toEqual([
      `${file}:29 /features/2/properties/opening_hours UNSUPPORTED kept`,
      `${file}:39 /features/3/geometry/type UNSUPPORTED skipped`,
      `${file}:51 /features/4/geometry/coordinates FIELD_INVALID skipped`,
      `${file}:57 /features/5/id FIELD_MISSING skipped`,
      `${file}:62 /features/6/properties/category FIELD_INVALID skipped`,
      `${file}:68 /features/7/properties/category FIELD_MISSING skipped`,
    ]);
  });

  it('imports the rest, with categories from OSM tags and hours from opening_hours', () => {
    expect(result.points.map((p) => [p.id, p.category, p.hours?.length ?? 'unknown'])).toEqual([
      ['toilets-1', 'services', 1],
      ['cafe-1', 'food', 3],
      ['library-1', 'library', 'unknown'],
    ]);
    expect(result.points[1]).toMatchObject({
      url: 'https://example.org/cafe',
      name: { fr: 'Café (exemple)' },
    });
  });

  it('gives features without a category the configured default', () => {
    const withDefault = importGeoJson(read('../../samples/geojson/services.sample.geojson'), {
      file,
      source: 'sample',
      category: 'services',
    });
    expect(withDefault.points.map((p) => p.id)).toContain('bench');
  });

  it('clipped to a tour’s map bounds: a feature outside is reported at its line and left out', () => {
    const clipped = importGeoJson(read('../../samples/geojson/services.sample.geojson'), {
      file,
      source: 'sample',
      bounds: [0, 0, 0.001, 0.001],
    });
    expect(clipped.points).toEqual([]);
    expect(brief(clipped.issues).filter((i) => i.includes('OUTSIDE_AREA'))).toEqual([
      `${file}:5 /features/0/geometry/coordinates OUTSIDE_AREA skipped`,
      `${file}:17 /features/1/geometry/coordinates OUTSIDE_AREA skipped`,
      `${file}:29 /features/2/geometry/coordinates OUTSIDE_AREA skipped`,
      `${file}:57 /features/5/geometry/coordinates OUTSIDE_AREA skipped`,
      `${file}:62 /features/6/geometry/coordinates OUTSIDE_AREA skipped`,
      `${file}:68 /features/7/geometry/coordinates OUTSIDE_AREA skipped`,
    ]);
  });

  it('refuses a document that is not a FeatureCollection', () => {
    expect(() => importGeoJson('{"type":"Feature"}', { file, source: 's' })).toThrow(
      expect.objectContaining({ code: 'SOURCE_INVALID' }),
    );
  });

  it('produces points a layers document accepts', () => {
    expect(() =>
      parseLayers({
        layersVersion: 1,
        tour: 'sample',
        sources: { sample: { name: 's', licence: 'CC0-1.0', attribution: 's', sample: true } },
        points: result.points,
      }),
    ).not.toThrow();
  });
});

describe('parseOsmOpeningHours (the common subset)', () => {
  it('reads day ranges, lists, wrap-around and split hours', () => {
    expect(parseOsmOpeningHours('Mo-Fr 09:00-18:00; Sa 10:00-12:00,14:00-17:00')).toEqual([
      { days: [1, 2, 3, 4, 5], opens: '09:00', closes: '18:00' },
      { days: [6], opens: '10:00', closes: '12:00' },
      { days: [6], opens: '14:00', closes: '17:00' },
    ]);
    expect(parseOsmOpeningHours('Sa-Mo 10:00-24:00')).toEqual([
      { days: [6, 7, 1], opens: '10:00', closes: '24:00' },
    ]);
    expect(parseOsmOpeningHours('Mo,We 08:00-09:00')?.[0]?.days).toEqual([1, 3]);
  });

  it('leaves richer rules unknown rather than guess', () => {
    expect(parseOsmOpeningHours('Mo-Fr 10:00-18:00; PH off')).toBeUndefined();
    expect(parseOsmOpeningHours('Jan-Mar Mo 10:00-12:00')).toBeUndefined();
    expect(parseOsmOpeningHours('Mo 18:00-09:00')).toBeUndefined();
    expect(parseOsmOpeningHours('Mo 10:75-12:00')).toBeUndefined();
  });
});

describe('jsonLines', () => {
  it('gives the line each value starts on, by JSON pointer', () => {
    const text = '{\n  "a": [\n    1,\n    { "b/c": "x\\"y" }\n  ],\n  "d": true\n}';
    const lines = jsonLines(text);
    expect(lines.get('')).toBe(1);
    expect(lines.get('/a')).toBe(2);
    expect(lines.get('/a/1')).toBe(4);
    expect(lines.get('/a/1/b~1c')).toBe(4);
    expect(lines.get('/d')).toBe(6);
  });
});
