/**
 * Evaluation of a re-enactment's scripted timeline (FORMAT.md `Timeline`) at a time t, in seconds.
 * Framework-free and allocation-free on the per-frame paths: the player calls these from `useFrame`.
 */
import type { Timeline } from '@dunkirk/content';

export type CameraKey = Timeline['camera'][number];
export type ClipCue = Timeline['clips'][number];
export type SoundCue = Timeline['sounds'][number];
export type Subtitle = Timeline['subtitles'][number];

/** A timeline with every list sorted by time, checked once when a block is opened. */
export interface PreparedTimeline extends Timeline {
  readonly prepared: true;
}

const byAt = <T extends { atS: number }>(a: T, b: T) => a.atS - b.atS;

/** Sorts copies of the lists (authors may list cues in any order) and clamps times into [0, durationS]. */
export function prepareTimeline(timeline: Timeline): PreparedTimeline {
  const d = timeline.durationS;
  const clamp = (t: number) => Math.min(Math.max(t, 0), d);
  return {
    prepared: true,
    durationS: d,
    camera: timeline.camera.map((k) => ({ ...k, atS: clamp(k.atS) })).sort(byAt),
    clips: timeline.clips.map((c) => ({ ...c, atS: clamp(c.atS) })).sort(byAt),
    sounds: timeline.sounds.map((s) => ({ ...s, atS: clamp(s.atS) })).sort(byAt),
    subtitles: timeline.subtitles
      .filter((s) => s.endS > s.startS)
      .map((s) => ({ ...s, startS: clamp(s.startS), endS: clamp(s.endS) }))
      .sort((a, b) => a.startS - b.startS),
  };
}

/** Written in place by {@link sampleCamera}, so a frame allocates nothing. */
export interface CameraSample {
  position: [number, number, number];
  target: [number, number, number];
}

export function cameraSample(): CameraSample {
  return { position: [0, 0, 0], target: [0, 0, 0] };
}

/**
 * The camera at t: a cubic Hermite curve through every key (Catmull–Rom tangents scaled to the
 * uneven key spacing), so the path passes exactly through each authored pose and never stops
 * between keys. Before the first key and after the last, the camera holds still.
 * Returns false when the timeline has no camera keys (out is left untouched).
 */
export function sampleCamera(keys: readonly CameraKey[], t: number, out: CameraSample): boolean {
  const n = keys.length;
  if (n === 0) return false;
  const first = keys[0]!;
  const last = keys[n - 1]!;
  if (n === 1 || t <= first.atS) return copyKey(first, out);
  if (t >= last.atS) return copyKey(last, out);
  let i = 0;
  while (i < n - 2 && keys[i + 1]!.atS <= t) i++;
  const k0 = keys[i]!;
  const k1 = keys[i + 1]!;
  const prev = keys[i - 1] ?? k0;
  const next = keys[i + 2] ?? k1;
  const dt = k1.atS - k0.atS;
  if (dt <= 0) return copyKey(k1, out);
  const s = (t - k0.atS) / dt;
  for (let axis = 0; axis < 3; axis++) {
    out.position[axis] = hermite(
      prev.atS,
      prev.position[axis]!,
      k0,
      k1,
      next.atS,
      next.position[axis]!,
      axis,
      s,
      dt,
      'position',
    );
    out.target[axis] = hermite(
      prev.atS,
      prev.target[axis]!,
      k0,
      k1,
      next.atS,
      next.target[axis]!,
      axis,
      s,
      dt,
      'target',
    );
  }
  return true;
}

function hermite(
  tPrev: number,
  vPrev: number,
  k0: CameraKey,
  k1: CameraKey,
  tNext: number,
  vNext: number,
  axis: number,
  s: number,
  dt: number,
  field: 'position' | 'target',
): number {
  const p0 = k0[field][axis]!;
  const p1 = k1[field][axis]!;
  // Finite-difference tangents (per second); at the ends, one-sided.
  const m0 = k0.atS > tPrev ? (p1 - vPrev) / (k1.atS - tPrev) : (p1 - p0) / dt;
  const m1 = tNext > k1.atS ? (vNext - p0) / (tNext - k0.atS) : (p1 - p0) / dt;
  const s2 = s * s;
  const s3 = s2 * s;
  return (
    (2 * s3 - 3 * s2 + 1) * p0 + (s3 - 2 * s2 + s) * dt * m0 + (-2 * s3 + 3 * s2) * p1 + (s3 - s2) * dt * m1
  );
}

function copyKey(k: CameraKey, out: CameraSample): true {
  for (let axis = 0; axis < 3; axis++) {
    out.position[axis] = k.position[axis]!;
    out.target[axis] = k.target[axis]!;
  }
  return true;
}

/**
 * Local time of a clip at t (seconds since its cue), or -1 when it has not started. A clip
 * without `loop` plays once: the player clamps it on its last frame, so its local time keeps growing.
 */
export function clipTimeAt(clip: ClipCue, t: number): number {
  return t >= clip.atS ? t - clip.atS : -1;
}

/** Index of the subtitle shown at t (start inclusive, end exclusive), or -1. */
export function subtitleIndexAt(subtitles: readonly Subtitle[], t: number): number {
  for (let i = subtitles.length - 1; i >= 0; i--) {
    const s = subtitles[i]!;
    if (s.startS <= t && t < s.endS) return i;
  }
  return -1;
}

/** Index of the still that stands for t in the reduced-motion version: the last one at or before t. */
export function stillIndexAt(stills: readonly { atS: number }[], t: number): number {
  let best = stills.length > 0 ? 0 : -1;
  for (let i = 0; i < stills.length; i++) if (stills[i]!.atS <= t) best = i;
  return best;
}

/**
 * Which sound cues are due as the playhead moves. A cue fires once when playback crosses its time
 * going forward; a seek re-positions the cursor without firing the cues it jumps over (a seek
 * lands in silence rather than in a burst of every skipped sound).
 */
export class SoundCursor {
  private next = 0;
  constructor(private readonly sounds: readonly SoundCue[]) {}

  /** Places the cursor so that cues at or after t are still to come. */
  seek(t: number): void {
    let i = 0;
    while (i < this.sounds.length && this.sounds[i]!.atS < t) i++;
    this.next = i;
  }

  /** Calls `fire(index)` for each cue with atS ≤ t not yet fired; returns how many fired. */
  advance(t: number, fire: (index: number) => void): number {
    let fired = 0;
    while (this.next < this.sounds.length && this.sounds[this.next]!.atS <= t) {
      fire(this.next);
      this.next++;
      fired++;
    }
    return fired;
  }
}
