import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { destination } from './distances';
import { GeoError } from './GeoError';
import { createGeofencer, ENTER_ACCURACY_FACTOR, type GeofenceEvent, type GeofenceStop } from './geofencer';
import { DUNKIRK, RUNS, SEED } from './testing';
import type { Fix, LngLat } from './types';

const stopAt = (id: string, position: LngLat, more: Partial<GeofenceStop> = {}): GeofenceStop => ({
  id,
  position,
  radiusM: 20,
  dwellS: 0,
  minAccuracyM: 30,
  ...more,
});
/** A fix `m` metres east of `p` (negative: west). */
const fixNear = (p: LngLat, m: number, at: number, accuracyM = 5): Fix => ({
  position: m === 0 ? p : destination(p, m > 0 ? 90 : 270, Math.abs(m)),
  accuracyM,
  timestamp: at,
});
const types = (events: GeofenceEvent[]) =>
  events.map((e) => ('stopId' in e ? `${e.type}:${e.stopId}` : e.type));
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof GeoError) return e.code;
    throw e;
  }
  return 'no error';
};

const A = stopAt('a', DUNKIRK);

describe('accuracy gating', () => {
  it('never fires on a 200 m accuracy fix, even at the stop’s centre', () => {
    const g = createGeofencer([A]);
    expect(g.update(fixNear(DUNKIRK, 0, 0, 200))).toEqual([{ type: 'ignored', reason: 'accuracy', at: 0 }]);
    expect(g.state.visited.size).toBe(0);
    expect(g.state.inside).toBeNull();
  });

  it('lets a fix worse than one stop’s minAccuracyM change nothing for that stop, yet serve another', () => {
    const strict = stopAt('strict', DUNKIRK, { minAccuracyM: 10 });
    const loose = stopAt('loose', destination(DUNKIRK, 0, 10), { minAccuracyM: 30, radiusM: 40 });
    const g = createGeofencer([strict, loose], { order: 'any' });
    expect(types(g.update(fixNear(DUNKIRK, 0, 0, 20)))).toEqual(['enter:loose', 'arrive:loose']);
    expect(types(g.update(fixNear(DUNKIRK, 0, 1000, 8)))).toEqual(['enter:strict', 'arrive:strict']);
  });

  it('ignores a fix whose position, accuracy or time is not a number, without throwing', () => {
    const g = createGeofencer([A]);
    const bad: Fix[] = [
      { position: [Number.NaN, 51], accuracyM: 5, timestamp: 0 },
      { position: [2.37, 91], accuracyM: 5, timestamp: 0 },
      { position: DUNKIRK, accuracyM: Number.NaN, timestamp: 0 },
      { position: DUNKIRK, accuracyM: -1, timestamp: 0 },
      { position: DUNKIRK, accuracyM: 5, timestamp: Number.POSITIVE_INFINITY },
    ];
    for (const f of bad) expect(g.update(f).map((e) => e.type)).toEqual(['ignored']);
    expect(g.state.visited.size).toBe(0);
  });
});

