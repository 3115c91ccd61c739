import { bearingDeg, destination, distanceM } from './distances';
import { GeoError } from './GeoError';
import { isLngLat, type Fix } from './types';

export type FixRejection = 'accuracy' | 'jump' | 'stale';
export type FixVerdict = { accepted: true; fix: Fix } | { accepted: false; reason: FixRejection };

export interface FixFilterOptions {
  /** Fixes whose `accuracyM` is above this are rejected with `accuracy`. */
  maxAccuracyM: number;
  /**
   * Fastest believable movement between two fixes, in m/s (default 12: a brisk bicycle). Movement that
   * both fixes' accuracy circles can explain is never counted, and a fix whose own (Doppler) `speedMps`
   * is higher raises the limit to 1.5 times that speed: a visitor on a bus is moving, not jumping.
   */
  maxSpeedMps?: number;
  /**
   * 0 (default) passes positions through; a value in (0, 1) is the weight kept by the previous
   * position in an exponential moving average (0.5 = halfway to the new fix). Reset after a gap
   * of {@link SMOOTHING_RESET_MS} or a re-anchoring.
   */
  smoothing?: number;
}

export const DEFAULT_MAX_SPEED_MPS = 12;
export const SMOOTHING_RESET_MS = 30_000;
/** After this many jumps in a row, the last accepted fix is the one in doubt: the next fix re-anchors. */
export const MAX_JUMPS_IN_A_ROW = 3;

/**
 * Gates a stream of fixes: poor accuracy, positions that moved impossibly fast ("jumps", typical of
 * multipath near buildings), and fixes older than the last accepted one are rejected.
 *
 * A jump is judged against the last accepted fix. A real relocation (a tram ride, the browser
 * resuming after sleep) would otherwise be rejected for ever, so a fix that is consistent with the
 * previously rejected one re-anchors the filter (one fix is lost, never the whole walk), and so does
 * any fix after {@link MAX_JUMPS_IN_A_ROW} rejected jumps (sustained fast travel with no reported speed).
 * Fixes with a non-finite or out-of-range position, accuracy or timestamp are rejected as `accuracy`.
 */
export function createFixFilter(opts: FixFilterOptions): (f: Fix) => FixVerdict {
  const maxSpeed = opts.maxSpeedMps ?? DEFAULT_MAX_SPEED_MPS;
  const smoothing = opts.smoothing ?? 0;
  if (!(opts.maxAccuracyM >= 0)) throw new GeoError('OPTION_INVALID', { field: 'maxAccuracyM' });
  if (!(maxSpeed > 0)) throw new GeoError('OPTION_INVALID', { field: 'maxSpeedMps' });
  if (!(smoothing >= 0 && smoothing < 1)) throw new GeoError('OPTION_INVALID', { field: 'smoothing' });

  let last: Fix | null = null; // last accepted, as received
  let pending: Fix | null = null; // last rejected as a jump
  let smoothed: Fix | null = null;
  let jumpsInARow = 0;

  const isJump = (a: Fix, b: Fix): boolean => {
    const unexplained = distanceM(a.position, b.position) - (a.accuracyM + b.accuracyM);
    if (unexplained <= 0) return false;
    const dtS = (b.timestamp - a.timestamp) / 1000;
    const reported = typeof b.speedMps === 'number' && Number.isFinite(b.speedMps) ? b.speedMps : 0;
    return dtS <= 0 || unexplained / dtS > Math.max(maxSpeed, 1.5 * reported);
  };

  return (f) => {
    if (!isUsable(f) || f.accuracyM > opts.maxAccuracyM) return { accepted: false, reason: 'accuracy' };
    if (last && f.timestamp < last.timestamp) return { accepted: false, reason: 'stale' };
    let reanchored = false;
    if (last && isJump(last, f)) {
      const confirmed = pending !== null && f.timestamp >= pending.timestamp && !isJump(pending, f);
      if (!confirmed && jumpsInARow < MAX_JUMPS_IN_A_ROW) {
        pending = f;
        jumpsInARow++;
        return { accepted: false, reason: 'jump' };
      }
      reanchored = true;
    }
    pending = null;
    jumpsInARow = 0;
    last = f;
    if (smoothing === 0) return { accepted: true, fix: f };
    const prev = smoothed;
    if (!prev || reanchored || f.timestamp - prev.timestamp > SMOOTHING_RESET_MS) {
      smoothed = f;
    } else {
      // Move from the previous estimate towards the new fix along the great circle (safe at the antimeridian).
      const step = (1 - smoothing) * distanceM(prev.position, f.position);
      smoothed = { ...f, position: destination(prev.position, bearingDeg(prev.position, f.position), step) };
    }
    return { accepted: true, fix: smoothed };
  };
}

function isUsable(f: Fix): boolean {
  return (
    f !== null &&
    typeof f === 'object' &&
    isLngLat(f.position) &&
    typeof f.accuracyM === 'number' &&
    f.accuracyM >= 0 &&
    Number.isFinite(f.accuracyM) &&
    typeof f.timestamp === 'number' &&
    Number.isFinite(f.timestamp)
  );
}
