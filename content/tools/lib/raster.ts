import sharp from 'sharp';

/**
 * SVG → WebP with sharp (librsvg). Same SVG and same library versions give the same bytes; metadata is
 * not copied, so nothing of the build machine leaks into the file.
 */
export async function svgToWebp(
  svg: string,
  opts: { quality?: number; alpha?: boolean; density?: number } = {},
): Promise<Uint8Array> {
  let img = sharp(Buffer.from(svg, 'utf8'), { density: opts.density ?? 72, limitInputPixels: 64e6 });
  if (!opts.alpha) img = img.flatten({ background: '#000000' });
  const out = await img
    .webp({ quality: opts.quality ?? 80, effort: 5, smartSubsample: true, alphaQuality: 90 })
    .toBuffer();
  return new Uint8Array(out);
}

/** Text for SVG: the five XML characters escaped. */
export function xml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A number for SVG attributes: one decimal is finer than a pixel and keeps files small. */
export function n1(v: number): string {
  return (Math.round(v * 10) / 10).toString();
}
