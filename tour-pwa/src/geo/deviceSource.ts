import { GeoError } from './GeoError';
import type { PositionSource } from './positionSource';
import type { Fix } from './types';

export interface DeviceSourceOptions {
  /** Oldest cached position the browser may return (default 0: always fresh). */
  maximumAgeMs?: number;
  /** How long the browser may wait for each position before reporting TIMEOUT (default 20 s). */
  timeoutMs?: number;
}

// GeolocationPositionError codes (W3C Geolocation API, §7 GeolocationPositionError interface).
const PERMISSION_DENIED = 1;
const POSITION_UNAVAILABLE = 2;

/**
 * Fixes from the device's Geolocation API (`navigator.geolocation`, passed in so this module
 * touches no DOM at import). High accuracy is always requested: tour stops are tens of metres wide.
 *
 * Errors are reported, never thrown: PERMISSION_DENIED ends the watch (the browser will not ask
 * again); POSITION_UNAVAILABLE and TIMEOUT keep it running, since the next fix may well come
 * (Chromium emits POSITION_UNAVAILABLE between two emulated positions).
 */
export function deviceSource(
  geolocation: Geolocation | undefined | null,
  opts: DeviceSourceOptions = {},
): PositionSource {
  return {
    start(onFix, onError) {
      let stopped = false;
      if (!geolocation || typeof geolocation.watchPosition !== 'function') {
        queueMicrotask(() => {
          if (!stopped) onError?.(new GeoError('UNSUPPORTED'));
        });
        return () => {
          stopped = true;
        };
      }
      let watchId: number | null = null;
      const stop = () => {
        stopped = true;
        if (watchId !== null) geolocation.clearWatch(watchId);
        watchId = null;
      };
      watchId = geolocation.watchPosition(
        (pos) => {
          if (!stopped) onFix(toFix(pos));
        },
        (err) => {
          if (stopped) return;
          const code =
            err.code === PERMISSION_DENIED
              ? 'PERMISSION_DENIED'
              : err.code === POSITION_UNAVAILABLE
                ? 'POSITION_UNAVAILABLE'
                : 'TIMEOUT';
          if (code === 'PERMISSION_DENIED') stop();
          onError?.(new GeoError(code, { browserCode: err.code }, err.message || code));
        },
        {
          enableHighAccuracy: true,
          maximumAge: opts.maximumAgeMs ?? 0,
          timeout: opts.timeoutMs ?? 20_000,
        },
      );
      // A browser may call back synchronously with a denial; honour a stop that happened meanwhile.
      if (stopped && watchId !== null) geolocation.clearWatch(watchId);
      return stop;
    },
  };
}

function toFix(pos: GeolocationPosition): Fix {
  const c = pos.coords;
  return {
    position: [c.longitude, c.latitude],
    accuracyM: c.accuracy,
    timestamp: pos.timestamp,
    // The API gives NaN heading when standing still and null when unknown; both mean "no heading".
    headingDeg: c.heading === null || Number.isNaN(c.heading) ? null : c.heading,
    speedMps: c.speed === null || Number.isNaN(c.speed) ? null : c.speed,
  };
}
