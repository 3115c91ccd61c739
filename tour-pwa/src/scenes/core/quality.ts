/**
 * The frame-time governor of the 3D views: when frames take longer than the budget, it steps the
 * rendering quality down — first multisampling off, then the pixel ratio in steps down to a floor —
 * and steps the pixel ratio back up when there is room again. It is told frame intervals and
 * answers with the level to render at; it never allocates after creation.
 *
 * Why: a full-screen view costs per pixel, and a phone (or a browser drawing WebGL in software)
 * may not have the pixels per second a 2× screen with 4× multisampling asks for. Fewer, larger
 * pixels keep the scene moving at 30 fps instead of stuttering at 10.
 */
export interface QualityLevel {
  /** Multisampled canvas. Switching it needs a new WebGL context (the canvas is re-created). */
  readonly antialias: boolean;
  /** Pixels rendered per CSS pixel. */
  readonly dpr: number;
}

export interface GovernorOptions {
  /** Where it starts: the best quality this screen gets. */
  start: QualityLevel;
  /** Lowest pixel ratio it may step down to. */
  minDpr: number;
  /** Frame budget in ms: the window's median must stay at or under it (default 1000/30). */
  budgetMs?: number;
  /** Frames per decision (default 30). */
  window?: number;
  /** Each step multiplies the pixel ratio by this (default 0.85). */
  step?: number;
  /** Frames ignored after a change, while the new canvas or size settles (default 10). */
  settle?: number;
  /**
   * Intervals longer than this are not frame times but pauses between frames (a view that only
   * renders when it changes); they are ignored (default 250 ms).
   */
  maxIntervalMs?: number;
}

export interface QualityGovernor {
  readonly level: QualityLevel;
  /** How many times the level went down. */
  readonly stepsDown: number;
  /** Records one frame interval; returns the new level when it changes, else null. */
  sample(intervalMs: number): QualityLevel | null;
}

export const FRAME_BUDGET_MS = 1000 / 30;

export function createQualityGovernor(opts: GovernorOptions): QualityGovernor {
  const budget = opts.budgetMs ?? FRAME_BUDGET_MS;
  const size = opts.window ?? 30;
  const step = opts.step ?? 0.85;
  const settle = opts.settle ?? 10;
  const maxInterval = opts.maxIntervalMs ?? 250;
  const maxDpr = opts.start.dpr;
  const minDpr = Math.min(opts.minDpr, maxDpr);
  const samples = new Float64Array(size);
  const sorted = new Float64Array(size);
  let count = 0;
  let skip = settle;
  let level: QualityLevel = opts.start;
  let stepsDown = 0;

  const change = (next: QualityLevel): QualityLevel => {
    level = next;
    count = 0;
    skip = settle;
    return next;
  };

  return {
    get level() {
      return level;
    },
    get stepsDown() {
      return stepsDown;
    },
    sample(intervalMs) {
      if (!(intervalMs > 0) || intervalMs > maxInterval) return null;
      if (skip > 0) {
        skip--;
        return null;
      }
      samples[count++] = intervalMs;
      if (count < size) return null;
      count = 0;
      sorted.set(samples);
      sorted.sort();
      const median = (sorted[(size - 1) >> 1]! + sorted[size >> 1]!) / 2;
      if (median > budget) {
        if (level.antialias) {
          stepsDown++;
          return change({ antialias: false, dpr: level.dpr });
        }
        if (level.dpr > minDpr + 1e-6) {
          stepsDown++;
          return change({ antialias: false, dpr: Math.max(minDpr, round2(level.dpr * step)) });
        }
        return null;
      }
      // Plenty of room (under half the budget, so one step up — 1.4× the pixels — stays within it):
      // the pixel ratio goes back up, never above the start. Multisampling stays off: turning it
      // on again would re-create the canvas.
      if (median < budget / 2 && level.dpr < maxDpr - 1e-6) {
        return change({ ...level, dpr: Math.min(maxDpr, round2(level.dpr / step)) });
      }
      return null;
    },
  };
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

/**
 * Where a view starts: at most 2 pixels per CSS pixel (3× screens gain little for 2.25× the work),
 * multisampling only on low-density screens and only for views with geometric edges (a textured
 * panorama has none to smooth). The floor keeps at least 0.75 px per CSS px, or half the start.
 */
export function startQuality(
  devicePixelRatio: number,
  edges: boolean,
): { start: QualityLevel; minDpr: number } {
  const dpr = Math.min(2, Math.max(1, devicePixelRatio || 1));
  return {
    start: { antialias: edges && dpr < 2, dpr },
    minDpr: Math.max(0.75, dpr / 2),
  };
}
