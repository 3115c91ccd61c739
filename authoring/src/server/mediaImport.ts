import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importAudio, importImage } from '../media';
import { AuthoringError } from './AuthoringError';
import { importModel } from './modelImport';
import type { TourStore } from './tourStore';

export type MediaKind = 'image' | 'audio' | 'panorama' | 'model';

export interface MediaUpload {
  kind: MediaKind;
  /** The curator's file name; only its stem is kept, as a slug. */
  name: string;
  bytes: Uint8Array;
  credit: string;
  licence: string;
  sourceUrl?: string;
}

export interface ImportedAsset {
  id: string;
  mediaType: string;
  bytes: number;
  width?: number;
  height?: number;
  /** Extra renditions written next to the listed asset (not packaged unless referenced). */
  alternates: string[];
  /** 3D models: triangles after optimisation, against the visitor app's scene budget. */
  triangles?: number;
  triangleBudget?: number;
}

export function slugOf(name: string): string {
  const stem = (name.split(/[\\/]/).pop() ?? '').replace(/\.[^.]*$/, '');
  const slug = stem
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return slug || 'media';
}

/**
 * Imports an uploaded file into `media/` with the media pipeline (images → WebP, with an AVIF beside
 * it; audio → loudness-normalised Opus) and lists it in `tour.json#/assets` with its credit and
 * licence, which are required: a package never carries an asset without them.
 */
export async function importMedia(store: TourStore, tour: string, up: MediaUpload): Promise<ImportedAsset> {
  if (!up.credit.trim())
    throw new AuthoringError('MEDIA_REFUSED', { tour, pointer: '/credit', issue: 'credit required' });
  if (!up.licence.trim()) {
    throw new AuthoringError('MEDIA_REFUSED', { tour, pointer: '/licence', issue: 'licence required' });
  }
  const slug = slugOf(up.name);
  let asset: ImportedAsset;
  try {
    if (up.kind === 'model') {
      const model = await importModel(up.bytes);
      const id = `media/models/${slug}.glb`;
      await store.writeMedia(tour, id, model.glb);
      asset = {
        id,
        mediaType: 'model/gltf-binary',
        bytes: model.glb.length,
        alternates: [],
        triangles: model.triangles,
        triangleBudget: model.budget,
      };
    } else if (up.kind === 'image' || up.kind === 'panorama') {
      const img = await importImage(up.bytes);
      // An equirectangular panorama is twice as wide as it is high.
      if (up.kind === 'panorama' && Math.abs(img.width / img.height - 2) > 0.02) {
        throw new AuthoringError('MEDIA_REFUSED', {
          tour,
          file: up.name,
          issue: `a 360° panorama is 2:1, this image is ${img.width}×${img.height}`,
        });
      }
      const folder = up.kind === 'panorama' ? 'media/panoramas' : 'media';
      const id = `${folder}/${slug}.webp`;
      await store.writeMedia(tour, id, img.webp);
      await store.writeMedia(tour, `${folder}/${slug}.avif`, img.avif);
      asset = {
        id,
        mediaType: 'image/webp',
        bytes: img.webp.length,
        width: img.width,
        height: img.height,
        alternates: [`${folder}/${slug}.avif`],
      };
    } else {
      // importAudio reads a path (ffmpeg probes the container from it).
      const dir = await mkdtemp(join(tmpdir(), 'authoring-audio-'));
      try {
        const input = join(dir, `input-${slug}`);
        await writeFile(input, up.bytes);
        const opus = await importAudio(input);
        const id = `media/${slug}.opus`;
        await store.writeMedia(tour, id, opus);
        asset = { id, mediaType: 'audio/ogg; codecs=opus', bytes: opus.length, alternates: [] };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  } catch (err) {
    if (err instanceof AuthoringError) throw err;
    throw new AuthoringError(
      'MEDIA_REFUSED',
      { tour, file: up.name, issue: (err as Error).message },
      { cause: err },
    );
  }
  await store.updateJson<{ assets: Record<string, unknown>[] }>(tour, 'tour.json', (t) => ({
    ...t,
    assets: [
      ...t.assets.filter((a) => a['id'] !== asset.id),
      {
        id: asset.id,
        mediaType: asset.mediaType,
        credit: up.credit.trim(),
        licence: up.licence.trim(),
        ...(up.sourceUrl && { sourceUrl: up.sourceUrl }),
      },
    ],
  }));
  return asset;
}
