import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { destination, distanceM } from './distances';
import { GeoError } from './GeoError';
import { createPointIndex, type IndexedPoint } from './pointIndex';
import { DUNKIRK, RUNS, SEED } from './testing';
import type { LngLat } from './types';

const ring = (n: number, radius: number): IndexedPoint[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    position: destination(DUNKIRK, (i * 360) / n, radius + i),
    kind: i % 2 ? 'library' : 'tourism',
  }));

describe('createPointIndex', () => {
  it('returns the points within the distance, nearest first, each with its distance and own fields', () => {
    const idx = createPointIndex(ring(8, 100)); // p0 at 100 m … p7 at 107 m
    const hits = idx.around(DUNKIRK, 103.5);
    expect(hits.map((h) => h.id)).toEqual(['p0', 'p1', 'p2', 'p3']);
    expect(hits[2]!.distanceM).toBeCloseTo(102, 6);
    expect(hits[1]!.kind).toBe('library');
  });

  it('stops at max results, and an infinite distance finds everything', () => {
    const idx = createPointIndex(ring(50, 10));
    expect(idx.around(DUNKIRK, 1000, 3).map((h) => h.id)).toEqual(['p0', 'p1', 'p2']);
    expect(idx.around(DUNKIRK, Infinity)).toHaveLength(50);
    expect(idx.size).toBe(50);
  });

  it('finds neighbours across the antimeridian', () => {
    const idx = createPointIndex([
      { id: 'east', position: [179.9999, 0] },
      { id: 'west', position: [-179.9999, 0] },
    ]);
    expect(
      idx
        .around([180, 0], 20)
        .map((h) => h.id)
        .sort(),
    ).toEqual(['east', 'west']);
  });

  it('answers nothing for an empty index, a negative distance or an invalid query point', () => {
    expect(createPointIndex([]).around(DUNKIRK, 1e6)).toEqual([]);
    const idx = createPointIndex(ring(4, 10));
    expect(idx.around(DUNKIRK, -1)).toEqual([]);
    expect(idx.around([Number.NaN, 0], 100)).toEqual([]);
  });

  it('refuses a point without a valid position with POINT_INVALID naming its index', () => {
    const bad = [...ring(3, 10), { id: 'x', position: [0, 95] as LngLat }];
    try {
      createPointIndex(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(GeoError);
      expect((e as GeoError).code).toBe('POINT_INVALID');
      expect((e as GeoError).details).toEqual({ index: 3, field: 'position' });
    }
  });

  it('agrees with a linear scan on random points and queries', () => {
    const near = fc.tuple(
      fc.double({ min: 2.3, max: 2.45, noNaN: true }),
      fc.double({ min: 50.98, max: 51.08, noNaN: true }),
    ) as fc.Arbitrary<LngLat>;
    fc.assert(
      fc.property(
        fc.array(near, { maxLength: 300 }),
        near,
        fc.double({ min: 0, max: 3000, noNaN: true }),
        (positions, q, maxM) => {
          const points = positions.map((position, i) => ({ id: String(i), position }));
          const got = createPointIndex(points).around(q, maxM);
          const want = points
            .map((p) => ({ id: p.id, d: distanceM(q, p.position) }))
            .filter((p) => p.d <= maxM)
            .sort((a, b) => a.d - b.d);
          expect(got.map((h) => h.id).sort()).toEqual(want.map((w) => w.id).sort());
          for (let i = 1; i < got.length; i++)
            expect(got[i]!.distanceM).toBeGreaterThanOrEqual(got[i - 1]!.distanceM);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('visits exactly the points within the distance, also across the antimeridian and near the poles', () => {
    const anywhere = fc.tuple(
      fc.double({ min: -180, max: 180, noNaN: true }),
      fc.double({ min: -90, max: 90, noNaN: true }),
    ) as fc.Arbitrary<LngLat>;
    // Points clustered around the query so that hits are common, wherever on Earth it is.
    const scene = anywhere.chain((q) =>
      fc.record({
        q: fc.constant(q),
        points: fc.array(
          fc.tuple(
            fc.double({ min: 0, max: 360, noNaN: true }),
            fc.double({ min: 0, max: 60_000, noNaN: true }),
          ),
          { maxLength: 100 },
        ),
        maxM: fc.double({ min: 0, max: 40_000, noNaN: true }),
      }),
    );
    fc.assert(
      fc.property(scene, ({ q, points, maxM }) => {
        const pts = points.map(([h, d], i) => ({ id: String(i), position: destination(q, h, d) }));
        const seen: string[] = [];
        createPointIndex(pts).forEachWithin(q, maxM, (p, d) => {
          expect(d).toBeCloseTo(distanceM(q, p.position), 9);
          seen.push(p.id);
        });
        const want = pts.filter((p) => distanceM(q, p.position) <= maxM).map((p) => p.id);
        expect(seen.sort()).toEqual(want.sort());
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
