import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { glbStats } from '../lib/glbStats';
import { tourDir } from '../lib/output';
import { eastMoleScene } from './east-mole';
import { TriangleSoup } from './geometry';
import { SCENE_BUDGET } from './generate';
import { littleShipBeachScene } from './little-ship-beach';
import { renderStillSvg } from './render';
import { sceneIO, toGlb, type SceneSpec } from './scene';

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

describe.each([
  ['dunkirk-port-mole', 'east-mole', ['queue-advance', 'ship-bob', 'smoke-drift']],
  ['beaches-rearguard', 'little-ship-beach', ['wade-out', 'boat-shuttle', 'ship-bob']],
] as const)('the committed %s/%s.glb', (tour, slug, clips) => {
  it('fits a phone budget when read back with NodeIO (meshopt-decoded)', async () => {
    const bytes = readFileSync(join(tourDir(tour), 'media', 'scenes', `${slug}.glb`));
    const doc = await (await sceneIO()).readBinary(new Uint8Array(bytes));
    const stats = glbStats(doc);
    console.log(
      `${slug}.glb: ${bytes.length} bytes, ${stats.triangles} triangles, ${stats.drawCalls} draw calls`,
    );
    expect(stats.triangles).toBeGreaterThan(1000);
    expect(stats.triangles).toBeLessThanOrEqual(SCENE_BUDGET.triangles);
    expect(stats.drawCalls).toBeLessThanOrEqual(SCENE_BUDGET.drawCalls);
    expect(stats.maxTextureSide).toBeLessThanOrEqual(SCENE_BUDGET.textureSide);
    expect(stats.animations).toEqual(clips);
    const used = doc
      .getRoot()
      .listExtensionsUsed()
      .map((e) => e.extensionName);
    expect(used).toContain('EXT_meshopt_compression');
    expect(used).toContain('KHR_mesh_quantization');
  });
});

describe('scene generation', () => {
  it('is deterministic and matches the committed file (the Bray-Dunes beach, built twice)', async () => {
    const a = await toGlb(littleShipBeachScene());
    const b = await toGlb(littleShipBeachScene());
    expect(sha(a)).toBe(sha(b));
    const committed = readFileSync(
      join(tourDir('beaches-rearguard'), 'media', 'scenes', 'little-ship-beach.glb'),
    );
    expect(sha(a)).toBe(sha(committed)); // if this fails, run: npx tsx content/tools/generate-media.ts
  });

  it('keeps every clip pointing at an existing group, with matching key counts', () => {
    for (const spec of [eastMoleScene(), littleShipBeachScene()]) {
      const groups = new Set(spec.groups.map((g) => g.name));
      for (const clip of spec.clips) {
        for (const t of clip.tracks) {
          expect(groups.has(t.group)).toBe(true);
          for (const v of [t.translation, t.rotation, t.scale]) if (v) expect(v).toHaveLength(t.times.length);
          expect([...t.times].sort((x, y) => x - y)).toEqual(t.times);
        }
      }
    }
  });
});

describe('renderStillSvg (stills without WebGL)', () => {
  const cube: SceneSpec = {
    name: 'cube',
    materials: [{ name: 'm', color: '#808080' }],
    groups: [{ name: 'cube', pivot: [0, 0, 0], parts: { m: new TriangleSoup().box([0, 0, 0], [2, 2, 2]) } }],
    clips: [],
  };
  const opts = {
    width: 400,
    height: 300,
    atS: 0,
    sky: ['#000000', '#000000'] as [string, string],
    sea: '#000000',
    haze: '#ffffff',
    hazeHalfM: 1e9,
  };

  it('shows the three faces of a cube seen from a corner, and culls the three at the back', () => {
    const svg = renderStillSvg(cube, { position: [5, 5, 5], target: [0, 0, 0] }, opts);
    expect(svg.match(/<path /g)).toHaveLength(6); // 3 faces × 2 triangles
  });

  it('puts the target at the centre of the picture', () => {
    const dot: SceneSpec = {
      ...cube,
      groups: [
        {
          name: 'dot',
          pivot: [0, 0, 0],
          parts: { m: new TriangleSoup().box([0, 0, 0], [0.02, 0.02, 0.02]) },
        },
      ],
    };
    const svg = renderStillSvg(dot, { position: [0, 0, 10], target: [0, 0, 0] }, opts);
    const coords = [...svg.matchAll(/M([\d.]+) ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    for (const [x, y] of coords) {
      expect(Math.abs((x as number) - 200)).toBeLessThan(2);
      expect(Math.abs((y as number) - 150)).toBeLessThan(2);
    }
  });

  it('cuts away what lies under the water line', () => {
    const post: SceneSpec = {
      ...cube,
      waterY: 0,
      groups: [
        { name: 'post', pivot: [0, 0, 0], parts: { m: new TriangleSoup().box([0, 0, 0], [1, 4, 1]) } },
      ],
    };
    const svg = renderStillSvg(post, { position: [0, 0, 20], target: [0, 0, 0] }, { ...opts, height: 300 });
    const ys = [...svg.matchAll(/[ML][\d.]+ ([\d.]+)/g)].map((m) => Number(m[1]));
    expect(Math.max(...ys)).toBeLessThanOrEqual(150.1); // nothing below the horizon row of a level camera at y = 0
  });
});
