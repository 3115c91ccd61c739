import { describe, expect, it } from 'vitest';
import { calibrate, distanceM, enuOffsetM, placeOverlay, type OverlayInputs } from './placement';

const base: OverlayInputs = {
  headingDeg: 322,
  pitchDeg: 0,
  calibrationDeg: 0,
  anchorHeadingDeg: 322,
  cameraHfovDeg: 60,
  viewportWidth: 600,
  viewportHeight: 800,
  overlayHfovDeg: 90,
  overlayVfovDeg: 45,
};

describe('placeOverlay', () => {
  it('centres the overlay when the camera faces the anchor’s heading, scaled to the camera’s field', () => {
    expect(placeOverlay(base)).toEqual({
      centerX: 300,
      centerY: 400,
      width: 900,
      height: 450,
      visible: true,
    });
  });

  it('moves the landmark left as the visitor turns right, across north without a jump', () => {
    const b = placeOverlay({ ...base, headingDeg: 332 });
    expect(b.centerX).toBeCloseTo(200);
    const across = placeOverlay({ ...base, anchorHeadingDeg: 355, headingDeg: 5 });
    expect(across.centerX).toBeCloseTo(200);
  });

  it('lowers the horizon as the camera tilts up', () => {
    expect(placeOverlay({ ...base, pitchDeg: 10 }).centerY).toBeCloseTo(500);
  });

  it('knows when the overlay is out of sight', () => {
    expect(placeOverlay({ ...base, headingDeg: 142 }).visible).toBe(false);
  });

  it('applies the calibration as a heading correction', () => {
    expect(placeOverlay({ ...base, headingDeg: 312, calibrationDeg: 10 }).centerX).toBeCloseTo(300);
  });
});

describe('calibrate', () => {
  it('turns a drag into degrees of heading correction, within ±45°', () => {
    expect(calibrate(0, 100, 600, 60)).toBeCloseTo(-10);
    expect(calibrate(-40, 600, 600, 60)).toBe(-45);
  });
});

describe('distances near an anchor', () => {
  const leughenaer: [number, number] = [2.37863, 51.04015];

  it('measures a degree of latitude as about 111.2 km', () => {
    expect(distanceM([2, 51], [2, 52])).toBeCloseTo(111_195, -1);
  });

  it('gives east/north offsets that agree with the great-circle distance over tens of metres', () => {
    const near: [number, number] = [2.3791, 51.0405];
    const [e, n] = enuOffsetM(leughenaer, near);
    expect(e).toBeGreaterThan(0);
    expect(n).toBeGreaterThan(0);
    expect(Math.hypot(e, n)).toBeCloseTo(distanceM(leughenaer, near), 1);
  });
});
