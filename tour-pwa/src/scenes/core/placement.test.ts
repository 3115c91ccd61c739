import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { angularDistanceDeg, DEG, wrap360 } from './equirect';
import { headingFromOrientation } from './look';
import {
  calibrate,
  cameraQuaternion,
  distanceM,
  enuOffsetM,
  geoAnchorPose,
  placeOverlay,
  type OverlayInputs,
} from './placement';

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

describe('geoAnchorPose: a geo-anchored model in a viewer-centred space', () => {
  const viewer: [number, number] = [2.3776, 51.0379];
  // 100 m north and 100 m east of the viewer (1° of latitude ≈ 111.2 km).
  const north100: [number, number] = [viewer[0], viewer[1] + 100 / 111_195];
  const east100: [number, number] = [
    viewer[0] + 100 / (111_195 * Math.cos(viewer[1] * (Math.PI / 180))),
    viewer[1],
  ];

  it('puts an anchor due north straight ahead when the space’s forward axis points north', () => {
    const p = geoAnchorPose({
      viewer,
      anchor: { position: north100, headingDeg: 0 },
      forwardHeadingDeg: 0,
      groundY: -1.5,
    });
    expect(p.position[0]).toBeCloseTo(0, 3);
    expect(p.position[1]).toBe(-1.5);
    expect(p.position[2]).toBeCloseTo(-100, 0);
    expect(p.bearingDeg).toBeCloseTo(0, 3);
    expect(p.rotationY).toBeCloseTo(0, 9);
  });

  it('puts it on the left when the space faces east, and on the right for an anchor to the east when it faces north', () => {
    const left = geoAnchorPose({
      viewer,
      anchor: { position: north100, headingDeg: 0 },
      forwardHeadingDeg: 90,
      groundY: 0,
    });
    expect(left.position[0]).toBeCloseTo(-100, 0);
    expect(left.position[2]).toBeCloseTo(0, 3);
    const right = geoAnchorPose({
      viewer,
      anchor: { position: east100, headingDeg: 0 },
      forwardHeadingDeg: 0,
      groundY: 0,
    });
    expect(right.position[0]).toBeCloseTo(100, 0);
    expect(right.bearingDeg).toBeCloseTo(90, 2);
  });

  it('turns the model’s −Z axis to the anchor’s heading (clockwise = negative about +Y) and lifts it by altitudeM', () => {
    const p = geoAnchorPose({
      viewer,
      anchor: { position: north100, headingDeg: 90, altitudeM: 4 },
      forwardHeadingDeg: 0,
      groundY: -1.5,
    });
    expect(p.rotationY).toBeCloseTo(-Math.PI / 2, 9);
    expect(p.position[1]).toBeCloseTo(2.5, 9);
    // The rotated −Z axis: (−sin θ, 0, −cos θ) for a rotation θ about +Y → +X, east.
    expect(-Math.sin(p.rotationY)).toBeCloseTo(1, 9);
  });
});

/** v rotated by the unit quaternion q = [x, y, z, w]. */
function rotate([x, y, z, w]: number[], v: [number, number, number]): [number, number, number] {
  const [vx, vy, vz] = v;
  const tx = 2 * (y! * vz - z! * vy);
  const ty = 2 * (z! * vx - x! * vz);
  const tz = 2 * (x! * vy - y! * vx);
  return [
    vx + w! * tx + (y! * tz - z! * ty),
    vy + w! * ty + (z! * tx - x! * tz),
    vz + w! * tz + (x! * ty - y! * tx),
  ];
}

describe('cameraQuaternion: the camera view’s orientation from the device’s', () => {
  it('looks north at the horizon for a phone held upright facing north (α 0, β 90°, γ 0)', () => {
    const f = rotate(cameraQuaternion(0, 90, 0), [0, 0, -1]);
    expect(f[0]).toBeCloseTo(0, 9);
    expect(f[1]).toBeCloseTo(0, 9);
    expect(f[2]).toBeCloseTo(-1, 9);
    const up = rotate(cameraQuaternion(0, 90, 0), [0, 1, 0]);
    expect(up[1]).toBeCloseTo(1, 9);
  });

  it('agrees with headingFromOrientation on heading and pitch, plus the yaw correction (seeded property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 360, noNaN: true }),
        fc.double({ min: 10, max: 170, noNaN: true }),
        fc.double({ min: -60, max: 60, noNaN: true }),
        fc.double({ min: -45, max: 45, noNaN: true }),
        (alpha, beta, gamma, correction) => {
          const h = headingFromOrientation({ alpha, beta, gamma, absolute: true })!;
          const f = rotate(cameraQuaternion(alpha, beta, gamma, 0, correction), [0, 0, -1]);
          const pitch = Math.asin(Math.max(-1, Math.min(1, f[1]))) / DEG;
          expect(pitch).toBeCloseTo(h.pitchDeg, 6);
          if (Math.abs(pitch) > 85) return; // the heading of a vertical axis is undefined
          const bearing = wrap360(Math.atan2(f[0], -f[2]) / DEG);
          expect(angularDistanceDeg(bearing, 0, wrap360(h.headingDeg + correction), 0)).toBeLessThan(1e-6);
        },
      ),
      { seed: 11, numRuns: 300 },
    );
  });
});
