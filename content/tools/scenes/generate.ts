import { join } from 'node:path';
import { glbStats, type GlbStats } from '../lib/glbStats';
import { jsonText, writeGenerated, type Written } from '../lib/output';
import { svgToWebp } from '../lib/raster';
import { reenactmentBlock, type SceneBlockInput } from './blocks';
import { renderStillSvg } from './render';
import { sceneIO, toGlb, type SceneSpec } from './scene';

/** Budgets of a re-enactment for a mid-range phone (the brief's numbers). */
export const SCENE_BUDGET = { triangles: 150_000, drawCalls: 100, textureSide: 2048 };

/** Writes `<slug>.glb`, its three stills and `<slug>.block.json`; checks the budgets on the written bytes. */
export async function writeScene(
  tourDir: string,
  spec: SceneSpec,
  block: SceneBlockInput,
): Promise<{ written: Written[]; stats: GlbStats }> {
  const dir = join(tourDir, 'media', 'scenes');
  const glb = await toGlb(spec);
  const stats = glbStats(await (await sceneIO()).readBinary(glb));
  if (stats.triangles > SCENE_BUDGET.triangles || stats.drawCalls > SCENE_BUDGET.drawCalls) {
    throw new Error(
      `${block.slug}: over budget (${stats.triangles} triangles, ${stats.drawCalls} draw calls)`,
    );
  }
  const written = [writeGenerated(join(dir, `${block.slug}.glb`), glb)];
  for (const [i, still] of block.stills.entries()) {
    const cam = block.camera[still.camera];
    if (!cam)
      throw new Error(`${block.slug}: still ${i + 1} names camera key ${still.camera}, which does not exist`);
    const svg = renderStillSvg(
      spec,
      { position: cam.position, target: cam.target },
      {
        width: 1600,
        height: 900,
        atS: cam.atS,
        sky: ['#8da3b3', '#d9d4c6'],
        sea: '#5d7479',
        haze: '#c9c6bb',
      },
    );
    written.push(writeGenerated(join(dir, `${block.slug}-still-${i + 1}.webp`), await svgToWebp(svg)));
  }
  written.push(
    writeGenerated(join(dir, `${block.slug}.block.json`), await jsonText(reenactmentBlock(block))),
  );
  return { written, stats };
}
