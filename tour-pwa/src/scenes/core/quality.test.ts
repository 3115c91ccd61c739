import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FRAME_BUDGET_MS, createQualityGovernor, startQuality, type QualityLevel } from './quality';

/** Feeds n frames of the same interval; returns every level the governor moved to. */
function feed(g: ReturnType<typeof createQualityGovernor>, ms: number, n: number): QualityLevel[] {
  const out: QualityLevel[] = [];
  for (let i = 0; i < n; i++) {
    const next = g.sample(ms);
    if (next) out.push(next);
  }
  return out;
}

describe('startQuality: where a 3D view starts', () => {
  it('multisamples only a view with edges on a low-density screen', () => {
    expect(startQuality(1, true)).toEqual({ start: { antialias: true, dpr: 1 }, minDpr: 0.75 });
    expect(startQuality(1, false).start).toEqual({ antialias: false, dpr: 1 });
    expect(startQuality(2.625, true)).toEqual({ start: { antialias: false, dpr: 2 }, minDpr: 1 });
  });
});

describe('the frame-time governor', () => {
  const opts = { start: { antialias: true, dpr: 1 }, minDpr: 0.75, window: 10, settle: 2 };

  it('keeps the level while frames meet the 30 fps budget', () => {
    const g = createQualityGovernor(opts);
    expect(feed(g, 16.7, 200)).toEqual([]);
    expect(feed(g, FRAME_BUDGET_MS, 200)).toEqual([]);
    expect(g.level).toEqual({ antialias: true, dpr: 1 });
  });

  it('over budget: multisampling goes first, then the pixel ratio in steps down to the floor', () => {
    const g = createQualityGovernor(opts);
    expect(feed(g, 80, 200)).toEqual([
      { antialias: false, dpr: 1 },
      { antialias: false, dpr: 0.85 },
      { antialias: false, dpr: 0.75 },
    ]);
    expect(g.stepsDown).toBe(3);
  });

  it('decides on the median of a window, so a few long frames (a garbage collection) change nothing', () => {
    const g = createQualityGovernor(opts);
    for (let i = 0; i < 100; i++) expect(g.sample(i % 10 < 4 ? 90 : 20)).toBeNull();
  });

  it('ignores pauses between frames of a view that renders only when it changes', () => {
    const g = createQualityGovernor(opts);
    expect(feed(g, 1200, 100)).toEqual([]);
  });

  it('waits for the new level to settle before judging it', () => {
    const g = createQualityGovernor(opts);
    expect(feed(g, 80, 2 + 10)).toHaveLength(1);
    expect(feed(g, 80, 2 + 9)).toEqual([]);
    expect(feed(g, 80, 1)).toEqual([{ antialias: false, dpr: 0.85 }]);
  });

  it('with plenty of room again, steps the pixel ratio back up to the start, not multisampling', () => {
    const g = createQualityGovernor({ ...opts, start: { antialias: true, dpr: 1.5 }, minDpr: 0.75 });
    expect(feed(g, 60, 100).map((l) => l.dpr)).toEqual([1.5, 1.27, 1.08, 0.92, 0.78, 0.75]);
    // Under the budget but not under half of it: stays where it is.
    expect(feed(g, 20, 100)).toEqual([]);
    expect(feed(g, 10, 200)).toEqual([0.88, 1.04, 1.22, 1.44, 1.5].map((dpr) => ({ antialias: false, dpr })));
  });

  it('never leaves [floor, start] and never turns multisampling back on (seeded property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 400, noNaN: true }), { maxLength: 2000 }),
        fc.boolean(),
        fc.double({ min: 1, max: 3, noNaN: true }),
        (intervals, edges, dpr) => {
          const { start, minDpr } = startQuality(dpr, edges);
          const g = createQualityGovernor({ start, minDpr, window: 8, settle: 1 });
          let aaOff = !start.antialias;
          for (const ms of intervals) {
            const l = g.sample(ms) ?? g.level;
            expect(l.dpr).toBeGreaterThanOrEqual(minDpr - 1e-9);
            expect(l.dpr).toBeLessThanOrEqual(start.dpr + 1e-9);
            if (aaOff) expect(l.antialias).toBe(false);
            aaOff ||= !l.antialias;
          }
        },
      ),
      { seed: 7, numRuns: 200 },
    );
  });
});
