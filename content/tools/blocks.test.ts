import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceBlockSchema } from '../src/index';
import { tourDir } from './lib/output';

/** Every generated block file of both tours, with the paths it references. */
function blockFiles(): [tour: string, file: string][] {
  const out: [string, string][] = [];
  for (const tour of ['dunkirk-port-mole', 'beaches-rearguard']) {
    for (const sub of ['scenes', 'panoramas', 'ar']) {
      const dir = join(tourDir(tour), 'media', sub);
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir)) if (f.endsWith('.block.json')) out.push([tour, `media/${sub}/${f}`]);
    }
  }
  return out;
}

/** Strings in a block that name a file of the tour (asset references in source form). */
function referencedPaths(value: unknown): string[] {
  if (typeof value === 'string') return /^media\/.+\.(webp|glb|opus)$/.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(referencedPaths);
  if (value && typeof value === 'object') return Object.values(value).flatMap(referencedPaths);
  return [];
}

const files = blockFiles();

describe('generated block files', () => {
  it('exist for all six immersive stops of the contract', () => {
    expect(files.map(([t, f]) => `${t}/${f}`).sort()).toEqual([
      'beaches-rearguard/media/ar/devonia-then-now.block.json',
      'beaches-rearguard/media/panoramas/zuydcoote-beach.block.json',
      'beaches-rearguard/media/scenes/little-ship-beach.block.json',
      'dunkirk-port-mole/media/ar/mole-then-now.block.json',
      'dunkirk-port-mole/media/panoramas/harbour-1940.block.json',
      'dunkirk-port-mole/media/scenes/east-mole.block.json',
    ]);
  });

  it.each(files)('%s/%s validates against the content schema (source form)', (tour, file) => {
    const block = JSON.parse(readFileSync(join(tourDir(tour), file), 'utf8')) as unknown;
    const parsed = sourceBlockSchema.safeParse(block);
    expect(parsed.success, JSON.stringify(parsed.error?.issues?.slice(0, 3))).toBe(true);
  });

  it.each(files)('%s/%s references only files that exist, each with fr/en/nl text', (tour, file) => {
    const block = JSON.parse(readFileSync(join(tourDir(tour), file), 'utf8')) as Record<string, unknown>;
    const paths = referencedPaths(block);
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) expect(existsSync(join(tourDir(tour), p)), p).toBe(true);
    const texts = JSON.stringify(block).match(/\{"fr":"[^"]*","en":"[^"]*","nl":"[^"]*"\}/g) ?? [];
    expect(texts.length).toBeGreaterThan(0);
    expect(JSON.stringify(block)).not.toMatch(/"(fr|en|nl)":""/);
  });

  it('reenactment timelines last 60–90 s with ordered, non-overlapping subtitles inside them', () => {
    for (const [tour, file] of files.filter(([, f]) => f.includes('/scenes/'))) {
      const b = JSON.parse(readFileSync(join(tourDir(tour), file), 'utf8')) as {
        timeline: {
          durationS: number;
          camera: { atS: number }[];
          subtitles: { startS: number; endS: number }[];
        };
        stills: unknown[];
      };
      expect(b.timeline.durationS).toBeGreaterThanOrEqual(60);
      expect(b.timeline.durationS).toBeLessThanOrEqual(90);
      expect(b.stills).toHaveLength(3);
      let last = 0;
      for (const s of b.timeline.subtitles) {
        expect(s.startS).toBeGreaterThanOrEqual(last);
        expect(s.endS).toBeGreaterThan(s.startS);
        last = s.endS;
      }
      expect(last).toBeLessThanOrEqual(b.timeline.durationS);
      const times = b.timeline.camera.map((c) => c.atS);
      expect([...times].sort((x, y) => x - y)).toEqual(times);
    }
  });
});
