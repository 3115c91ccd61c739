import type { BufferGeometry, Material, Mesh, Object3D, Texture } from 'three';
import type { SceneFigures } from './core';

/**
 * Draw calls, triangles and the largest texture a scene graph will cost, counted the way
 * WebGLRenderer does for meshes (one call per material group, or one per mesh; instanced meshes
 * draw all their instances in one call). Used on glbs in Node, where there is no renderer.info.
 */
export function sceneGraphFigures(root: Object3D): SceneFigures {
  let drawCalls = 0;
  let triangles = 0;
  let maxTexturePx = 0;
  root.traverse((o) => {
    const mesh = o as Mesh & { isMesh?: boolean; count?: number; isInstancedMesh?: boolean };
    if (!mesh.isMesh || !mesh.visible) return;
    const g = mesh.geometry as BufferGeometry;
    const instances = mesh.isInstancedMesh ? (mesh.count ?? 1) : 1;
    const vertices = g.index ? g.index.count : (g.getAttribute('position')?.count ?? 0);
    const groups = Array.isArray(mesh.material) && g.groups.length > 0 ? g.groups.length : 1;
    drawCalls += groups;
    triangles += Math.floor(vertices / 3) * instances;
    for (const m of Array.isArray(mesh.material) ? mesh.material : [mesh.material]) {
      for (const value of Object.values(m as Material & Record<string, unknown>)) {
        const t = value as Texture | null;
        if (t && (t as { isTexture?: boolean }).isTexture) {
          const img = t.image as { width?: number; height?: number } | undefined;
          maxTexturePx = Math.max(maxTexturePx, img?.width ?? 0, img?.height ?? 0);
        }
      }
    }
  });
  return { drawCalls, triangles, maxTexturePx };
}
