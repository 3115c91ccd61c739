import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { destination, distanceM } from './distances';
import { createFixFilter } from './fixFilter';
import { GeoError } from './GeoError';
import { DUNKIRK, RUNS, SEED } from './testing';
import type { Fix, LngLat } from './types';

const at = (p: LngLat, timestamp: number, accuracyM = 5): Fix => ({ position: p, accuracyM, timestamp });
const east = (m: number) => destination(DUNKIRK, 90, m);

describe('createFixFilter', () => {
  it('rejects fixes less precise than maxAccuracyM', () => {
    const filter = createFixFilter({ maxAccuracyM: 30 });
    expect(filter(at(DUNKIRK, 0, 30.5))).toEqual({ accepted: false, reason: 'accuracy' });
    expect(filter(at(DUNKIRK, 0, 30))).toMatchObject({ accepted: true });
  });

  it('rejects a fix older than the last accepted one as stale', () => {
    const filter = createFixFilter({ maxAccuracyM: 30 });
    filter(at(DUNKIRK, 10_000));
    expect(filter(at(DUNKIRK, 9_999))).toEqual({ accepted: false, reason: 'stale' });
    expect(filter(at(DUNKIRK, 10_000))).toMatchObject({ accepted: true });
  });

  it('counts only the movement the two accuracy circles cannot explain', () => {
    const filter = createFixFilter({ maxAccuracyM: 50, maxSpeedMps: 2 });
    filter(at(DUNKIRK, 0, 20));
    // 60 m in 1 s, but 40 m of it lies within the two 20 m circles: 20 m/s unexplained → jump.
    expect(filter(at(east(60), 1000, 20))).toEqual({ accepted: false, reason: 'jump' });
    // 49 m in 5 s: 9 m unexplained over 5 s is 1.8 m/s → fine.
    expect(filter(at(east(49), 5000, 20))).toMatchObject({ accepted: true });
  });

  it('drops a lone outlier and keeps the walk', () => {
    const filter = createFixFilter({ maxAccuracyM: 30 });
    expect(filter(at(DUNKIRK, 0)).accepted).toBe(true);
    expect(filter(at(east(500), 3000))).toEqual({ accepted: false, reason: 'jump' });
    expect(filter(at(east(4), 6000)).accepted).toBe(true);
  });

  it('re-anchors when the next fix confirms the move (a tram ride, a phone waking up)', () => {
    const filter = createFixFilter({ maxAccuracyM: 30 });
    filter(at(DUNKIRK, 0));
    expect(filter(at(east(3000), 10_000)).accepted).toBe(false);
    expect(filter(at(east(3004), 13_000)).accepted).toBe(true);
    expect(filter(at(east(3008), 16_000)).accepted).toBe(true);
  });

  it('trusts the device’s own speed: a car at 30 m/s is moving, not jumping', () => {
    const withSpeed = createFixFilter({ maxAccuracyM: 30 });
    withSpeed({ ...at(DUNKIRK, 0), speedMps: 30 });
    for (let i = 1; i <= 10; i++) {
      expect(withSpeed({ ...at(east(i * 30), i * 1000), speedMps: 30 }).accepted).toBe(true);
    }
    // The same move with no reported speed: 20 m/s beyond the accuracy circles is a jump.
    const without = createFixFilter({ maxAccuracyM: 30 });
    without(at(DUNKIRK, 0));
    expect(without(at(east(30), 1000))).toEqual({ accepted: false, reason: 'jump' });
  });

  it('keeps some fixes during sustained fast travel with no reported speed: one in four re-anchors', () => {
    const filter = createFixFilter({ maxAccuracyM: 30 });
    filter(at(DUNKIRK, 0));
    const verdicts = Array.from(
      { length: 8 },
      (_, i) => filter(at(east((i + 1) * 30), (i + 1) * 1000)).accepted,
    );
    expect(verdicts).toEqual([false, false, false, true, false, false, false, true]);
  });

  it('smooths positions towards each new fix by 1 − smoothing, and restarts after a long gap', () => {
    const filter = createFixFilter({ maxAccuracyM: 30, smoothing: 0.75 });
    filter(at(DUNKIRK, 0));
    const r = filter(at(east(20), 10_000));
    expect(r.accepted && distanceM(DUNKIRK, r.fix.position)).toBeCloseTo(5, 6);
    const later = filter(at(east(40), 60_000));
    expect(later.accepted && distanceM(east(40), later.fix.position)).toBeCloseTo(0, 6);
  });

  it('refuses options out of range with OPTION_INVALID', () => {
    for (const opts of [
      { maxAccuracyM: -1 },
      { maxAccuracyM: 10, maxSpeedMps: 0 },
      { maxAccuracyM: 10, smoothing: 1 },
    ]) {
      expect(() => createFixFilter(opts)).toThrow(GeoError);
    }
  });

  it('never accepts an imprecise fix and never goes back in time, whatever arrives', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            lon: fc.oneof(fc.double({ min: 2.37, max: 2.39, noNaN: true }), fc.double()),
            lat: fc.double({ min: 51.02, max: 51.04 }),
            accuracyM: fc.double(),
            timestamp: fc.oneof(fc.integer({ min: 0, max: 1e6 }), fc.double()),
          }),
          { maxLength: 60 },
        ),
        fc.double({ min: 0, max: 0.95, noNaN: true }),
        (raw, smoothing) => {
          const filter = createFixFilter({ maxAccuracyM: 25, smoothing });
          let last = -Infinity;
          for (const r of raw) {
            const v = filter({ position: [r.lon, r.lat], accuracyM: r.accuracyM, timestamp: r.timestamp });
            if (v.accepted) {
              expect(v.fix.accuracyM).toBeLessThanOrEqual(25);
              expect(v.fix.timestamp).toBeGreaterThanOrEqual(last);
              expect(Number.isFinite(v.fix.position[0]) && Number.isFinite(v.fix.position[1])).toBe(true);
              last = v.fix.timestamp;
            }
          }
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
