import { describe, expect, it } from 'vitest';
import { BoxGeometry, Group, Mesh, MeshBasicMaterial, PerspectiveCamera, type LOD } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { addDistanceLods } from './lod';

/** A queue of `n` small figures (0.5 × 1.8 × 0.5 m boxes, 6 segments a side) 1.5 m apart along −Z. */
function queue(n: number): Mesh {
  const parts = Array.from({ length: n }, (_, i) =>
    new BoxGeometry(0.5, 1.8, 0.5, 6, 6, 6).translate(0, 0.9, -1.5 * i),
  );
  const mesh = new Mesh(mergeGeometries(parts)!, new MeshBasicMaterial());
  mesh.name = 'queue';
  mesh.position.set(10, 0, 0);
  return mesh;
}

const triangles = (m: Mesh) => m.geometry.index!.count / 3;

describe('addDistanceLods: slabs with a far level for large merged meshes', () => {
  it('cuts the mesh into slabs along its long side, each a LOD whose far level is simplified', async () => {
    const root = new Group();
    const mesh = queue(200);
    const whole = triangles(mesh);
    const position = mesh.geometry.getAttribute('position');
    root.add(mesh);
    const report = await addDistanceLods(root, { minTriangles: 1000, slabs: 8 });
    expect(report.meshes).toBe(1);
    const group = root.children[0]!;
    expect(group).toBeInstanceOf(Group);
    expect(group.name).toBe('queue');
    expect(group.position.toArray()).toEqual([10, 0, 0]);
    const lods = group.children as LOD[];
    expect(lods).toHaveLength(8);
    let near = 0;
    for (const lod of lods) {
      expect(lod.levels).toHaveLength(2);
      const [n, f] = lod.levels.map((l) => l.object as Mesh);
      near += triangles(n!);
      expect(triangles(f!)).toBeLessThan(triangles(n!) * 0.5);
      // The vertex buffers are shared with the original: only index buffers are new.
      expect(n!.geometry.getAttribute('position')).toBe(position);
      expect(f!.geometry.getAttribute('position')).toBe(position);
      // Placed back where it was: the LOD at the slab's centre, its meshes at minus that.
      expect(lod.position.clone().add(n!.position).length()).toBeCloseTo(0, 9);
    }
    expect(near).toBe(whole);
    expect(report.trianglesNear).toBe(whole);
    expect(report.trianglesFar).toBeLessThan(whole * 0.5);
  });

  it('gives each slab its own bounds (so slabs off screen are culled) and switches level with distance', async () => {
    const root = new Group();
    root.add(queue(200));
    await addDistanceLods(root, { minTriangles: 1000, slabs: 4, farDistance: 100 });
    root.updateMatrixWorld(true);
    const lods = root.children[0]!.children as LOD[];
    // Slabs of a 300 m queue: each bound covers about a quarter of it, not the whole.
    for (const lod of lods) {
      const sphere = (lod.levels[0]!.object as Mesh).geometry.boundingSphere!;
      expect(sphere.radius).toBeLessThan(300 / 4);
      expect(sphere.radius).toBeGreaterThan(300 / 4 / 2 - 2);
    }
    const first = lods.find((l) => l.position.z > -40)!;
    const camera = new PerspectiveCamera();
    const at = (z: number) => {
      camera.position.set(10, 1.6, z);
      camera.updateMatrixWorld();
      first.update(camera);
      return first.getCurrentLevel();
    };
    expect(at(10)).toBe(0);
    expect(at(1000)).toBe(1);
  });

  it('leaves small meshes whole', async () => {
    const root = new Group();
    const small = queue(5);
    root.add(small);
    expect((await addDistanceLods(root)).meshes).toBe(0);
    expect(root.children[0]).toBe(small);
  });
});
