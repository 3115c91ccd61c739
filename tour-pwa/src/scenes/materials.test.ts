import { describe, expect, it } from 'vitest';
import {
  BoxGeometry,
  Color,
  Group,
  Mesh,
  MeshLambertMaterial,
  MeshPhongMaterial,
  MeshStandardMaterial,
  MeshBasicMaterial,
  PlaneGeometry,
  Texture,
  type BufferAttribute,
} from 'three';
import { REENACTMENT_LIGHTS, bakeLighting, toCheapMaterials } from './materials';

describe('toCheapMaterials', () => {
  it('makes matte surfaces Lambert and glossy ones Phong, keeping colour, transparency and sharing', () => {
    const sand = new MeshStandardMaterial({
      name: 'sand',
      color: new Color(0.61, 0.48, 0.28),
      roughness: 0.9,
    });
    const sea = new MeshStandardMaterial({
      name: 'sea',
      color: 0x123456,
      roughness: 0.35,
      transparent: true,
      opacity: 0.8,
    });
    const root = new Group();
    const a: Mesh = new Mesh(new BoxGeometry(), sand);
    const b: Mesh = new Mesh(new BoxGeometry(), sand);
    const c: Mesh = new Mesh(new BoxGeometry(), sea);
    root.add(a, b, c);
    expect(toCheapMaterials(root)).toBe(2);
    expect(a.material).toBeInstanceOf(MeshLambertMaterial);
    expect(a.material).toBe(b.material);
    expect((a.material as MeshLambertMaterial).color.equals(new Color(0.61, 0.48, 0.28))).toBe(true);
    expect((a.material as MeshLambertMaterial).name).toBe('sand');
    const s = c.material as MeshPhongMaterial;
    expect(s).toBeInstanceOf(MeshPhongMaterial);
    expect(s.transparent).toBe(true);
    expect(s.opacity).toBe(0.8);
    expect(s.color.getHex()).toBe(0x123456);
  });

  it('leaves textured or metallic materials as they are', () => {
    const textured = new MeshStandardMaterial({ map: new Texture() });
    const metal = new MeshStandardMaterial({ metalness: 1 });
    const root = new Group();
    root.add(new Mesh(new BoxGeometry(), textured), new Mesh(new BoxGeometry(), [metal, textured]));
    expect(toCheapMaterials(root)).toBe(0);
    expect((root.children[0] as Mesh).material).toBe(textured);
  });
});

describe('bakeLighting', () => {
  /** A 1 × 1 plane whose normal points along +Y once the mesh is turned by `rotX`. */
  function plane(material: MeshStandardMaterial, rotX: number): Mesh {
    const m = new Mesh(new PlaneGeometry(1, 1), material);
    m.rotation.x = rotX;
    return m;
  }
  const L = REENACTMENT_LIGHTS;
  const sunDir = (() => {
    const [x, y, z] = L.sunPosition;
    const len = Math.hypot(x, y, z);
    return [x / len, y / len, z / len] as const;
  })();

  it('bakes three.js’s Lambert result for the fixed lights into vertex colours, unlit material instead', () => {
    const grey = new MeshStandardMaterial({ color: new Color(0.5, 0.5, 0.5), roughness: 0.9 });
    // A plane facing the sky (its +Z normal turned to +Y) and one facing the ground.
    const up = plane(grey, -Math.PI / 2);
    const down = plane(grey, Math.PI / 2);
    const root = new Group();
    root.add(up, down);
    expect(bakeLighting(root)).toBe(2);
    expect(up.material).toBeInstanceOf(MeshBasicMaterial);
    expect((up.material as MeshBasicMaterial).vertexColors).toBe(true);
    expect(up.material).toBe(down.material);
    // WebGL lights_lambert: albedo/π × (hemisphere irradiance + max(0, n·l) × sun colour × intensity).
    const albedo = 0.5 / Math.PI;
    const facingUp = albedo * (L.sky.r * L.hemisphereIntensity + L.sunIntensity * Math.max(0, sunDir[1]));
    const facingDown = albedo * L.ground.r * L.hemisphereIntensity;
    const upColours = up.geometry.getAttribute('color') as BufferAttribute;
    const downColours = down.geometry.getAttribute('color') as BufferAttribute;
    expect(upColours.getX(0)).toBeCloseTo(facingUp, 5);
    expect(downColours.getX(0)).toBeCloseTo(facingDown, 5);
    expect(upColours.getX(0)).toBeGreaterThan(downColours.getX(0));
  });

  it('gives a geometry shared by two differently turned meshes a copy, so each keeps its own light', () => {
    const geometry = new PlaneGeometry(1, 1);
    const m = new MeshStandardMaterial({ color: 0xffffff, roughness: 0.9 });
    const a = new Mesh(geometry, m);
    const b = new Mesh(geometry, m);
    a.rotation.x = -Math.PI / 2;
    b.rotation.x = Math.PI / 2;
    const root = new Group();
    root.add(a, b);
    bakeLighting(root);
    expect(a.geometry).not.toBe(b.geometry);
    const ca = (a.geometry.getAttribute('color') as BufferAttribute).getX(0);
    const cb = (b.geometry.getAttribute('color') as BufferAttribute).getX(0);
    expect(ca).toBeGreaterThan(cb);
  });

  it('keeps transparency and leaves textured or metallic materials lit as they were', () => {
    const smoke = new MeshStandardMaterial({ color: 0x222222, transparent: true, opacity: 0.6 });
    const textured = new MeshStandardMaterial({ map: new Texture() });
    const metal = new MeshStandardMaterial({ metalness: 1 });
    const root = new Group();
    const s: Mesh = new Mesh(new BoxGeometry(), smoke);
    root.add(s, new Mesh(new BoxGeometry(), textured), new Mesh(new BoxGeometry(), metal));
    expect(bakeLighting(root)).toBe(1);
    expect((s.material as MeshBasicMaterial).transparent).toBe(true);
    expect((s.material as MeshBasicMaterial).opacity).toBe(0.6);
    expect((root.children[1] as Mesh).material).toBe(textured);
    expect((root.children[2] as Mesh).material).toBe(metal);
  });
});
