import { describe, expect, it } from 'vitest';
import { bearingDeg, destination, distanceM, wrap180 } from './geo';
import { PLACES } from './places';

describe('geodesy for bearings and maps', () => {
  it('gives the cardinal bearings', () => {
    expect(bearingDeg([2.37, 51.0], [2.37, 51.1])).toBeCloseTo(0, 6);
    expect(bearingDeg([2.37, 51.0], [2.37, 50.9])).toBeCloseTo(180, 6);
    // due east along a parallel starts slightly north of 90° (great circle)
    expect(bearingDeg([2.37, 51.0], [2.47, 51.0])).toBeCloseTo(90, 0);
  });
  it('measures Dunkirk to Bergues as about 8 km (Wikipedia: "9 km south of Dunkirk", town centre to town centre)', () => {
    const d = distanceM(PLACES.dunkirk, PLACES.bergues);
    expect(d).toBeGreaterThan(7_500);
    expect(d).toBeLessThan(9_000);
    expect(bearingDeg(PLACES.dunkirk, PLACES.bergues)).toBeGreaterThan(140);
    expect(bearingDeg(PLACES.dunkirk, PLACES.bergues)).toBeLessThan(160);
  });
  it('walks out and back to the same point', () => {
    const a: [number, number] = [2.3654, 51.051];
    const b = destination(a, 322, 1300);
    expect(distanceM(a, b)).toBeCloseTo(1300, 3);
    expect(bearingDeg(a, b)).toBeCloseTo(322, 3);
  });
  it('folds angles into (-180, 180]', () => {
    expect(wrap180(190)).toBe(-170);
    expect(wrap180(-180)).toBe(180);
    expect(wrap180(720 + 45)).toBe(45);
  });
});
