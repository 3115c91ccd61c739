import {
  BufferAttribute,
  Color,
  Matrix3,
  MeshBasicMaterial,
  MeshLambertMaterial,
  MeshPhongMaterial,
  Vector3,
  type BufferGeometry,
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

/** The re-enactments' fixed lights: a sky/ground hemisphere and a high sun (linear colours). */
export interface SceneLights {
  sky: Color;
  ground: Color;
  hemisphereIntensity: number;
  sun: Color;
  sunIntensity: number;
  /** Where the sun shines from (towards the origin). */
  sunPosition: [number, number, number];
}

export const REENACTMENT_LIGHTS: SceneLights = {
  sky: new Color('#dfe8ef'),
  ground: new Color('#4a4136'),
  hemisphereIntensity: 1.1,
  sun: new Color('#ffffff'),
  sunIntensity: 1.6,
  sunPosition: [200, 400, 100],
};

/**
 * Bakes the fixed lights into vertex colours and swaps the glTF's plain physically based materials
 * for unlit ones (MeshBasicMaterial with vertex colours, fog and tone mapping as before): each
 * pixel then costs a colour interpolation instead of the lighting equation — what a phone's GPU
 * (and software WebGL) runs short of in a full-screen scene. The colour per vertex is three.js's
 * own Lambert result for these lights (WebGL lights_lambert: albedo/π × (hemisphere irradiance +
 * max(0, n·l) × sun)), with the normal taken in world space at load time: right for the
 * re-enactments' lights, which never move, and for their clips, which move things more than they
 * turn them (a ship bobbing a few degrees keeps the light it had). Glossy surfaces lose their
 * highlight. Textured or metallic materials are left alone. Returns how many meshes were baked.
 */
export function bakeLighting(root: Object3D, lights: SceneLights = REENACTMENT_LIGHTS): number {
  root.updateMatrixWorld(true);
  const unlit = new Map<Material, MeshBasicMaterial>();
  const baked = new Set<BufferGeometry>();
  const sunDir = new Vector3(...lights.sunPosition).normalize();
  const sky = lights.sky.clone().multiplyScalar(lights.hemisphereIntensity);
  const ground = lights.ground.clone().multiplyScalar(lights.hemisphereIntensity);
  const sun = lights.sun.clone().multiplyScalar(lights.sunIntensity);
  const n = new Vector3();
  const normalMatrix = new Matrix3();
  let count = 0;
  root.traverse((o) => {
    const mesh = o as Mesh & { isMesh?: boolean };
    if (!mesh.isMesh || Array.isArray(mesh.material)) return;
    const std = mesh.material as MeshStandardMaterial & { isMeshStandardMaterial?: boolean };
    if (!std.isMeshStandardMaterial || std.map || std.metalness > 0.5) return;
    // A geometry shared with a mesh already baked (under another turn) gets its own copy.
    if (baked.has(mesh.geometry)) mesh.geometry = mesh.geometry.clone();
    const g = mesh.geometry;
    if (!g.getAttribute('normal')) g.computeVertexNormals();
    const normals = g.getAttribute('normal');
    const albedo = std.color.clone().multiplyScalar(1 / Math.PI);
    const emissive = std.emissive.clone().multiplyScalar(std.emissiveIntensity);
    const authored = std.vertexColors ? g.getAttribute('color') : undefined;
    const colours = new Float32Array(normals.count * 3);
    normalMatrix.getNormalMatrix(mesh.matrixWorld);
    for (let i = 0; i < normals.count; i++) {
      n.fromBufferAttribute(normals, i).applyMatrix3(normalMatrix).normalize();
      const w = 0.5 * n.y + 0.5; // hemisphere: the sky above (+Y), the ground below
      const lambert = Math.max(0, n.dot(sunDir));
      // The glTF's own vertex colours (COLOR_0), when the material uses them, tint the albedo.
      const tr = authored ? authored.getX(i) : 1;
      const tg = authored ? authored.getY(i) : 1;
      const tb = authored ? authored.getZ(i) : 1;
      colours[i * 3] = albedo.r * tr * (ground.r + (sky.r - ground.r) * w + sun.r * lambert) + emissive.r;
      colours[i * 3 + 1] = albedo.g * tg * (ground.g + (sky.g - ground.g) * w + sun.g * lambert) + emissive.g;
      colours[i * 3 + 2] = albedo.b * tb * (ground.b + (sky.b - ground.b) * w + sun.b * lambert) + emissive.b;
    }
    g.setAttribute('color', new BufferAttribute(colours, 3));
    baked.add(g);
    let basic = unlit.get(std);
    if (!basic) {
      basic = new MeshBasicMaterial({
        name: std.name,
        vertexColors: true,
        transparent: std.transparent,
        opacity: std.opacity,
        side: std.side,
        alphaTest: std.alphaTest,
        depthWrite: std.depthWrite,
      });
      unlit.set(std, basic);
    }
    mesh.material = basic;
    count++;
  });
  for (const m of unlit.keys()) m.dispose();
  return count;
}
