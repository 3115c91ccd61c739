import sharp from 'sharp';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bearingDeg, distanceM, wrap180 } from '../lib/geo';
import { tourDir } from '../lib/output';
import { stopPosition } from '../lib/places';
import { harbour1940, molePoints } from './harbour-1940';
import { EquirectView } from './view';

describe('equirectangular geometry', () => {
  it('puts the heading at the centre column, north-east-south-west a quarter turn apart, the horizon at mid-height', () => {
    const v = new EquirectView(4096, 2048, 300, 360);
    expect(v.x(300)).toBe(2048);
    expect(v.x(30)).toBe(2048 + 1024);
    expect(v.x(210)).toBe(1024);
    expect(v.horizonY).toBe(1024);
    expect(v.yAt(v.eyeM, 1000)).toBe(1024);
    expect(v.yAt(v.eyeM + 1000, 1000)).toBeCloseTo(1024 - 45 * (4096 / 360), 6); // 45° up
  });

  it('draws the Mole 1,300 m long on the channel axis, centred on the east-mole stop (its published centre)', () => {
    const stop = stopPosition('dunkirk-port-mole', 'east-mole');
    const { root, mid, end } = molePoints();
    expect(mid).toEqual(stop);
    expect(distanceM(root, mid)).toBeCloseTo(650, 0);
    expect(distanceM(mid, end)).toBeCloseTo(650, 0);
    expect(bearingDeg(root, end)).toBeCloseTo(322, 0);
    // the root lands on the land side, a few hundred metres north of the Risban lighthouse stop
    const risban = stopPosition('dunkirk-port-mole', 'phare-du-risban');
    expect(distanceM(root, risban)).toBeLessThan(400);
  });

  it('aims the harbour panorama at the Mole and places each hotspot at its true bearing from Bastion 32', () => {
    const { block } = harbour1940(512) as {
      block: { headingDeg: number; hotspots: { id: string; yawDeg: number }[] };
    };
    const here = stopPosition('dunkirk-port-mole', 'bastion-32');
    const mole = molePoints();
    expect(block.headingDeg).toBe(Math.round(bearingDeg(here, mole.mid)));
    const yaw = (id: string): number => block.hotspots.find((h) => h.id === id)?.yawDeg as number;
    const belfry = stopPosition('dunkirk-port-mole', 'beffroi-saint-eloi');
    expect(yaw('belfry')).toBeCloseTo(wrap180(bearingDeg(here, belfry) - block.headingDeg), 0);
    expect(block.hotspots.length).toBeGreaterThanOrEqual(3);
    expect(block.hotspots.length).toBeLessThanOrEqual(5);
  });

  it.each([
    ['dunkirk-port-mole', 'harbour-1940'],
    ['beaches-rearguard', 'zuydcoote-beach'],
  ])('%s/%s.webp is a 4096 × 2048 WebP', async (tour, slug) => {
    const meta = await sharp(
      readFileSync(join(tourDir(tour), 'media', 'panoramas', `${slug}.webp`)),
    ).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 4096, 2048]);
  });

  it.each([
    ['dunkirk-port-mole', 'mole'],
    ['beaches-rearguard', 'devonia'],
  ])(
    '%s AR images %s-then/now share one size, and "then" is transparent where 1940 adds nothing',
    async (tour, base) => {
      const dir = join(tourDir(tour), 'media', 'ar');
      const then = await sharp(readFileSync(join(dir, `${base}-then.webp`))).metadata();
      const now = await sharp(readFileSync(join(dir, `${base}-now.webp`))).metadata();
      expect([then.width, then.height]).toEqual([now.width, now.height]);
      expect(then.hasAlpha).toBe(true);
      const { data } = await sharp(readFileSync(join(dir, `${base}-then.webp`)))
        .ensureAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      const bottomLeftAlpha = data[((then.height as number) - 2) * (then.width as number) * 4 + 4 + 3];
      expect(bottomLeftAlpha).toBeLessThan(16);
    },
  );
});
