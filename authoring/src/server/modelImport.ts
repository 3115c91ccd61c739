import type { Document } from '@gltf-transform/core';
import { NodeIO } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import { dedup, meshopt, prune, weld } from '@gltf-transform/functions';
import { MeshoptDecoder, MeshoptEncoder } from 'meshoptimizer';

/**
 * Triangle budget of one 3D scene in the visitor app (tour-pwa's scene budget: 150,000 triangles,
 * 100 draw calls, 2,048 px textures), shown beside each imported model.
 */
export const MODEL_TRIANGLE_BUDGET = 150_000;

const TRIANGLES = 4;

export function triangleCount(doc: Document): number {
  let n = 0;
  for (const mesh of doc.getRoot().listMeshes()) {
    for (const prim of mesh.listPrimitives()) {
      if (prim.getMode() !== TRIANGLES) continue;
      const count = prim.getIndices()?.getCount() ?? prim.getAttribute('POSITION')?.getCount() ?? 0;
      n += Math.floor(count / 3);
    }
  }
  return n;
}

export interface ImportedModel {
  glb: Uint8Array;
  triangles: number;
  budget: number;
  drawCalls: number;
}

/** A glTF binary → welded, deduplicated, pruned, meshopt-compressed glb, with its triangle count. */
export async function importModel(input: Uint8Array): Promise<ImportedModel> {
  await Promise.all([MeshoptEncoder.ready, MeshoptDecoder.ready]);
  const io = new NodeIO()
    .registerExtensions(ALL_EXTENSIONS)
    .registerDependencies({ 'meshopt.encoder': MeshoptEncoder, 'meshopt.decoder': MeshoptDecoder });
  const doc = await io.readBinary(input);
  await doc.transform(weld(), dedup(), prune(), meshopt({ encoder: MeshoptEncoder, level: 'medium' }));
  const drawCalls = doc
    .getRoot()
    .listMeshes()
    .reduce((n, m) => n + m.listPrimitives().length, 0);
  return {
    glb: await io.writeBinary(doc),
    triangles: triangleCount(doc),
    budget: MODEL_TRIANGLE_BUDGET,
    drawCalls,
  };
}
