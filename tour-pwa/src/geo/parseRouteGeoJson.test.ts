import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GeoError } from './GeoError';
import { parseRouteGeoJson } from './parseRouteGeoJson';
import { RUNS, SEED } from './testing';

const line = {
  type: 'LineString',
  coordinates: [
    [2.37, 51.03, 4],
    [2.38, 51.04],
  ],
};
const errorOf = (json: unknown) => {
  try {
    parseRouteGeoJson(json);
  } catch (e) {
    if (e instanceof GeoError) return { code: e.code, path: e.details.path };
    throw e;
  }
  return null;
};

describe('parseRouteGeoJson', () => {
  it('reads a LineString (RFC 7946 §3.1.4), dropping altitudes', () => {
    expect(parseRouteGeoJson(line)).toEqual([
      [2.37, 51.03],
      [2.38, 51.04],
    ]);
  });

  it('reads a Feature holding a LineString or a MultiLineString', () => {
    expect(parseRouteGeoJson({ type: 'Feature', properties: {}, geometry: line })).toHaveLength(2);
    const multi = {
      type: 'MultiLineString',
      coordinates: [
        [
          [0, 0],
          [1, 1],
        ],
        [
          [1, 1],
          [2, 2],
        ],
      ],
    };
    expect(parseRouteGeoJson({ type: 'Feature', properties: null, geometry: multi })).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
  });

  it('joins the line features of a FeatureCollection in order, skipping stop points', () => {
    const fc1 = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'mole' },
          geometry: { type: 'Point', coordinates: [2.35, 51.05] },
        },
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'LineString',
            coordinates: [
              [0, 0],
              [1, 1],
            ],
          },
        },
        { type: 'Feature', properties: {}, geometry: null },
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'LineString',
            coordinates: [
              [1, 1],
              [2, 2],
            ],
          },
        },
      ],
    };
    expect(parseRouteGeoJson(fc1)).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
  });

  it('names the JSON pointer of each fault', () => {
    expect(errorOf({ type: 'Point', coordinates: [0, 0] })).toEqual({
      code: 'GEOJSON_INVALID',
      path: '/type',
    });
    expect(
      errorOf({
        type: 'LineString',
        coordinates: [
          [0, 0],
          [0, 95],
        ],
      }),
    ).toEqual({
      code: 'GEOJSON_INVALID',
      path: '/coordinates/1',
    });
    expect(errorOf({ type: 'Feature', geometry: { type: 'LineString', coordinates: 'x' } })).toEqual({
      code: 'GEOJSON_INVALID',
      path: '/geometry/coordinates',
    });
    expect(
      errorOf({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: {
              type: 'LineString',
              coordinates: [
                [0, 0],
                ['1', 1],
              ],
            },
          },
        ],
      }),
    ).toEqual({ code: 'GEOJSON_INVALID', path: '/features/0/geometry/coordinates/1' });
    expect(errorOf({ type: 'FeatureCollection', features: [] })).toEqual({
      code: 'GEOJSON_INVALID',
      path: '/features',
    });
    expect(errorOf('route.geojson')).toEqual({ code: 'GEOJSON_INVALID', path: '' });
    expect(errorOf(null)).toEqual({ code: 'GEOJSON_INVALID', path: '' });
  });

  it('refuses a line of fewer than two points with ROUTE_TOO_SHORT', () => {
    expect(errorOf({ type: 'LineString', coordinates: [[0, 0]] })?.code).toBe('ROUTE_TOO_SHORT');
  });

  it('throws only GeoError, whatever JSON it is given', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.constantFrom('LineString', 'Feature', 'FeatureCollection', 'MultiLineString'),
        (v, type) => {
          for (const input of [v, { type, coordinates: v, geometry: v, features: v }]) {
            try {
              parseRouteGeoJson(input);
            } catch (e) {
              expect(e).toBeInstanceOf(GeoError);
            }
          }
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
