/**
 * The Operation Dynamo tours' real re-enactment scenes, parsed in Node with the bundled meshopt
 * decoder: within the budgets, and every clip the timeline names exists in the glb.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Block } from '@dunkirk/content';
import { budgetViolations } from './core';
import { sceneGraphFigures } from './figures';
import { glbExtensionsUsed, parseGlb } from './loaders';

const tours = fileURLToPath(new URL('../../../content/tours/', import.meta.url));
const blocks = existsSync(tours)
  ? readdirSync(tours).flatMap((tour) => {
      const dir = join(tours, tour, 'media/scenes');
      if (!existsSync(dir)) return [];
      return readdirSync(dir)
        .filter((f) => f.endsWith('.block.json'))
        .map((f) => ({ tour, file: f, path: join(dir, f) }));
    })
  : [];

describe.skipIf(blocks.length === 0)('re-enactment scenes of the tours', () => {
  it.each(blocks)(
    '$tour/$file is within budget and its timeline matches its model',
    async ({ tour, path }) => {
      const block = JSON.parse(readFileSync(path, 'utf8')) as Extract<Block, { type: 'reenactment' }>;
      const bytes = readFileSync(join(tours, tour, block.model));
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      expect(glbExtensionsUsed(buffer)).toContain('EXT_meshopt_compression');
      const gltf = await parseGlb(buffer);
      const figures = sceneGraphFigures(gltf.scene);
      expect(figures.triangles).toBeGreaterThan(0);
      expect(budgetViolations(figures)).toEqual([]);
      const clipNames = gltf.animations.map((a) => a.name);
      for (const cue of block.timeline.clips) expect(clipNames).toContain(cue.name);
      for (const still of block.stills) expect(existsSync(join(tours, tour, still.image))).toBe(true);
    },
  );
});
