/**
 * Distance levels of detail for a re-enactment's large merged meshes (a queue of hundreds of
 * soldiers stretching 500 m along the Mole is one 30,000-triangle primitive): each such mesh is cut
 * into slabs along its longest side, so the slabs off screen are culled, and each slab gets a
 * simplified version (meshoptimizer's simplifier, at most 0.25 m off the full shape: about a pixel
 * where it is drawn) beyond a distance at which a figure is a few pixels tall. The slabs share the mesh's vertex buffers: only index
 * buffers are added. Per frame, three.js's LOD picks the level from the camera distance.
 */
import { BufferAttribute, BufferGeometry, Group, LOD, Mesh, Sphere, Vector3, type Object3D } from 'three';

export interface LodOptions {
  /** Primitives with fewer triangles are left whole. */
  minTriangles: number;
  /** How many slabs a large primitive is cut into. */
  slabs: number;
  /** Share of the triangles the far level keeps (at most). */
  farRatio: number;
  /**
   * The far level's largest departure from the full shape, in world metres: 0.25 m is ≈ 1.1 px at
   * the switch distance in a 540 px-high view at 50°, and less further away.
   */
  farErrorM: number;
  /**
   * World distance from a slab's centre beyond which the far level is drawn, added to the slab's
   * radius. 120 m: a 1.8 m figure is then ≈ 9 px tall in a 540 px-high view at 50° (and smaller
   * on a phone).
   */
  farDistance: number;
}

export const defaultLodOptions: LodOptions = {
  minTriangles: 6000,
  slabs: 8,
  farRatio: 0.2,
  farErrorM: 0.25,
  farDistance: 120,
};

export interface LodReport {
  /** Primitives cut into slabs. */
  meshes: number;
  /** Triangles of those primitives, whole and at the far level. */
  trianglesNear: number;
  trianglesFar: number;
}

/**
 * Replaces each large indexed mesh under `root` by a group of per-slab LODs (same name, transform,
 * material and vertex attributes). Call after the materials are final (bakeLighting). Loads the
 * simplifier (WebAssembly, bundled) on first use.
 */
export async function addDistanceLods(root: Object3D, options: Partial<LodOptions> = {}): Promise<LodReport> {
  const o = { ...defaultLodOptions, ...options };
  const large: Mesh[] = [];
  root.traverse((obj) => {
    const m = obj as Mesh & { isMesh?: boolean; isSkinnedMesh?: boolean; isInstancedMesh?: boolean };
    if (!m.isMesh || m.isSkinnedMesh || m.isInstancedMesh || !m.geometry.index) return;
    if (m.geometry.index.count / 3 >= o.minTriangles) large.push(m);
  });
  const report: LodReport = { meshes: 0, trianglesNear: 0, trianglesFar: 0 };
  if (large.length === 0) return report;
  const { MeshoptSimplifier } = await import('meshoptimizer/simplifier');
  await MeshoptSimplifier.ready;
  root.updateMatrixWorld(true);

  for (const mesh of large) {
    const g = mesh.geometry;
    const index = g.index!;
    const pos = g.getAttribute('position');
    // Dequantised positions (KHR_mesh_quantization stores them as normalised integers).
    const positions = new Float32Array(pos.count * 3);
    for (let i = 0; i < pos.count; i++) {
      positions[i * 3] = pos.getX(i);
      positions[i * 3 + 1] = pos.getY(i);
      positions[i * 3 + 2] = pos.getZ(i);
    }
    g.computeBoundingBox();
    const size = g.boundingBox!.getSize(new Vector3());
    const axis = size.x >= size.y && size.x >= size.z ? 0 : size.y >= size.z ? 1 : 2;
    const lo = g.boundingBox!.min.getComponent(axis);
    // The simplifier's errors are relative to this extent of the positions.
    const extent = MeshoptSimplifier.getScale(positions, 3);
    const span = Math.max(1e-9, size.getComponent(axis));

    // Triangles to slabs by their centroid along the long side.
    const worldScale = mesh.getWorldScale(new Vector3());
    const scale = Math.max(worldScale.x, worldScale.y, worldScale.z);
    const triangles = index.count / 3;
    const slabOf = new Uint8Array(triangles);
    const counts = new Uint32Array(o.slabs);
    for (let t = 0; t < triangles; t++) {
      let c = 0;
      for (let k = 0; k < 3; k++) c += positions[index.getX(t * 3 + k) * 3 + axis]!;
      // Clamped both ways: a centroid can round a hair outside the box.
      const s = Math.max(0, Math.min(o.slabs - 1, Math.floor(((c / 3 - lo) / span) * o.slabs)));
      slabOf[t] = s;
      counts[s]!++;
    }
    const slabIndices = Array.from(counts, (n) => new Uint32Array(n * 3));
    const filled = new Uint32Array(o.slabs);
    for (let t = 0; t < triangles; t++) {
      const s = slabOf[t]!;
      const at = filled[s]!;
      slabIndices[s]!.set([index.getX(t * 3), index.getX(t * 3 + 1), index.getX(t * 3 + 2)], at);
      filled[s] = at + 3;
    }

    const group = new Group();
    group.name = mesh.name;
    group.position.copy(mesh.position);
    group.quaternion.copy(mesh.quaternion);
    group.scale.copy(mesh.scale);

    for (const near of slabIndices) {
      if (near.length === 0) continue;
      // "Sloppy": merges nearby vertices whatever the topology — the figures are flat-shaded, so
      // their faces share no vertices and an edge-collapse simplifier could not touch them.
      const [far] = MeshoptSimplifier.simplifySloppy(
        near,
        positions,
        3,
        null,
        Math.max(3, Math.floor((near.length * o.farRatio) / 3) * 3),
        o.farErrorM / scale / extent,
      );
      const sphere = boundingSphere(near, positions);
      const lod = new LOD();
      lod.position.copy(sphere.center);
      const nearMesh = slabMesh(mesh, near, sphere);
      const farMesh = slabMesh(mesh, far, sphere);
      lod.addLevel(nearMesh, 0);
      lod.addLevel(farMesh, o.farDistance + sphere.radius * scale);
      group.add(lod);
      report.trianglesNear += near.length / 3;
      report.trianglesFar += far.length / 3;
    }
    mesh.parent!.add(group);
    mesh.parent!.remove(mesh);
    report.meshes++;
  }
  return report;
}

/** A mesh drawing `indices` of the original's vertices, placed back where they were (−centre). */
function slabMesh(original: Mesh, indices: Uint32Array, sphere: Sphere): Mesh {
  const g = new BufferGeometry();
  for (const [name, attribute] of Object.entries(original.geometry.attributes))
    g.setAttribute(name, attribute);
  g.setIndex(new BufferAttribute(indices, 1));
  // Culling needs the slab's own bounds, not those of every vertex of the shared buffers.
  g.boundingSphere = sphere.clone();
  const m = new Mesh(g, original.material);
  m.position.copy(sphere.center).negate();
  m.name = original.name;
  return m;
}

function boundingSphere(indices: Uint32Array, positions: Float32Array): Sphere {
  const min = new Vector3(Infinity, Infinity, Infinity);
  const max = new Vector3(-Infinity, -Infinity, -Infinity);
  const v = new Vector3();
  for (const i of indices) {
    v.fromArray(positions, i * 3);
    min.min(v);
    max.max(v);
  }
  const center = min.clone().add(max).multiplyScalar(0.5);
  let r = 0;
  for (const i of indices) r = Math.max(r, v.fromArray(positions, i * 3).distanceTo(center));
  return new Sphere(center, r);
}
