import { Document, NodeIO } from '@gltf-transform/core';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthoringError, importMedia, MODEL_TRIANGLE_BUDGET, slugOf } from '../../src/server';
import type { TempTours } from './fixtures';
import { tempTours, threeStopTour } from './fixtures';

let t: TempTours;
beforeEach(async () => {
  t = await tempTours();
  await threeStopTour(t.store);
});
afterEach(() => t.cleanup());

const png = (width: number, height: number): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 3, background: '#8899aa' } })
    .png()
    .toBuffer();

/** A two-triangle quad as a binary glTF. */
async function quadGlb(): Promise<Uint8Array> {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const position = doc
    .createAccessor()
    .setType('VEC3')
    .setArray(new Float32Array([0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0]))
    .setBuffer(buffer);
  const indices = doc
    .createAccessor()
    .setType('SCALAR')
    .setArray(new Uint16Array([0, 1, 2, 0, 2, 3]))
    .setBuffer(buffer);
  const prim = doc.createPrimitive().setAttribute('POSITION', position).setIndices(indices);
  const mesh = doc.createMesh('quad').addPrimitive(prim);
  doc.createScene().addChild(doc.createNode('quad').setMesh(mesh));
  return new NodeIO().writeBinary(doc);
}

describe('media import', () => {
  it('turns an image into WebP (+ AVIF) and lists it with its credit and licence', async () => {
    const a = await importMedia(t.store, 'digue', {
      kind: 'image',
      name: 'Plage de Malo (1940).PNG',
      bytes: await png(400, 300),
      credit: 'Fabriqué pour le test',
      licence: 'CC0-1.0',
    });
    expect(a).toMatchObject({
      id: 'media/plage-de-malo-1940.webp',
      mediaType: 'image/webp',
      width: 400,
      height: 300,
    });
    const { value } = await t.store.readJson<{ assets: unknown[] }>('digue', 'tour.json');
    expect(value.assets).toContainEqual({
      id: 'media/plage-de-malo-1940.webp',
      mediaType: 'image/webp',
      credit: 'Fabriqué pour le test',
      licence: 'CC0-1.0',
    });
    expect((await t.store.read('digue', 'media/plage-de-malo-1940.avif')).bytes.length).toBeGreaterThan(0);
  });

  it('refuses an asset without credit or licence, naming the field', async () => {
    const err = await importMedia(t.store, 'digue', {
      kind: 'image',
      name: 'x.png',
      bytes: await png(10, 10),
      credit: 'someone',
      licence: ' ',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthoringError);
    expect((err as AuthoringError).code).toBe('MEDIA_REFUSED');
    expect((err as AuthoringError).details.pointer).toBe('/licence');
  });

  it('accepts a 2:1 panorama and refuses one that is not equirectangular', async () => {
    const ok = await importMedia(t.store, 'digue', {
      kind: 'panorama',
      name: 'bastion.png',
      bytes: await png(800, 400),
      credit: 'c',
      licence: 'CC0-1.0',
    });
    expect(ok.id).toBe('media/panoramas/bastion.webp');
    await expect(
      importMedia(t.store, 'digue', {
        kind: 'panorama',
        name: 'p.png',
        bytes: await png(800, 600),
        credit: 'c',
        licence: 'l',
      }),
    ).rejects.toMatchObject({ code: 'MEDIA_REFUSED' });
  });

  it('optimises a glTF model and reports its triangles against the scene budget', async () => {
    const a = await importMedia(t.store, 'digue', {
      kind: 'model',
      name: 'jetée.glb',
      bytes: await quadGlb(),
      credit: 'c',
      licence: 'CC-BY-4.0',
    });
    expect(a).toMatchObject({
      id: 'media/models/jetee.glb',
      mediaType: 'model/gltf-binary',
      triangles: 2,
      triangleBudget: MODEL_TRIANGLE_BUDGET,
    });
  });

  it('refuses bytes that are not the announced kind', async () => {
    await expect(
      importMedia(t.store, 'digue', {
        kind: 'image',
        name: 'a.png',
        bytes: new Uint8Array([1, 2, 3]),
        credit: 'c',
        licence: 'l',
      }),
    ).rejects.toMatchObject({ code: 'MEDIA_REFUSED' });
  });

  it('makes file-system-safe slugs from curators’ file names', () => {
    expect(slugOf('Jetée Est — été 1940.JPG')).toBe('jetee-est-ete-1940');
    expect(slugOf('../../etc/passwd')).toBe('passwd');
    expect(slugOf('C:\\Users\\anne\\Jetée.png')).toBe('jetee');
    expect(slugOf('.png')).toBe('media');
  });
});
