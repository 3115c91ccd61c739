import sharp from 'sharp';
import { MediaError } from './MediaError';

export interface ImportedImage {
  webp: Uint8Array;
  avif: Uint8Array;
  width: number;
  height: number;
}

/** Longest side of an imported image: the size limit the tour player's textures and screens use. */
export const MAX_IMAGE_SIDE = 2048;

/**
 * Turns an image file (or its bytes) into WebP and AVIF no larger than 2048 px on either side,
 * upright (EXIF orientation applied) and without metadata (no GPS of the photographer).
 */
export async function importImage(input: string | Uint8Array): Promise<ImportedImage> {
  const where = typeof input === 'string' ? { path: input } : { field: 'input' };
  try {
    const base = sharp(input, { failOn: 'error' })
      .rotate()
      .resize({ width: MAX_IMAGE_SIDE, height: MAX_IMAGE_SIDE, fit: 'inside', withoutEnlargement: true });
    const { data: webp, info } = await base
      .clone()
      .webp({ quality: 82, effort: 4 })
      .toBuffer({ resolveWithObject: true });
    const avif = await base.clone().avif({ quality: 55, effort: 4 }).toBuffer();
    return { webp: new Uint8Array(webp), avif: new Uint8Array(avif), width: info.width, height: info.height };
  } catch (e) {
    throw new MediaError('INPUT_INVALID', { ...where, reason: (e as Error).message });
  }
}
