/**
 * Loading a scene's assets: glb with the meshopt decoder bundled (Draco on demand), and images
 * decoded straight to the texture budget.
 */
import { MeshoptDecoder } from 'meshoptimizer/decoder';
import { GLTFLoader, type GLTF } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { LinearFilter, SRGBColorSpace, Texture } from 'three';
import { fitTexture, sceneBudget } from './core';

export interface LoadedModel {
  gltf: GLTF;
  /** Bytes of the glb as fetched. */
  bytes: number;
}

/** Extensions a glb declares as used, read from its JSON chunk (glTF 2.0 §4.4 GLB file format). */
export function glbExtensionsUsed(buffer: ArrayBuffer): string[] {
  const view = new DataView(buffer);
  // Header: magic "glTF" (0x46546C67, little-endian), version, length; then chunk 0: length, type "JSON".
  if (
    buffer.byteLength < 20 ||
    view.getUint32(0, true) !== 0x46546c67 ||
    view.getUint32(16, true) !== 0x4e4f534a
  ) {
    return [];
  }
  const jsonLength = view.getUint32(12, true);
  const json = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 20, jsonLength))) as {
    extensionsUsed?: string[];
  };
  return json.extensionsUsed ?? [];
}

/** Parses a glb held in memory (also used by the Node tests, where nothing is fetched). */
export async function parseGlb(buffer: ArrayBuffer): Promise<GLTF> {
  const loader = new GLTFLoader();
  await MeshoptDecoder.ready;
  loader.setMeshoptDecoder(MeshoptDecoder);
  if (glbExtensionsUsed(buffer).includes('KHR_draco_mesh_compression')) {
    const { localDracoLoader } = await import('./draco');
    loader.setDRACOLoader(localDracoLoader());
  }
  return loader.parseAsync(buffer, '');
}

export async function loadModel(url: string, signal?: AbortSignal): Promise<LoadedModel> {
  const res = await fetch(url, signal ? { signal } : {});
  if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
  const buffer = await res.arrayBuffer();
  return { gltf: await parseGlb(buffer), bytes: buffer.byteLength };
}

/**
 * An image as a texture no larger than the budget on either side (a 4096 × 2048 panorama is
 * decoded at 2048 × 1024), flipped at decode time because WebGL ignores flipY for ImageBitmaps.
 */
export async function loadTexture(
  url: string,
  signal?: AbortSignal,
  maxPx: number = sceneBudget.maxTexturePx,
): Promise<Texture> {
  const res = await fetch(url, signal ? { signal } : {});
  if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
  const blob = await res.blob();
  const probe = await createImageBitmap(blob);
  const size = fitTexture(probe.width, probe.height, maxPx);
  probe.close();
  const bitmap = await createImageBitmap(blob, {
    imageOrientation: 'flipY',
    premultiplyAlpha: 'none',
    resizeWidth: size.width,
    resizeHeight: size.height,
    resizeQuality: 'high',
  });
  const texture = new Texture(bitmap);
  // A panorama is magnified on screen (≈ 2048 texels over 360°), so mip-maps would cost a third
  // more memory and upload time for levels never sampled.
  texture.generateMipmaps = false;
  texture.minFilter = LinearFilter;
  texture.flipY = false;
  texture.colorSpace = SRGBColorSpace;
  texture.needsUpdate = true;
  return texture;
}
