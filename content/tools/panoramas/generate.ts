import { join } from 'node:path';
import { jsonText, writeGenerated, type Written } from '../lib/output';
import { svgToWebp } from '../lib/raster';
import type { PanoramaResult } from './harbour-1940';

/** Writes `media/panoramas/<slug>.webp` (4096 × 2048 equirectangular) and its block file. */
export async function writePanorama(tourDir: string, slug: string, pano: PanoramaResult): Promise<Written[]> {
  const dir = join(tourDir, 'media', 'panoramas');
  return [
    writeGenerated(join(dir, `${slug}.webp`), await svgToWebp(pano.svg, { quality: 78 })),
    writeGenerated(join(dir, `${slug}.block.json`), await jsonText(pano.block)),
  ];
}
