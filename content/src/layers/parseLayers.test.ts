import { describe, expect, it } from 'vitest';
import { TourFormatError } from '../errors/TourFormatError';
import { compactTimetable } from './compactTimetable';
import { catalogueSearchUrl } from './library';
import { hoursOn, isOpenAt } from './openingHours';
import { decodeLayers, parseLayers } from './parseLayers';
import { isIsbn13, type LayersDocument } from './schema';
import { testBounds, testFeed } from './testFeed';

function sampleDoc(): LayersDocument {
  return {
    layersVersion: 1,
    tour: 'dunkirk-port-mole',
    sources: {
      datatourisme: {
        name: 'DATAtourisme',
        licence: 'Licence-Ouverte-2.0',
        attribution: 'DATAtourisme, Licence Ouverte 2.0 (Etalab)',
      },
      bus: { name: 'Bus sample', licence: 'CC0-1.0', attribution: 'hand-made sample', sample: true },
      balises: { name: 'Les Balises', licence: 'CC-BY-4.0', attribution: 'Les Balises network' },
    },
    points: [
      {
        id: 'poi-statue-jean-bart',
        category: 'heritage',
        name: { fr: 'Statue de Jean Bart', en: 'Statue of Jean Bart' },
        position: [2.3775, 51.03472],
        source: 'datatourisme',
        sourceId: 'poi-statue-jean-bart',
        hours: [{ days: [1, 2, 3, 4, 5], opens: '09:00', closes: '18:00' }],
      },
    ],
    timetable: compactTimetable(testFeed, { source: 'bus', bounds: testBounds }),
    library: {
      source: 'balises',
      catalogue: { name: 'Les Balises', searchUrl: 'https://www.lesbalises.fr/recherche?q={query}' },
      stops: {
        'place-jean-bart': [
          { kind: 'book', title: 'Dunkirk', author: 'Joshua Levine', year: 2017, isbn: '9780062740311' },
          { kind: 'film', title: 'Week-end à Zuydcoote', author: 'Henri Verneuil', year: 1964 },
        ],
      },
    },
  };
}

function refusal(run: () => unknown): TourFormatError {
  try {
    run();
  } catch (err) {
    if (err instanceof TourFormatError) return err;
    throw err;
  }
  throw new Error('expected a TourFormatError');
}

