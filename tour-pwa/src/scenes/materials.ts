import {
  MeshLambertMaterial,
  MeshPhongMaterial,
  type Material,
  type Mesh,
  type MeshStandardMaterial,
  type Object3D,
} from 'three';

/**
 * Swaps the glTF's physically based materials for cheaper ones of the same look: the re-enactments
 * are flat-coloured, non-metallic and untextured, so a Lambert surface (matte, roughness ≥ 0.5) or a
 * Phong one (glossy, e.g. the sea) is visually close while shading each pixel for a fraction of the
 * cost — what a mid-range phone and software WebGL both run out of first. Materials shared by
 * several meshes stay shared. Returns how many materials were replaced.
 */
export function toCheapMaterials(root: Object3D): number {
  const replaced = new Map<Material, Material>();
  root.traverse((o) => {
    const mesh = o as Mesh & { isMesh?: boolean };
    if (!mesh.isMesh) return;
    const swap = (m: Material) => {
      const std = m as MeshStandardMaterial & { isMeshStandardMaterial?: boolean };
      if (!std.isMeshStandardMaterial || std.map || std.metalness > 0.5) return m;
      let cheap = replaced.get(m);
      if (!cheap) {
        const common = {
          name: std.name,
          color: std.color,
          emissive: std.emissive,
          vertexColors: std.vertexColors,
          transparent: std.transparent,
          opacity: std.opacity,
          side: std.side,
          flatShading: std.flatShading,
          alphaTest: std.alphaTest,
          depthWrite: std.depthWrite,
        };
        cheap =
          std.roughness < 0.5
            ? new MeshPhongMaterial({
                ...common,
                shininess: Math.round((1 - std.roughness) * 60),
                specular: 0x333333,
              })
            : new MeshLambertMaterial(common);
        replaced.set(m, cheap);
        std.dispose();
      }
      return cheap;
    };
    mesh.material = Array.isArray(mesh.material) ? mesh.material.map(swap) : swap(mesh.material);
  });
  return replaced.size;
}
