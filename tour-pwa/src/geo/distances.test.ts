import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alongRoute, bearingDeg, destination, distanceM, EARTH_RADIUS_M, routeLengthM } from './distances';
import { GeoError } from './GeoError';
import { DUNKIRK, RUNS, SEED } from './testing';
import type { LngLat } from './types';

const ONE_DEGREE_M = (EARTH_RADIUS_M * Math.PI) / 180; // 111 195.08 m of arc
const dms = (d: number, m: number, s: number) => d + m / 60 + s / 3600;
const lngLat = fc.tuple(
  fc.double({ min: -180, max: 180, noNaN: true }),
  fc.double({ min: -89.9, max: 89.9, noNaN: true }),
) as fc.Arbitrary<LngLat>;

describe('distanceM', () => {
  it('measures one degree of a meridian or of the equator as R·π/180', () => {
    expect(distanceM([0, 0], [0, 1])).toBeCloseTo(ONE_DEGREE_M, 6);
    expect(distanceM([0, 0], [1, 0])).toBeCloseTo(ONE_DEGREE_M, 6);
    expect(distanceM([2.3767, 50.5], [2.3767, 51.5])).toBeCloseTo(ONE_DEGREE_M, 6);
  });

  it('shrinks a degree of longitude with the cosine of latitude (at 60°N, half)', () => {
    expect(distanceM([0, 60], [0.001, 60]) / distanceM([0, 0], [0.001, 0])).toBeCloseTo(0.5, 6);
  });

  it('agrees with the published Land’s End → John o’ Groats haversine example (968.9 km at R = 6371 km)', () => {
    const a: LngLat = [-dms(5, 42, 53), dms(50, 3, 59)];
    const b: LngLat = [-dms(3, 4, 12), dms(58, 38, 38)];
    expect((distanceM(a, b) / EARTH_RADIUS_M) * 6371).toBeCloseTo(968.9, 0);
    expect(bearingDeg(a, b)).toBeCloseTo(dms(9, 7, 11), 3);
  });

  it('is half the circumference between antipodes, without NaN', () => {
    expect(distanceM([0, 0], [180, 0])).toBeCloseTo(Math.PI * EARTH_RADIUS_M, 3);
    expect(distanceM([10, 45], [-170, -45])).toBeCloseTo(Math.PI * EARTH_RADIUS_M, 3);
  });

  it('is symmetric, never negative, zero for a point and to itself, and obeys the triangle inequality', () => {
    fc.assert(
      fc.property(lngLat, lngLat, lngLat, (a, b, c) => {
        const ab = distanceM(a, b);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(Math.abs(ab - distanceM(b, a))).toBeLessThan(1e-6);
        expect(distanceM(a, a)).toBe(0);
        // Haversine is ill-conditioned near antipodes (asin of √h with h → 1): centimetres of slack there.
        expect(ab).toBeLessThanOrEqual(distanceM(a, c) + distanceM(c, b) + 0.5);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('bearingDeg', () => {
  it('gives the four cardinal directions', () => {
    expect(bearingDeg([0, 0], [0, 1])).toBe(0);
    expect(bearingDeg([0, 0], [1, 0])).toBeCloseTo(90, 9);
    expect(bearingDeg([0, 1], [0, 0])).toBeCloseTo(180, 9);
    expect(bearingDeg([1, 0], [0, 0])).toBeCloseTo(270, 9);
  });

  it('crosses the antimeridian the short way', () => {
    expect(bearingDeg([179.9, 0], [-179.9, 0])).toBeCloseTo(90, 6);
  });

  it('stays in [0, 360)', () => {
    fc.assert(
      fc.property(lngLat, lngLat, (a, b) => {
        const d = bearingDeg(a, b);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThan(360);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('destination', () => {
  it('agrees with the published destination example (124.8 km on 096°01′18″ from 53°19′14″N 1°43′47″W)', () => {
    const start: LngLat = [-dms(1, 43, 47), dms(53, 19, 14)];
    const [lon, lat] = destination(start, dms(96, 1, 18), (124.8 * EARTH_RADIUS_M) / 6371);
    expect(lat).toBeCloseTo(dms(53, 11, 18), 3);
    expect(lon).toBeCloseTo(dms(0, 8, 0), 3);
  });

  it('wraps longitude across the antimeridian', () => {
    const [lon, lat] = destination([179.99, 0], 90, 0.02 * ONE_DEGREE_M);
    expect(lon).toBeCloseTo(-179.99, 9);
    expect(lat).toBeCloseTo(0, 9);
  });

  it('is inverted by distanceM and bearingDeg (up to 1000 km, away from the poles)', () => {
    fc.assert(
      fc.property(
        fc.tuple(
          fc.double({ min: -180, max: 180, noNaN: true }),
          fc.double({ min: -80, max: 80, noNaN: true }),
        ) as fc.Arbitrary<LngLat>,
        fc.double({ min: 0, max: 359.999, noNaN: true }),
        fc.double({ min: 1, max: 1_000_000, noNaN: true }),
        (from, heading, d) => {
          const to = destination(from, heading, d);
          expect(distanceM(from, to)).toBeCloseTo(d, 3);
          const back = bearingDeg(from, to);
          expect(Math.min(Math.abs(back - heading), 360 - Math.abs(back - heading))).toBeLessThan(1e-6);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('routeLengthM and alongRoute', () => {
  const square: LngLat[] = [
    DUNKIRK,
    destination(DUNKIRK, 90, 100),
    destination(destination(DUNKIRK, 90, 100), 0, 100),
  ];

  it('sums the segments of a route; 0 for fewer than two points', () => {
    expect(routeLengthM(square)).toBeCloseTo(200, 6);
    expect(routeLengthM([DUNKIRK])).toBe(0);
    expect(routeLengthM([])).toBe(0);
  });

  it('puts a point every N metres measured along the line, from the first vertex to the last', () => {
    const pts = alongRoute(square, 30);
    // 0, 30, …, 180 along the line, then the end at 200.
    expect(pts).toHaveLength(8);
    expect(pts[0]).toEqual(square[0]);
    expect(pts[7]).toEqual(square[2]);
    expect(distanceM(square[0]!, pts[3]!)).toBeCloseTo(90, 6);
    // 120 m along: 20 m up the second leg.
    expect(distanceM(square[1]!, pts[4]!)).toBeCloseTo(20, 6);
  });

  it('does not repeat the end when it falls on a regular point, and skips zero-length segments', () => {
    expect(alongRoute(square, 50)).toHaveLength(5);
    expect(alongRoute([DUNKIRK, DUNKIRK, square[1]!], 50)).toHaveLength(3);
  });

  it('handles empty and single-point routes, and rejects a non-positive spacing', () => {
    expect(alongRoute([], 5)).toEqual([]);
    expect(alongRoute([DUNKIRK], 5)).toEqual([DUNKIRK]);
    for (const bad of [0, -1, Number.NaN, Infinity]) {
      expect(() => alongRoute(square, bad)).toThrow(GeoError);
      try {
        alongRoute(square, bad);
      } catch (e) {
        expect((e as GeoError).code).toBe('OPTION_INVALID');
      }
    }
  });

  it('never spaces two successive points more than N metres apart', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: 0, max: 359, noNaN: true }),
            fc.double({ min: 0, max: 300, noNaN: true }),
          ),
          { minLength: 1, maxLength: 8 },
        ),
        fc.double({ min: 1, max: 100, noNaN: true }),
        (legs, every) => {
          const route: LngLat[] = [DUNKIRK];
          for (const [h, d] of legs) route.push(destination(route[route.length - 1]!, h, d));
          const pts = alongRoute(route, every);
          for (let i = 1; i < pts.length; i++) {
            expect(distanceM(pts[i - 1]!, pts[i]!)).toBeLessThanOrEqual(every + 1e-6);
          }
          expect(distanceM(pts[pts.length - 1]!, route[route.length - 1]!)).toBeLessThan(1e-6);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