describe('parseLayers', () => {
  it('accepts a document with points, a timetable and library links, and returns it unchanged', () => {
    const doc = sampleDoc();
    expect(parseLayers(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
  });

  it('refuses a newer layersVersion with FORMAT_VERSION_UNSUPPORTED', () => {
    const err = refusal(() => parseLayers({ ...sampleDoc(), layersVersion: 2 }));
    expect(err.code).toBe('FORMAT_VERSION_UNSUPPORTED');
    expect(err.details).toMatchObject({ file: 'layers.json', pointer: '/layersVersion', actual: 2 });
  });

  it('refuses a point whose source is not declared, naming the field', () => {
    const doc = sampleDoc();
    (doc.points[0] as { source: string }).source = 'osm';
    const err = refusal(() => parseLayers(doc, 'layers/layers.json'));
    expect(err.code).toBe('SCHEMA_INVALID');
    expect(err.details).toMatchObject({ file: 'layers/layers.json', pointer: '/points/0/source' });
  });

  it('refuses an unknown category and a position off the globe', () => {
    const doc = sampleDoc() as unknown as { points: { category: string; position: number[] }[] };
    (doc.points[0] as { category: string }).category = 'casino';
    expect(refusal(() => parseLayers(doc)).details.pointer).toBe('/points/0/category');
    const doc2 = sampleDoc();
    (doc2.points[0] as { position: number[] }).position = [2.3, 95];
    expect(refusal(() => parseLayers(doc2)).details.pointer).toBe('/points/0/position/1');
  });

  it('refuses departures out of time order and a trip index out of range', () => {
    const doc = sampleDoc();
    const row = doc.timetable?.departures[0] as { t: number[]; k: number[] };
    row.t.reverse();
    expect(refusal(() => parseLayers(doc)).details.pointer).toBe('/timetable/departures/0/t/1');
    const doc2 = sampleDoc();
    (doc2.timetable?.departures[1] as { k: number[] }).k[0] = 99;
    expect(refusal(() => parseLayers(doc2)).details.pointer).toBe('/timetable/departures/1/k/0');
  });

  it('refuses a wrong ISBN check digit and a catalogue URL without {query}', () => {
    const doc = sampleDoc();
    const items = doc.library?.stops['place-jean-bart'] as { isbn?: string }[];
    (items[0] as { isbn?: string }).isbn = '9780062740312';
    expect(refusal(() => parseLayers(doc)).details.pointer).toBe('/library/stops/place-jean-bart/0/isbn');
    const doc2 = sampleDoc();
    (doc2.library as { catalogue: { searchUrl: string } }).catalogue.searchUrl = 'https://www.lesbalises.fr/';
    expect(refusal(() => parseLayers(doc2)).details.pointer).toBe('/library/catalogue/searchUrl');
  });

  it('refuses duplicate point ids and hours that close before they open', () => {
    const doc = sampleDoc();
    doc.points.push({ ...(doc.points[0] as LayersDocument['points'][number]) });
    expect(refusal(() => parseLayers(doc)).details.pointer).toBe('/points/1/id');
    const doc2 = sampleDoc();
    doc2.points[0]!.hours = [{ days: [1], opens: '18:00', closes: '09:00' }];
    expect(refusal(() => parseLayers(doc2)).details.pointer).toBe('/points/0/hours/0/closes');
  });

  it('decodes UTF-8 bytes, and calls bytes that are not JSON JSON_INVALID', () => {
    const bytes = new TextEncoder().encode(JSON.stringify(sampleDoc()));
    expect(decodeLayers(bytes).points).toHaveLength(1);
    expect(refusal(() => decodeLayers(new TextEncoder().encode('{"layersVersion":'))).code).toBe(
      'JSON_INVALID',
    );
  });
});

describe('opening hours', () => {
  const hours = [
    { days: [2, 3, 4, 5, 6, 7], opens: '10:00', closes: '18:00' },
    { days: [6], opens: '10:00', closes: '12:00', from: 20260701, through: 20260831 },
  ];

  it('is open inside a period and closed at its closing minute', () => {
    expect(isOpenAt(hours, { date: 20260526, minute: 600 })).toBe(true); // Tuesday 10:00
    expect(isOpenAt(hours, { date: 20260526, minute: 1080 })).toBe(false); // Tuesday 18:00
    expect(isOpenAt(hours, { date: 20260525, minute: 700 })).toBe(false); // Monday
  });

  it('applies a dated period only within its dates, and says unknown when hours are unknown', () => {
    expect(hoursOn(hours, 20260704)).toHaveLength(2); // a Saturday in July
    expect(hoursOn(hours, 20260530)).toHaveLength(1);
    expect(isOpenAt(undefined, { date: 20260526, minute: 600 })).toBeUndefined();
  });
});

describe('library links', () => {
  it('checks ISBN-13 check digits (ISO 2108)', () => {
    expect(isIsbn13('9780062740311')).toBe(true);
    expect(isIsbn13('9780062740310')).toBe(false);
    expect(isIsbn13('006274031X')).toBe(false);
  });

  it('builds a catalogue search from the ISBN, else from title and author', () => {
    const catalogue = { name: 'Les Balises', searchUrl: 'https://www.lesbalises.fr/recherche?q={query}' };
    expect(catalogueSearchUrl(catalogue, { kind: 'book', title: 'Dunkirk', isbn: '9780062740311' })).toBe(
      'https://www.lesbalises.fr/recherche?q=9780062740311',
    );
    expect(
      catalogueSearchUrl(catalogue, {
        kind: 'film',
        title: 'Week-end à Zuydcoote',
        author: 'Henri Verneuil',
      }),
    ).toBe('https://www.lesbalises.fr/recherche?q=Week-end%20%C3%A0%20Zuydcoote%20Henri%20Verneuil');
  });
});
