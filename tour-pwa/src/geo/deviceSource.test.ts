import { describe, expect, it } from 'vitest';
import { deviceSource } from './deviceSource';
import type { GeoError } from './GeoError';
import type { Fix } from './types';

/** A stand-in for navigator.geolocation that the test drives by hand. */
function fakeGeolocation() {
  const watches = new Map<number, { ok: PositionCallback; fail: PositionErrorCallback | null | undefined }>();
  let next = 1;
  let lastOptions: PositionOptions | undefined;
  const api = {
    watchPosition(ok: PositionCallback, fail?: PositionErrorCallback | null, options?: PositionOptions) {
      lastOptions = options;
      watches.set(next, { ok, fail });
      return next++;
    },
    clearWatch(id: number) {
      watches.delete(id);
    },
    getCurrentPosition() {
      throw new Error('not used');
    },
  } as Geolocation;
  return {
    api,
    get active() {
      return watches.size;
    },
    get options() {
      return lastOptions;
    },
    emit(lon: number, lat: number, accuracy: number, timestamp: number, heading: number | null = null) {
      const coords = {
        longitude: lon,
        latitude: lat,
        accuracy,
        heading,
        speed: null,
      } as GeolocationCoordinates;
      for (const w of watches.values()) w.ok({ coords, timestamp } as GeolocationPosition);
    },
    fail(code: 1 | 2 | 3) {
      for (const w of watches.values())
        w.fail?.({ code, message: `browser says ${code}` } as GeolocationPositionError);
    },
  };
}

describe('deviceSource', () => {
  it('turns Geolocation positions into fixes (GeoJSON order), asking for high accuracy', () => {
    const geo = fakeGeolocation();
    const fixes: Fix[] = [];
    deviceSource(geo.api, { maximumAgeMs: 1000, timeoutMs: 5000 }).start((f) => fixes.push(f));
    geo.emit(2.3767, 51.0341, 8, 1234, Number.NaN);
    expect(fixes).toEqual([
      { position: [2.3767, 51.0341], accuracyM: 8, timestamp: 1234, headingDeg: null, speedMps: null },
    ]);
    expect(geo.options).toEqual({ enableHighAccuracy: true, maximumAge: 1000, timeout: 5000 });
  });

  it('keeps watching through POSITION_UNAVAILABLE and TIMEOUT, reporting them', () => {
    const geo = fakeGeolocation();
    const fixes: Fix[] = [];
    const errors: GeoError[] = [];
    deviceSource(geo.api).start(
      (f) => fixes.push(f),
      (e) => errors.push(e),
    );
    geo.fail(2);
    geo.fail(3);
    geo.emit(2.37, 51.03, 5, 1);
    expect(errors.map((e) => [e.code, e.details.browserCode])).toEqual([
      ['POSITION_UNAVAILABLE', 2],
      ['TIMEOUT', 3],
    ]);
    expect(fixes).toHaveLength(1);
    expect(geo.active).toBe(1);
  });

  it('reports PERMISSION_DENIED and stops watching', () => {
    const geo = fakeGeolocation();
    const errors: GeoError[] = [];
    deviceSource(geo.api).start(
      () => {},
      (e) => errors.push(e),
    );
    geo.fail(1);
    expect(errors.map((e) => e.code)).toEqual(['PERMISSION_DENIED']);
    expect(geo.active).toBe(0);
  });

  it('delivers nothing after stop, and clears the watch', () => {
    const geo = fakeGeolocation();
    const fixes: Fix[] = [];
    const stop = deviceSource(geo.api).start((f) => fixes.push(f));
    stop();
    geo.emit(2.37, 51.03, 5, 1);
    expect(fixes).toEqual([]);
    expect(geo.active).toBe(0);
  });

  it('reports UNSUPPORTED, asynchronously, when there is no Geolocation API', async () => {
    const errors: GeoError[] = [];
    deviceSource(undefined).start(
      () => {},
      (e) => errors.push(e),
    );
    expect(errors).toEqual([]);
    await Promise.resolve();
    expect(errors.map((e) => e.code)).toEqual(['UNSUPPORTED']);
  });
});
