/** The panorama inside the canvas, without WebGL (@react-three/test-renderer). */
import { describe, expect, it } from 'vitest';
import ReactThreeTestRenderer from '@react-three/test-renderer';
import { useThree } from '@react-three/fiber';
import { DataTexture, Vector3, type Camera, type Mesh, type MeshBasicMaterial, type Object3D } from 'three';
import { installNodeDocument, sceneOnlyRenderer } from '../../test/scenes/support/nodeDocument';
import { FULL_SPHERE, yawPitchToDirection, type Look } from './core';
import { PANORAMA_RADIUS, PanoramaStage } from './PanoramaStage';

installNodeDocument();

function CameraSpy({ into }: { into: { camera: Camera | null } }) {
  into.camera = useThree((s) => s.camera);
  return null;
}

const texture = () => new DataTexture(new Uint8Array(4 * 4 * 2), 4, 2);
const hotspots = [
  { id: 'east-mole', yawDeg: -0.4, pitchDeg: -0.2 },
  { id: 'belfry', yawDeg: -116.7, pitchDeg: 4 },
];

async function render(look: { current: Look }, layers: { opacity: number }[], extent = FULL_SPHERE) {
  const seen: { camera: Camera | null } = { camera: null };
  const r = await ReactThreeTestRenderer.create(
    <>
      <PanoramaStage
        extent={extent}
        layers={layers.map((l) => ({ texture: texture(), opacity: l.opacity }))}
        look={look}
        fovDeg={70}
        hotspots={hotspots}
        activeHotspot="belfry"
      />
      <CameraSpy into={seen} />
    </>,
    { gl: sceneOnlyRenderer().gl as never },
  );
  return { r, scene: r.scene.instance as unknown as Object3D, camera: () => seen.camera! };
}

describe('PanoramaStage', () => {
  it('turns the camera to the look written by the look-around, every frame, without React', async () => {
    const look = { current: { yawDeg: 90, pitchDeg: 10 } };
    const { r, camera } = await render(look, [{ opacity: 1 }]);
    await r.advanceFrames(1, 1 / 60);
    const dir = camera().getWorldDirection(new Vector3());
    const want = yawPitchToDirection(90, 10);
    expect(dir.x).toBeCloseTo(want[0], 6);
    expect(dir.y).toBeCloseTo(want[1], 6);
    expect(dir.z).toBeCloseTo(want[2], 6);
    look.current = { yawDeg: -45, pitchDeg: 0 };
    await r.advanceFrames(1, 1 / 60);
    const d2 = camera().getWorldDirection(new Vector3());
    expect(d2.x).toBeCloseTo(-Math.SQRT1_2, 6);
    expect(d2.z).toBeCloseTo(-Math.SQRT1_2, 6);
    await r.unmount();
  });

  it('paints one sphere per visible layer, the later ones blended over by their opacity', async () => {
    const { r, scene } = await render({ current: { yawDeg: 0, pitchDeg: 0 } }, [
      { opacity: 1 },
      { opacity: 0.4 },
    ]);
    const base = scene.getObjectByName('panorama-layer-0') as Mesh;
    const then = scene.getObjectByName('panorama-layer-1') as Mesh;
    expect(base.geometry.getAttribute('position').count).toBe(65 * 33);
    expect((then.material as MeshBasicMaterial).transparent).toBe(true);
    expect((then.material as MeshBasicMaterial).opacity).toBeCloseTo(0.4);
    await r.unmount();
    const hidden = await render({ current: { yawDeg: 0, pitchDeg: 0 } }, [{ opacity: 1 }, { opacity: 0 }]);
    expect(hidden.scene.getObjectByName('panorama-layer-1')).toBeUndefined();
    await hidden.r.unmount();
  });

  it('uses a sphere patch for a cropped image', async () => {
    const { r, scene } = await render({ current: { yawDeg: 0, pitchDeg: 0 } }, [{ opacity: 1 }], {
      hfovDeg: 90,
      vfovDeg: 45,
    });
    const mesh = scene.getObjectByName('panorama-layer-0') as Mesh;
    mesh.geometry.computeBoundingBox();
    // A 90° patch centred on −Z spans x = ±sin 45° · r at the horizon.
    expect(mesh.geometry.boundingBox!.max.x).toBeCloseTo(Math.SQRT1_2 * PANORAMA_RADIUS, 3);
    await r.unmount();
  });

  it('marks each hotspot in its direction, facing the viewer, the open one highlighted', async () => {
    const { r, scene } = await render({ current: { yawDeg: 0, pitchDeg: 0 } }, [{ opacity: 1 }]);
    for (const h of hotspots) {
      const marker = scene.getObjectByName(`hotspot-${h.id}`) as Mesh;
      const dir = marker.position.clone().normalize();
      const want = yawPitchToDirection(h.yawDeg, h.pitchDeg);
      expect(dir.x).toBeCloseTo(want[0], 6);
      expect(dir.z).toBeCloseTo(want[2], 6);
      const color = (marker.material as MeshBasicMaterial).color.getHexString();
      expect(color).toBe(h.id === 'belfry' ? 'ffd166' : 'ffffff');
    }
    await r.unmount();
  });
});
