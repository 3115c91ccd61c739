import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Timeline } from '@dunkirk/content';
import {
  SoundCursor,
  cameraSample,
  clipTimeAt,
  prepareTimeline,
  sampleCamera,
  stillIndexAt,
  subtitleIndexAt,
} from './timeline';

const timeline: Timeline = {
  durationS: 30,
  camera: [
    { atS: 20, position: [20, 0, 0], target: [0, 0, -20] },
    { atS: 0, position: [0, 0, 0], target: [0, 0, -10] },
    { atS: 10, position: [10, 0, 0], target: [0, 0, -10] },
  ],
  clips: [
    { atS: 5, name: 'wade-out' },
    { atS: 0, name: 'ship-bob', loop: true },
  ],
  sounds: [
    { atS: 12, audio: 'media/sounds/aircraft.opus' },
    { atS: 0, audio: 'media/sounds/waves.opus', position: [0, 0, -5] },
    { atS: 12, audio: 'media/sounds/outboard.opus' },
    { atS: 25, audio: 'media/sounds/waves.opus' },
  ],
  subtitles: [
    { startS: 10, endS: 20, text: { en: 'second' } },
    { startS: 1, endS: 8, text: { en: 'first' } },
    { startS: 22, endS: 22, text: { en: 'empty span, dropped' } },
  ],
};
const tl = prepareTimeline(timeline);

describe('prepareTimeline', () => {
  it('sorts every list by time without touching the block', () => {
    expect(tl.camera.map((k) => k.atS)).toEqual([0, 10, 20]);
    expect(tl.sounds.map((s) => s.atS)).toEqual([0, 12, 12, 25]);
    expect(tl.subtitles.map((s) => s.text.en)).toEqual(['first', 'second']);
    expect(timeline.camera[0]!.atS).toBe(20);
  });
});

describe('sampleCamera', () => {
  const out = cameraSample();

  it('passes exactly through every authored key', () => {
    for (const k of tl.camera) {
      sampleCamera(tl.camera, k.atS, out);
      expect(out.position).toEqual(k.position);
      expect(out.target).toEqual(k.target);
    }
  });

  it('holds the first pose before the first key and the last after the end', () => {
    sampleCamera(tl.camera, -3, out);
    expect(out.position).toEqual([0, 0, 0]);
    sampleCamera(tl.camera, 99, out);
    expect(out.position).toEqual([20, 0, 0]);
    expect(out.target).toEqual([0, 0, -20]);
  });

  it('moves at constant speed along evenly spaced collinear keys (no easing stops at a key)', () => {
    sampleCamera(tl.camera, 5, out);
    expect(out.position[0]).toBeCloseTo(5, 9);
    sampleCamera(tl.camera, 12.5, out);
    expect(out.position[0]).toBeCloseTo(12.5, 9);
  });

  it('reports a timeline without camera keys', () => {
    expect(sampleCamera([], 3, out)).toBe(false);
  });

  it('is continuous: a millisecond moves the camera by a bounded step (property)', () => {
    const vec = fc.tuple(
      fc.double({ min: -1000, max: 1000, noNaN: true }),
      fc.double({ min: -1000, max: 1000, noNaN: true }),
      fc.double({ min: -1000, max: 1000, noNaN: true }),
    );
    const keys = fc
      .uniqueArray(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 8 })
      .chain((times) =>
        fc.tuple(...times.map((atS) => fc.record({ atS: fc.constant(atS), position: vec, target: vec }))),
      );
    fc.assert(
      fc.property(keys, fc.double({ min: 0, max: 120, noNaN: true }), (ks, t) => {
        const sorted = prepareTimeline({
          durationS: 120,
          camera: ks,
          clips: [],
          sounds: [],
          subtitles: [],
        }).camera;
        const a = cameraSample();
        const b = cameraSample();
        sampleCamera(sorted, t, a);
        sampleCamera(sorted, t + 0.001, b);
        // Key gaps are ≥ 1 s and coordinates within ±1000, so tangents stay under ~4000 units/s.
        for (let i = 0; i < 3; i++) expect(Math.abs(a.position[i]! - b.position[i]!)).toBeLessThan(10);
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});

describe('clips, subtitles and stills at t', () => {
  it('gives a clip its local time once its cue is reached', () => {
    const wade = tl.clips.find((c) => c.name === 'wade-out')!;
    expect(clipTimeAt(wade, 4.9)).toBe(-1);
    expect(clipTimeAt(wade, 7)).toBe(2);
  });

  it('shows a subtitle from its start (inclusive) to its end (exclusive), nothing in the gaps', () => {
    expect(subtitleIndexAt(tl.subtitles, 0.5)).toBe(-1);
    expect(subtitleIndexAt(tl.subtitles, 1)).toBe(0);
    expect(subtitleIndexAt(tl.subtitles, 8)).toBe(-1);
    expect(subtitleIndexAt(tl.subtitles, 19.99)).toBe(1);
    expect(subtitleIndexAt(tl.subtitles, 20)).toBe(-1);
  });

  it('stands the last still at or before t for t (the first one before any)', () => {
    const stills = [{ atS: 0 }, { atS: 40 }, { atS: 58 }];
    expect(stillIndexAt(stills, 0)).toBe(0);
    expect(stillIndexAt(stills, 39)).toBe(0);
    expect(stillIndexAt(stills, 40)).toBe(1);
    expect(stillIndexAt(stills, 75)).toBe(2);
    expect(stillIndexAt([], 3)).toBe(-1);
  });
});

describe('SoundCursor', () => {
  it('fires each cue once as playback crosses it, in order, simultaneous cues together', () => {
    const c = new SoundCursor(tl.sounds);
    const fired: number[] = [];
    c.advance(0, (i) => fired.push(i));
    expect(fired).toEqual([0]);
    c.advance(11.9, (i) => fired.push(i));
    expect(fired).toEqual([0]);
    c.advance(12, (i) => fired.push(i));
    expect(fired).toEqual([0, 1, 2]);
    c.advance(13, (i) => fired.push(i));
    expect(fired).toEqual([0, 1, 2]);
  });

  it('does not fire the cues a seek jumps over, and fires again after seeking back', () => {
    const c = new SoundCursor(tl.sounds);
    const fired: number[] = [];
    c.seek(20);
    c.advance(26, (i) => fired.push(i));
    expect(fired).toEqual([3]);
    c.seek(0);
    c.advance(0.1, (i) => fired.push(i));
    expect(fired).toEqual([3, 0]);
  });
});
