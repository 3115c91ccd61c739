import { describe, expect, it } from 'vitest';
import {
  BoxGeometry,
  Color,
  Group,
  Mesh,
  MeshLambertMaterial,
  MeshPhongMaterial,
  MeshStandardMaterial,
  Texture,
} from 'three';
import { toCheapMaterials } from './materials';

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
