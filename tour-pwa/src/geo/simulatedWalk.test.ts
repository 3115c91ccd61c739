import { describe, expect, it } from 'vitest';
import { destination, distanceM, routeLengthM } from './distances';
import type { GeoError } from './GeoError';
import { simulatedWalk, walkFixes } from './simulatedWalk';
import { DUNKIRK } from './testing';
import type { Fix, LngLat } from './types';

const route: LngLat[] = [
  DUNKIRK,
  destination(DUNKIRK, 90, 100),
  destination(destination(DUNKIRK, 90, 100), 0, 50),
];

/** A fake clock: `schedule` queues, `run` fires everything due in time order. */
function fakeClock() {
  let now = 0;
  let queue: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 0;
  return {
    schedule(fn: () => void, ms: number) {
      const id = nextId++;
      queue.push({ at: now + ms, fn, id });
      return () => {
        queue = queue.filter((q) => q.id !== id);
      };
    },
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        queue.sort((a, b) => a.at - b.at || a.id - b.id);
        const due = queue[0];
        if (!due || due.at > until) break;
        queue.shift();
        now = due.at;
        due.fn();
      }
      now = until;
    },
    get pending() {
      return queue.length;
    },
  };
}

describe('walkFixes', () => {
  it('without noise, walks the route exactly: a fix every N metres, timed at the walking speed', () => {
    const fixes = walkFixes(route, {
      everyM: 10,
      noiseM: 0,
      accuracyM: 4,
      seed: 1,
      speedMps: 2,
      startAt: 1000,
    });
    expect(fixes).toHaveLength(16); // 0, 10, …, 150 m
    expect(fixes[0]!.position).toEqual(route[0]);
    expect(fixes[15]!.position).toEqual(route[2]);
    expect(fixes[3]!.timestamp).toBe(1000 + 15_000); // 30 m at 2 m/s
    expect(fixes[15]!.timestamp).toBe(1000 + 75_000);
    expect(fixes[3]!.headingDeg).toBeCloseTo(90, 2);
    expect(fixes[12]!.headingDeg).toBeCloseTo(0, 2);
    expect(fixes.every((f) => f.accuracyM === 4)).toBe(true);
  });

  it('adds seeded Gaussian noise: the same seed gives the same fixes, another seed others', () => {
    const opts = { everyM: 5, noiseM: 10, accuracyM: 10 };
    const a = walkFixes(route, { ...opts, seed: 7 });
    expect(walkFixes(route, { ...opts, seed: 7 })).toEqual(a);
    expect(walkFixes(route, { ...opts, seed: 8 })).not.toEqual(a);
    const truth = walkFixes(route, { ...opts, noiseM: 0, seed: 7 });
    const errors = a.map((f, i) => distanceM(f.position, truth[i]!.position));
    // Radial error of a 2-D Gaussian with σ = 10 m per axis has mean σ·√(π/2) ≈ 12.5 m.
    const mean = errors.reduce((s, e) => s + e, 0) / errors.length;
    expect(mean).toBeGreaterThan(8);
    expect(mean).toBeLessThan(17);
  });

  it('drifts its error slowly with noiseCorrelationS, at the same spread', () => {
    const long: LngLat[] = [DUNKIRK, destination(DUNKIRK, 90, 20_000)];
    // Signed north–south error of each fix against the noiseless walk, in metres.
    const truth = walkFixes(long, { everyM: 5, noiseM: 0, accuracyM: 10, seed: 11 });
    const errors = (tau: number) =>
      walkFixes(long, { everyM: 5, noiseM: 10, accuracyM: 10, seed: 11, noiseCorrelationS: tau }).map(
        (f, i) => (f.position[1] - truth[i]!.position[1]) * 111_195,
      );
    const stats = (e: number[]) => {
      const mean = e.reduce((s, x) => s + x, 0) / e.length;
      const variance = e.reduce((s, x) => s + (x - mean) ** 2, 0) / e.length;
      let lag1 = 0;
      for (let i = 1; i < e.length; i++) lag1 += (e[i]! - mean) * (e[i - 1]! - mean);
      return { sd: Math.sqrt(variance), autocorrelation: lag1 / (e.length - 1) / variance };
    };
    const white = stats(errors(0));
    const drifting = stats(errors(30));
    // Fixes 5 m apart at 1.4 m/s are 3.57 s apart: φ = exp(−3.57/30) ≈ 0.89 for τ = 30 s.
    expect(white.autocorrelation).toBeLessThan(0.1);
    expect(drifting.autocorrelation).toBeGreaterThan(0.8);
    expect(white.sd).toBeGreaterThan(9);
    expect(white.sd).toBeLessThan(11);
    expect(drifting.sd).toBeGreaterThan(7);
    expect(drifting.sd).toBeLessThan(13);
  });

  it('refuses a route of fewer than two points and impossible options', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
        return 'no error';
      } catch (e) {
        return (e as GeoError).code;
      }
    };
    expect(code(() => walkFixes([DUNKIRK], { everyM: 5, noiseM: 0, accuracyM: 5, seed: 1 }))).toBe(
      'ROUTE_TOO_SHORT',
    );
    expect(code(() => walkFixes(route, { everyM: 0, noiseM: 0, accuracyM: 5, seed: 1 }))).toBe(
      'OPTION_INVALID',
    );
    expect(code(() => walkFixes(route, { everyM: 5, noiseM: -1, accuracyM: 5, seed: 1 }))).toBe(
      'OPTION_INVALID',
    );
    expect(code(() => walkFixes(route, { everyM: 5, noiseM: 0, accuracyM: 5, seed: 1, speedMps: 0 }))).toBe(
      'OPTION_INVALID',
    );
  });
});

describe('simulatedWalk', () => {
  it('delivers the walk one fix per interval, never synchronously, and ends at the route’s end', () => {
    const clock = fakeClock();
    const got: Fix[] = [];
    const source = simulatedWalk(route, {
      speedMps: 5,
      intervalMs: 2000,
      seed: 3,
      noiseM: 2,
      schedule: clock.schedule,
      now: () => 50_000,
    });
    source.start((f) => got.push(f));
    expect(got).toHaveLength(0);
    clock.advance(0);
    expect(got).toHaveLength(1);
    clock.advance(60_000);
    // 10 m per fix over 150 m: 16 fixes, the same as walkFixes with those options.
    expect(got).toEqual(
      walkFixes(route, { everyM: 10, speedMps: 5, noiseM: 2, accuracyM: 5, seed: 3, startAt: 50_000 }),
    );
    expect(clock.pending).toBe(0);
    expect(routeLengthM(route)).toBeCloseTo(150, 6);
  });

  it('stops delivering as soon as it is stopped', () => {
    const clock = fakeClock();
    const got: Fix[] = [];
    const stop = simulatedWalk(route, { speedMps: 1, intervalMs: 1000, schedule: clock.schedule }).start(
      (f) => {
        got.push(f);
        if (got.length === 3) stop();
      },
    );
    clock.advance(100_000);
    expect(got).toHaveLength(3);
    expect(clock.pending).toBe(0);
  });

  it('uses real timers by default', async () => {
    const got: Fix[] = [];
    await new Promise<void>((resolve) => {
      const stop = simulatedWalk(route, { speedMps: 50, intervalMs: 1 }).start((f) => {
        got.push(f);
        if (got.length === 2) {
          stop();
          resolve();
        }
      });
    });
    expect(got[1]!.timestamp - got[0]!.timestamp).toBe(1);
  });
});
