import type { Document } from '@gltf-transform/core';

export interface GlbStats {
  triangles: number;
  /** Draw calls as a renderer issues them: one per primitive per node that shows its mesh. */
  drawCalls: number;
  nodes: number;
  materials: number;
  animations: string[];
  maxTextureSide: number;
}

/** Budgets read from a loaded document (the tests load the written glb back with NodeIO). */
export function glbStats(doc: Document): GlbStats {
  const root = doc.getRoot();
  let triangles = 0;
  let drawCalls = 0;
  for (const node of root.listNodes()) {
    const mesh = node.getMesh();
    if (!mesh) continue;
    for (const prim of mesh.listPrimitives()) {
      drawCalls++;
      const count = prim.getIndices()?.getCount() ?? prim.getAttribute('POSITION')?.getCount() ?? 0;
      if (prim.getMode() === 4) triangles += count / 3;
    }
  }
  let maxTextureSide = 0;
  for (const tex of root.listTextures()) {
    const size = tex.getSize();
    if (size) maxTextureSide = Math.max(maxTextureSide, size[0], size[1]);
  }
  return {
    triangles,
    drawCalls,
    nodes: root.listNodes().length,
    materials: root.listMaterials().length,
    animations: root.listAnimations().map((a) => a.getName()),
    maxTextureSide,
  };
}
