import { describe, expect, it } from 'vitest';
import { distanceM } from '../lib/geo';
import { PLACES } from '../lib/places';
import { MapCanvas } from './canvas';
import { beachesMapSvg, perimeterMapSvg } from './maps';

describe('maps', () => {
  it('keeps one scale across and up the map, so the scale bar is true in both directions', () => {
    const m = new MapCanvas(1600, [2.0, 50.9, 2.85, 51.2]);
    expect(m.widthM() * m.pxPerM).toBeCloseTo(1600, -1);
    // Dunkirk–Bergues measured on the map equals the geodesic distance within 1 %
    const px = Math.hypot(
      m.x(PLACES.bergues) - m.x(PLACES.dunkirk),
      m.y(PLACES.bergues) - m.y(PLACES.dunkirk),
    );
    expect(Math.abs(px / m.pxPerM / distanceM(PLACES.dunkirk, PLACES.bergues) - 1)).toBeLessThan(0.01);
    expect(m.y([2.4, 51.2])).toBe(0); // north up
  });
  it.each([
    ['perimeter', perimeterMapSvg],
    ['beaches', beachesMapSvg],
  ])(
    'the %s map is 1600 px wide with a north arrow, a scale bar and labels in three languages',
    (_n, draw) => {
      const svg = draw();
      expect(svg).toMatch(/^<svg [^>]*width="1600"/);
      expect(svg).toContain('>N</text>');
      expect(svg).toMatch(/km<\/text>/);
      expect(svg).toContain('North Sea');
      expect(svg).toContain('Noordzee');
      expect(svg).toContain('Mer du Nord');
    },
  );
});