describe('entering and leaving a zone', () => {
  const r = 20;
  const acc = 10;
  const enterEdge = r - ENTER_ACCURACY_FACTOR * acc; // 15 m

  it(`enters when distance + ${ENTER_ACCURACY_FACTOR}·accuracy ≤ radius, not a metre further`, () => {
    const g = createGeofencer([stopAt('a', DUNKIRK, { dwellS: 60 })]);
    expect(g.update(fixNear(DUNKIRK, enterEdge + 1, 0, acc))).toEqual([]);
    expect(g.update(fixNear(DUNKIRK, enterEdge - 0.01, 1000, acc))).toEqual([
      { type: 'enter', stopId: 'a', at: 1000 },
    ]);
    expect(g.state.inside).toBe('a');
  });

  it('exits only past radius + margin (default max(15 m, radius/4)), so noise at the edge does not flap', () => {
    const g = createGeofencer([stopAt('a', DUNKIRK, { dwellS: 600 })]);
    g.update(fixNear(DUNKIRK, 0, 0, 2));
    // 20 m radius + 15 m margin + 1 m of half-accuracy = 36 m.
    // Fixes 30 s apart: slow enough that no move here looks like a jump.
    let t = 0;
    for (const m of [21, 30, 35.9, -35.9, 10, 35])
      expect(g.update(fixNear(DUNKIRK, m, (t += 30_000), 2))).toEqual([]);
    expect(g.update(fixNear(DUNKIRK, 36.1, (t += 30_000), 2))).toEqual([
      { type: 'exit', stopId: 'a', at: t },
    ]);
    expect(g.state.inside).toBeNull();
  });

  it('scales the default margin with large zones (radius 100 → margin 25)', () => {
    const g = createGeofencer([stopAt('big', DUNKIRK, { radiusM: 100, dwellS: 600 })]);
    g.update(fixNear(DUNKIRK, 0, 0, 2));
    expect(g.update(fixNear(DUNKIRK, 125.9, 30_000, 2))).toEqual([]);
    expect(types(g.update(fixNear(DUNKIRK, 126.1, 60_000, 2)))).toEqual(['exit:big']);
  });

  it('honours an explicit exitMarginM', () => {
    const g = createGeofencer([stopAt('a', DUNKIRK, { dwellS: 600 })], { exitMarginM: 0 });
    g.update(fixNear(DUNKIRK, 0, 0, 2));
    expect(types(g.update(fixNear(DUNKIRK, 21.1, 30_000, 2)))).toEqual(['exit:a']);
  });
});

describe('dwell and arrival', () => {
  it('arrives at once with dwell 0', () => {
    const g = createGeofencer([A]);
    expect(g.update(fixNear(DUNKIRK, 0, 5000))).toEqual([
      { type: 'enter', stopId: 'a', at: 5000 },
      { type: 'arrive', stopId: 'a', at: 5000 },
    ]);
    expect([...g.state.visited]).toEqual(['a']);
  });

  it('arrives after dwellS of continuous inside-ness, counted from the enter', () => {
    const g = createGeofencer([stopAt('a', DUNKIRK, { dwellS: 10 })]);
    expect(types(g.update(fixNear(DUNKIRK, 0, 0)))).toEqual(['enter:a']);
    expect(g.update(fixNear(DUNKIRK, 5, 9_999))).toEqual([]);
    expect(g.update(fixNear(DUNKIRK, 5, 10_000))).toEqual([{ type: 'arrive', stopId: 'a', at: 10_000 }]);
  });

  it('restarts the dwell after an exit', () => {
    const g = createGeofencer([stopAt('a', DUNKIRK, { dwellS: 10 })]);
    g.update(fixNear(DUNKIRK, 0, 0));
    expect(types(g.update(fixNear(DUNKIRK, 60, 6_000)))).toEqual(['exit:a']);
    expect(types(g.update(fixNear(DUNKIRK, 0, 12_000)))).toEqual(['enter:a']);
    expect(g.update(fixNear(DUNKIRK, 0, 21_000))).toEqual([]);
    expect(types(g.update(fixNear(DUNKIRK, 0, 22_000)))).toEqual(['arrive:a']);
  });

  it('arrives each stop at most once, however often the visitor comes back', () => {
    const g = createGeofencer([A]);
    const arrivals: string[] = [];
    for (let i = 0; i < 10; i++) {
      for (const e of [
        ...g.update(fixNear(DUNKIRK, 0, i * 20_000)),
        ...g.update(fixNear(DUNKIRK, 80, i * 20_000 + 10_000)),
      ]) {
        if (e.type === 'arrive') arrivals.push(e.stopId);
      }
    }
    expect(arrivals).toEqual(['a']);
  });

  it('does not complete a dwell on a fix too poor for the stop', () => {
    const g = createGeofencer([stopAt('a', DUNKIRK, { dwellS: 5, minAccuracyM: 15 })], { maxAccuracyM: 50 });
    g.update(fixNear(DUNKIRK, 0, 0, 5));
    expect(g.update(fixNear(DUNKIRK, 0, 6000, 40))).toEqual([]);
    expect(types(g.update(fixNear(DUNKIRK, 0, 7000, 5)))).toEqual(['arrive:a']);
  });
});

