import { describe, expect, it } from 'vitest';
import { FULL_SPHERE } from './equirect';
import { clampLook, dragLook, headingFromOrientation, keyLook, yawForHeading } from './look';

describe('dragging and keys', () => {
  it('moves the picture with the finger: a drag to the right turns the view left', () => {
    const l = dragLook({ yawDeg: 0, pitchDeg: 0 }, 100, 0, 60, 600);
    expect(l.yawDeg).toBeCloseTo(-10);
    const up = dragLook({ yawDeg: 0, pitchDeg: 0 }, 0, 60, 60, 600);
    expect(up.pitchDeg).toBeCloseTo(6);
  });

  it('turns by a step with the arrow keys and ignores other keys', () => {
    expect(keyLook({ yawDeg: 0, pitchDeg: 0 }, 'ArrowRight')).toEqual({ yawDeg: 10, pitchDeg: 0 });
    expect(keyLook({ yawDeg: 0, pitchDeg: 0 }, 'ArrowDown')).toEqual({ yawDeg: 0, pitchDeg: -10 });
    expect(keyLook({ yawDeg: 0, pitchDeg: 0 }, 'Enter')).toBeNull();
  });

  it('wraps yaw on a full panorama and stops pitch at the poles', () => {
    expect(clampLook({ yawDeg: 200, pitchDeg: 120 }, FULL_SPHERE, 60, 1)).toEqual({
      yawDeg: -160,
      pitchDeg: 90,
    });
  });

  it('keeps a cropped image filling the frame', () => {
    const crop = { hfovDeg: 90, vfovDeg: 45 };
    const l = clampLook({ yawDeg: 80, pitchDeg: -40 }, crop, 30, 1);
    expect(l.pitchDeg).toBeCloseTo(-7.5); // 22.5 − 15
    expect(l.yawDeg).toBeCloseTo(30); // 45 − 15
  });
});

describe('headingFromOrientation (W3C DeviceOrientation, Z-X′-Y″ Euler angles)', () => {
  it('an upright phone facing north (α 0, β 90) looks north at the horizon', () => {
    const h = headingFromOrientation({ alpha: 0, beta: 90, gamma: 0, absolute: true })!;
    expect(h.headingDeg).toBeCloseTo(0, 6);
    expect(h.pitchDeg).toBeCloseTo(0, 6);
    expect(h.accuracyDeg).toBe(15);
  });

  it('α grows counter-clockwise, so α 90 upright faces west', () => {
    const h = headingFromOrientation({ alpha: 90, beta: 90, gamma: 0, absolute: true })!;
    expect(h.headingDeg).toBeCloseTo(270, 6);
  });

  it('a phone lying flat looks straight down', () => {
    expect(headingFromOrientation({ alpha: 0, beta: 0, gamma: 0, absolute: true })!.pitchDeg).toBeCloseTo(
      -90,
      6,
    );
  });

  it('tilting the top back (β 120) raises the camera 30° above the horizon', () => {
    expect(headingFromOrientation({ alpha: 0, beta: 120, gamma: 0, absolute: true })!.pitchDeg).toBeCloseTo(
      30,
      6,
    );
  });

  it('a heading not referenced to north has no accuracy; Safari’s compass heading wins with its own accuracy', () => {
    expect(headingFromOrientation({ alpha: 10, beta: 90, gamma: 0, absolute: false })!.accuracyDeg).toBe(
      Infinity,
    );
    const ios = headingFromOrientation({
      alpha: 10,
      beta: 90,
      gamma: 0,
      absolute: false,
      webkitCompassHeading: 322,
      webkitCompassAccuracy: 12,
    })!;
    expect(ios).toMatchObject({ headingDeg: 322, accuracyDeg: 12 });
    const uncalibrated = headingFromOrientation({
      alpha: 10,
      beta: 90,
      gamma: 0,
      absolute: false,
      webkitCompassHeading: 322,
      webkitCompassAccuracy: -1,
    })!;
    expect(uncalibrated.accuracyDeg).toBe(Infinity);
  });

  it('is null until the sensor gives all three angles', () => {
    expect(headingFromOrientation({ alpha: null, beta: 90, gamma: 0, absolute: true })).toBeNull();
  });

  it('turns a compass heading into the panorama yaw that shows it', () => {
    expect(yawForHeading(322, 309)).toBeCloseTo(13);
    expect(yawForHeading(10, 309)).toBeCloseTo(61);
    expect(yawForHeading(10, 309, -5)).toBeCloseTo(56);
  });
});
