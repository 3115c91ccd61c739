import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  FULL_SPHERE,
  angularDistanceDeg,
  directionToYawPitch,
  equirectSphere,
  pickHotspot,
  pointerToYawPitch,
  uvToYawPitch,
  wrap180,
  wrap360,
  yawPitchToDirection,
  yawPitchToPointer,
  yawPitchToUv,
} from './equirect';

const yaw = fc.double({ min: -179.9, max: 179.9, noNaN: true });
const pitch = fc.double({ min: -89, max: 89, noNaN: true });

describe('yaw/pitch ↔ direction', () => {
  it('looks down −Z at yaw 0, +X at yaw 90 (clockwise from above), +Y straight up', () => {
    const d = yawPitchToDirection(0, 0);
    expect(d[2]).toBeCloseTo(-1);
    const e = yawPitchToDirection(90, 0);
    expect(e[0]).toBeCloseTo(1);
    expect(e[2]).toBeCloseTo(0);
    expect(yawPitchToDirection(0, 90)[1]).toBeCloseTo(1);
  });

  it('round-trips (property)', () => {
    fc.assert(
      fc.property(yaw, pitch, (y, p) => {
        const back = directionToYawPitch(yawPitchToDirection(y, p));
        expect(back.yawDeg).toBeCloseTo(y, 6);
        expect(back.pitchDeg).toBeCloseTo(p, 6);
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('wraps angles into (−180, 180] and [0, 360)', () => {
    expect(wrap180(190)).toBe(-170);
    expect(wrap180(-180)).toBe(180);
    expect(wrap360(-10)).toBe(350);
    expect(wrap360(720)).toBe(0);
  });
});

describe('image coordinates (the generators: bearing = headingDeg + yaw, horizon at mid-height)', () => {
  it('puts the image centre at yaw 0 on the horizon, east of it to the right', () => {
    expect(yawPitchToUv(0, 0)).toEqual([0.5, 0.5]);
    expect(yawPitchToUv(90, 0)).toEqual([0.75, 0.5]);
    expect(yawPitchToUv(-180, 0)[0]).toBe(1); // the seam
    expect(yawPitchToUv(0, 45)).toEqual([0.5, 0.25]);
  });

  it('maps a 90° × 45° crop onto its whole image', () => {
    const crop = { hfovDeg: 90, vfovDeg: 45 };
    expect(yawPitchToUv(-45, 22.5, crop)).toEqual([0, 0]);
    expect(uvToYawPitch(1, 1, crop)).toEqual({ yawDeg: 45, pitchDeg: -22.5 });
  });

  it('round-trips uv (property)', () => {
    fc.assert(
      fc.property(yaw, pitch, (y, p) => {
        const [u, v] = yawPitchToUv(y, p, FULL_SPHERE);
        const back = uvToYawPitch(u, v, FULL_SPHERE);
        expect(back.yawDeg).toBeCloseTo(y, 9);
        expect(back.pitchDeg).toBeCloseTo(p, 9);
      }),
      { seed: 12, numRuns: 200 },
    );
  });
});

describe('equirectSphere', () => {
  it('gives every vertex the uv of its own direction', () => {
    const s = equirectSphere(FULL_SPHERE, 10, { yaw: 16, pitch: 8 });
    for (let i = 0; i < s.positions.length / 3; i++) {
      const dir = [s.positions[3 * i]!, s.positions[3 * i + 1]!, s.positions[3 * i + 2]!];
      expect(Math.hypot(...dir)).toBeCloseTo(10, 4);
      const { pitchDeg } = directionToYawPitch(dir);
      const v = 1 - s.uvs[2 * i + 1]!;
      expect(0.5 - pitchDeg / 180).toBeCloseTo(v, 4);
      if (Math.abs(pitchDeg) < 89) {
        // the seam column exists twice (u = 0 and u = 1): compare on the circle
        const { yawDeg } = directionToYawPitch(dir);
        expect(wrap180(yawDeg - uvToYawPitch(s.uvs[2 * i]!, v).yawDeg)).toBeCloseTo(0, 3);
      }
    }
  });

  it('winds its triangles to face the viewer at the centre', () => {
    const s = equirectSphere({ hfovDeg: 90, vfovDeg: 45 }, 5, { yaw: 4, pitch: 2 });
    expect(s.indices.length).toBe(4 * 2 * 6);
    for (let k = 0; k < s.indices.length; k += 3) {
      const [a, b, c] = [0, 1, 2].map((j) => {
        const i = s.indices[k + j]!;
        return [s.positions[3 * i]!, s.positions[3 * i + 1]!, s.positions[3 * i + 2]!];
      }) as [number[], number[], number[]];
      const ab = [b[0]! - a[0]!, b[1]! - a[1]!, b[2]! - a[2]!];
      const ac = [c[0]! - a[0]!, c[1]! - a[1]!, c[2]! - a[2]!];
      const n = [
        ab[1]! * ac[2]! - ab[2]! * ac[1]!,
        ab[2]! * ac[0]! - ab[0]! * ac[2]!,
        ab[0]! * ac[1]! - ab[1]! * ac[0]!,
      ];
      // The normal of a front (counter-clockwise) face points toward the centre: against the position.
      expect(n[0]! * a[0]! + n[1]! * a[1]! + n[2]! * a[2]!).toBeLessThan(0);
    }
  });
});

describe('pointer ↔ yaw/pitch and hotspot picking', () => {
  const view = { yawDeg: 30, pitchDeg: 10, fovDeg: 70, aspect: 16 / 9 };

  it('sees the view direction at the centre of the screen', () => {
    const c = pointerToYawPitch(0, 0, view);
    expect(c.yawDeg).toBeCloseTo(30, 9);
    expect(c.pitchDeg).toBeCloseTo(10, 9);
  });

  it('sees the top edge half a field of view above the centre', () => {
    const top = pointerToYawPitch(0, 1, { ...view, pitchDeg: 0 });
    expect(top.pitchDeg).toBeCloseTo(35, 9);
  });

  it('projects and unprojects consistently (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.95, max: 0.95, noNaN: true }),
        fc.double({ min: -0.95, max: 0.95, noNaN: true }),
        (x, y) => {
          const yp = pointerToYawPitch(x, y, view);
          const back = yawPitchToPointer(yp.yawDeg, yp.pitchDeg, view)!;
          expect(back[0]).toBeCloseTo(x, 6);
          expect(back[1]).toBeCloseTo(y, 6);
        },
      ),
      { seed: 13, numRuns: 200 },
    );
  });

  it('has nothing on screen behind the viewer', () => {
    expect(yawPitchToPointer(210, 0, view)).toBeNull();
  });

  it('picks the nearest hotspot under the pointer, within a tolerance', () => {
    const spots = [
      { id: 'east-mole', yawDeg: -0.4, pitchDeg: -0.2 },
      { id: 'risban-lighthouse', yawDeg: -19.9, pitchDeg: 4.1 },
      { id: 'ships-offshore', yawDeg: 43, pitchDeg: 0 },
    ];
    const front = { yawDeg: 0, pitchDeg: 0, fovDeg: 70, aspect: 1 };
    const [x, y] = yawPitchToPointer(-19.9, 4.1, front)!;
    const hit = pointerToYawPitch(x + 0.01, y - 0.01, front);
    expect(pickHotspot(spots, hit.yawDeg, hit.pitchDeg)?.id).toBe('risban-lighthouse');
    expect(pickHotspot(spots, -10, 30)).toBeNull();
    expect(pickHotspot(spots, 1, 0)?.id).toBe('east-mole');
    expect(angularDistanceDeg(0, 0, 90, 0)).toBeCloseTo(90, 9);
  });
});