describe('tour order', () => {
  const line = [0, 1, 2, 3].map((i) => stopAt(`s${i}`, destination(DUNKIRK, 90, i * 200)));

  it('sequential: a later stop may fire (skipping), an earlier unvisited one may not', () => {
    const g = createGeofencer(line);
    expect(g.state.nextStopId).toBe('s0');
    expect(types(g.update(fixNear(line[2]!.position, 0, 0)))).toEqual(['enter:s2', 'arrive:s2']);
    expect(g.state.nextStopId).toBe('s3');
    expect(types(g.update(fixNear(line[1]!.position, 0, 60_000)))).toEqual(['exit:s2', 'enter:s1']);
    expect(g.state.visited.has('s1')).toBe(false);
  });

  it('any: every unvisited stop may fire, and the next stop is the first unvisited in tour order', () => {
    const g = createGeofencer(line, { order: 'any' });
    g.update(fixNear(line[2]!.position, 0, 0));
    expect(g.state.nextStopId).toBe('s0');
    expect(types(g.update(fixNear(line[1]!.position, 0, 60_000)))).toEqual([
      'exit:s2',
      'enter:s1',
      'arrive:s1',
    ]);
  });

  it('gives distance and bearing to the next stop, and null at the end', () => {
    const g = createGeofencer(line);
    const west = destination(DUNKIRK, 270, 100);
    const n = g.next(west)!;
    expect(n.stopId).toBe('s0');
    expect(n.distanceM).toBeCloseTo(100, 6);
    expect(n.bearingDeg).toBeCloseTo(90, 2);
    g.arriveManually('s3', 0);
    expect(g.state.nextStopId).toBeNull();
    expect(g.next(west)).toBeNull();
  });
});

describe('manual arrival and restore', () => {
  const two = [A, stopAt('b', destination(DUNKIRK, 90, 300))];

  it('“I’m here” arrives a stop once, marked manual, and GPS never fires it again', () => {
    const g = createGeofencer(two);
    expect(g.arriveManually('a', 42)).toEqual([{ type: 'arrive', stopId: 'a', at: 42, manual: true }]);
    expect(g.arriveManually('a', 43)).toEqual([]);
    expect(types(g.update(fixNear(DUNKIRK, 0, 1000)))).toEqual(['enter:a']);
    expect(g.state.nextStopId).toBe('b');
  });

  it('refuses an unknown stop with STOP_UNKNOWN', () => {
    expect(codeOf(() => createGeofencer(two).arriveManually('nope', 0))).toBe('STOP_UNKNOWN');
  });

  it('restores a tour in progress: visited stops stay silent and the next stop follows them', () => {
    const g = createGeofencer(two);
    g.restore(['a', 'removed-in-a-newer-version']);
    expect([...g.state.visited]).toEqual(['a']);
    expect(g.state.nextStopId).toBe('b');
    expect(types(g.update(fixNear(DUNKIRK, 0, 0)))).toEqual(['enter:a']);
    g.restore([]);
    expect(g.state.nextStopId).toBe('a');
    expect(g.state.inside).toBeNull();
  });

  it('keeps the same state object while nothing changes, a new one when something does', () => {
    const g = createGeofencer(two, { order: 'any' });
    const s0 = g.state;
    g.update(fixNear(DUNKIRK, 200, 0));
    expect(g.state).toBe(s0);
    g.update(fixNear(DUNKIRK, 0, 60_000));
    expect(g.state).not.toBe(s0);
    expect(s0.visited.size).toBe(0);
  });
});

describe('jumps and stale fixes', () => {
  it('ignores a fix that implies an impossible speed, and recovers when the next fix confirms a move', () => {
    const far = destination(DUNKIRK, 90, 2000);
    const g = createGeofencer([A, stopAt('far', far)], { order: 'any' });
    g.update(fixNear(destination(DUNKIRK, 270, 100), 0, 0));
    expect(g.update(fixNear(far, 0, 5000))).toEqual([{ type: 'ignored', reason: 'jump', at: 5000 }]);
    expect(types(g.update(fixNear(far, 0, 8000)))).toEqual(['enter:far', 'arrive:far']);
  });

  it('drops a fix older than the last one silently', () => {
    const g = createGeofencer([A]);
    g.update(fixNear(DUNKIRK, 100, 10_000));
    expect(g.update(fixNear(DUNKIRK, 0, 5_000))).toEqual([]);
    expect(g.state.visited.size).toBe(0);
  });
});

