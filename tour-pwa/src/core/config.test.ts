import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';
import { parseCatalogue } from './catalogue';
import type { TourAppError } from './errors';
import { tilesForBounds, lonLatToTile } from './tiles';

const base = 'https://app.example/tour/config.json';

describe('config.json', () => {
  it('resolves URLs against its own location', () => {
    const c = parseConfig(
      { catalogueUrl: '../tours/catalogue.json', trustedKeys: ['PEM'], tileUrl: '/tiles/{z}/{x}/{y}.png' },
      base,
    );
    expect(c.catalogueUrl).toBe('https://app.example/tours/catalogue.json');
    expect(c.tileUrl).toBe('https://app.example/tiles/{z}/{x}/{y}.png');
    expect(c.mapboxToken).toBeUndefined();
  });

  it.each([
    [null, ''],
    [{ trustedKeys: [] }, 'catalogueUrl'],
    [{ catalogueUrl: 'c.json', trustedKeys: 'PEM' }, 'trustedKeys'],
    [{ catalogueUrl: 'c.json', trustedKeys: [], offlineMaxZoom: 40 }, 'offlineMaxZoom'],
  ])('refuses %j naming the field', (raw, field) => {
    const err = (() => {
      try {
        parseConfig(raw, base);
      } catch (e) {
        return e;
      }
    })() as TourAppError;
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.details.field).toBe(field);
  });
});

describe('catalogue.json', () => {
  it('refuses a catalogue that does not match the schema, with a pointer', () => {
    try {
      parseCatalogue({ catalogueVersion: 1, tours: [{ id: 'x' }] }, base);
      expect.unreachable();
    } catch (e) {
      expect((e as TourAppError).code).toBe('CATALOGUE_INVALID');
      expect((e as TourAppError).details.pointer).toMatch(/^\/tours\/0/);
    }
  });
});

describe('tiles for the offline area', () => {
  it('finds the OSM tile of a point (Dunkirk, z 14)', () => {
    // x = floor((2.3666 + 180) / 360 · 2^14) = floor(8299.7) = 8299
    // y = floor((1 − ln(tan φ + sec φ) / π) / 2 · 2^14), φ = 51.0386° → floor(5482.9) = 5482
    expect(lonLatToTile(2.3666, 51.0386, 14)).toEqual({ x: 8299, y: 5482 });
  });

  it('covers the bounds at every zoom and stops before the budget is exceeded', () => {
    const bounds: [number, number, number, number] = [2.35, 51.03, 2.38, 51.05];
    const tiles = tilesForBounds(bounds, 12, 18, 200);
    expect(tiles.length).toBeLessThanOrEqual(200);
    const zooms = [...new Set(tiles.map((t) => t.z))];
    expect(Math.max(...zooms)).toBeLessThan(18);
    for (const z of zooms) {
      for (const [lon, lat] of [
        [bounds[0], bounds[1]],
        [bounds[2], bounds[3]],
        [bounds[0], bounds[3]],
        [bounds[2], bounds[1]],
      ] as const) {
        const t = lonLatToTile(lon, lat, z);
        expect(tiles.some((x) => x.z === z && x.x === t.x && x.y === t.y)).toBe(true);
      }
    }
  });
});
