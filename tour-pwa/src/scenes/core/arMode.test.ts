import { describe, expect, it } from 'vitest';
import { cameraAccessFromError, chooseArMode, type ArInputs } from './arMode';
import { arReasonText } from './strings';

const good: ArInputs = {
  xr: false,
  camera: 'granted',
  headingAccuracyDeg: 10,
  gpsAccuracyM: 8,
  distanceToAnchorM: 12,
  fallback: 'panorama',
};

describe('chooseArMode: the degradation ladder', () => {
  it('uses WebXR immersive-ar whenever the browser offers it', () => {
    expect(chooseArMode({ ...good, xr: true, camera: 'denied', headingAccuracyDeg: null })).toEqual({
      mode: 'webxr',
      reason: 'xr-supported',
    });
  });

  it('uses the camera when camera, compass and position are all good enough', () => {
    expect(chooseArMode(good)).toEqual({ mode: 'camera', reason: 'camera-ready' });
  });

  it.each([
    [{ camera: 'denied' }, 'camera-denied'],
    [{ camera: 'unavailable' }, 'camera-unavailable'],
    [{ camera: 'error' }, 'camera-error'],
    [{ motionSensors: 'denied' }, 'motion-denied'],
    [{ headingAccuracyDeg: null }, 'heading-unavailable'],
    [{ headingAccuracyDeg: Infinity }, 'heading-unavailable'],
    [{ headingAccuracyDeg: 35 }, 'heading-poor'],
    [{ gpsAccuracyM: null }, 'gps-unavailable'],
    [{ gpsAccuracyM: 120 }, 'gps-poor'],
    [{ distanceToAnchorM: 400 }, 'too-far'],
  ] as const)('falls back to the block’s choice when %o (%s)', (change, reason) => {
    expect(chooseArMode({ ...good, ...change })).toEqual({ mode: 'panorama', reason });
    expect(chooseArMode({ ...good, ...change, fallback: 'then-now' })).toEqual({ mode: 'then-now', reason });
  });

  it('names the first problem a visitor can act on: the camera before the compass before the GPS', () => {
    expect(
      chooseArMode({ ...good, camera: 'denied', headingAccuracyDeg: 90, gpsAccuracyM: 500 }).reason,
    ).toBe('camera-denied');
    expect(chooseArMode({ ...good, headingAccuracyDeg: 90, gpsAccuracyM: 500 }).reason).toBe('heading-poor');
  });

  it('accepts the limits exactly at the thresholds', () => {
    expect(
      chooseArMode({ ...good, headingAccuracyDeg: 20, gpsAccuracyM: 30, distanceToAnchorM: 60 }).mode,
    ).toBe('camera');
  });

  it('reads camera access from getUserMedia errors by DOMException name', () => {
    expect(cameraAccessFromError({ name: 'NotAllowedError' })).toBe('denied');
    expect(cameraAccessFromError({ name: 'NotFoundError' })).toBe('unavailable');
    expect(cameraAccessFromError({ name: 'NotReadableError' })).toBe('error');
    expect(cameraAccessFromError('weird')).toBe('error');
  });

  it('says why in the visitor’s language, with the figures', () => {
    expect(arReasonText('fr', 'camera-denied')).toBe('L’accès à la caméra a été refusé.');
    expect(arReasonText('en', 'gps-poor', { accuracy: 118.6 })).toBe('The position is imprecise (±119 m).');
    expect(arReasonText('nl', 'too-far', { distance: 400 })).toContain('400 m');
  });
});