describe('validation', () => {
  it('refuses stops with a bad field or a duplicate id, with POINT_INVALID naming them', () => {
    const bad: Partial<GeofenceStop>[] = [
      { position: [200, 0] },
      { radiusM: 0 },
      { dwellS: -1 },
      { minAccuracyM: Number.NaN },
      { id: '' },
    ];
    for (const b of bad) expect(codeOf(() => createGeofencer([{ ...A, ...b }]))).toBe('POINT_INVALID');
    try {
      createGeofencer([A, A]);
    } catch (e) {
      expect((e as GeoError).details).toMatchObject({ index: 1, field: 'id', stopId: 'a' });
    }
    expect(codeOf(() => createGeofencer([A], { exitMarginM: -1 }))).toBe('OPTION_INVALID');
  });
});

describe('an empty tour', () => {
  it('accepts fixes, fires nothing and has no next stop', () => {
    const g = createGeofencer([]);
    expect(g.update(fixNear(DUNKIRK, 0, 0, 80))).toEqual([]);
    expect(g.state).toMatchObject({ inside: null, nextStopId: null });
    expect(g.next(DUNKIRK)).toBeNull();
  });
});

describe('the spatial index does the work', () => {
  it('examines only stops near the fix, not all 50,000', () => {
    let reads = 0;
    const stops: GeofenceStop[] = [];
    for (let i = 0; i < 50_000; i++) {
      const position: LngLat = [2.2 + (i % 250) * 0.002, 50.95 + Math.floor(i / 250) * 0.001];
      stops.push({
        id: `p${i}`,
        position,
        radiusM: 30,
        dwellS: 0,
        get minAccuracyM() {
          reads++;
          return 30;
        },
      });
    }
    const g = createGeofencer(stops, { maxAccuracyM: 30, order: 'any' });
    reads = 0;
    const events = g.update({ position: stops[12_345]!.position, accuracyM: 5, timestamp: 0 });
    expect(types(events)).toEqual(['enter:p12345', 'arrive:p12345']);
    expect(reads).toBeLessThanOrEqual(4);
  });
});

describe('properties', () => {
  const stops = [0, 1, 2, 3, 4].map((i) =>
    stopAt(`s${i}`, destination(DUNKIRK, 90, i * 80), { radiusM: 15 + i * 10, dwellS: i, minAccuracyM: 20 }),
  );
  const fixArb = fc.record({
    position: fc.tuple(
      fc.oneof(fc.double({ min: 2.37, max: 2.385, noNaN: true }), fc.double()),
      fc.oneof(fc.double({ min: 51.033, max: 51.035, noNaN: true }), fc.double()),
    ),
    accuracyM: fc.oneof(fc.double({ min: 0, max: 60, noNaN: true }), fc.double()),
    dt: fc.integer({ min: -2000, max: 20_000 }),
  });

  // Now and then the visitor presses "I'm here" on some stop instead of moving.
  const stepArb = fc.oneof(
    { weight: 9, arbitrary: fixArb },
    { weight: 1, arbitrary: fc.record({ manual: fc.constantFrom(...stops.map((s) => s.id)) }) },
  );

  it('random fixes and “I’m here” presses never throw, never arrive a stop twice, and GPS arrivals keep tour order when sequential', () => {
    fc.assert(
      fc.property(
        fc.array(stepArb, { maxLength: 80 }),
        fc.constantFrom('sequential', 'any'),
        (steps, order) => {
          const g = createGeofencer(stops, { order: order as 'sequential' | 'any' });
          const arrived: string[] = [];
          const byGps: string[] = [];
          let t = 0;
          for (const step of steps) {
            if ('manual' in step) {
              for (const e of g.arriveManually(step.manual, t))
                if (e.type === 'arrive') arrived.push(e.stopId);
              continue;
            }
            t += step.dt;
            const fix = { position: step.position as LngLat, accuracyM: step.accuracyM, timestamp: t };
            for (const e of g.update(fix)) {
              if (e.type !== 'arrive') continue;
              arrived.push(e.stopId);
              byGps.push(e.stopId);
            }
          }
          expect(new Set(arrived).size).toBe(arrived.length);
          expect([...g.state.visited].sort()).toEqual([...arrived].sort());
          if (order === 'sequential') expect(byGps).toEqual([...byGps].sort());
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
