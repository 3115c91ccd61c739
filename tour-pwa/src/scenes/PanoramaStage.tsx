import { useEffect, useLayoutEffect, useMemo, type MutableRefObject } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { BufferAttribute, BufferGeometry, type PerspectiveCamera, type Texture } from 'three';
import { equirectSphere, yawPitchToDirection, type Extent, type Look, type Spot } from './core';

export const PANORAMA_RADIUS = 50;

export interface PanoramaLayer {
  texture: Texture;
  /** 0..1; a layer at 0 is not drawn. */
  opacity: number;
}

/**
 * The inside of a sphere (or of the patch a cropped image covers) painted with one or more
 * equirectangular layers, markers at the hotspots, and the camera at the centre turned to `look`.
 */
export function PanoramaStage({
  extent,
  layers,
  look,
  fovDeg,
  hotspots = [],
  activeHotspot,
  subscribeLook,
}: {
  extent: Extent;
  layers: PanoramaLayer[];
  /** Read every frame: the look-around writes it without re-rendering React. */
  look: MutableRefObject<Look>;
  fovDeg: number;
  hotspots?: readonly Spot[];
  activeHotspot?: string | null;
  /**
   * Calls back when `look` changes: the canvas draws a frame then (frameloop "demand"), and none
   * while the view is still.
   */
  subscribeLook?: (listener: () => void) => () => void;
}) {
  const geometry = useMemo(() => {
    const full = extent.hfovDeg >= 360;
    const s = equirectSphere(extent, PANORAMA_RADIUS, full ? { yaw: 64, pitch: 32 } : { yaw: 24, pitch: 12 });
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(s.positions, 3));
    g.setAttribute('uv', new BufferAttribute(s.uvs, 2));
    g.setIndex(new BufferAttribute(s.indices, 1));
    return g;
  }, [extent]);
  useLayoutEffect(() => () => geometry.dispose(), [geometry]);

  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  useLayoutEffect(() => {
    camera.fov = fovDeg;
    camera.near = 0.1;
    camera.far = PANORAMA_RADIUS * 4;
    camera.position.set(0, 0, 0);
    camera.updateProjectionMatrix();
  }, [camera, fovDeg]);

  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => subscribeLook?.(() => invalidate()), [subscribeLook, invalidate]);

  useFrame(() => {
    const l = look.current;
    // YXZ: turn (yaw, clockwise from above = negative about +Y), then tilt.
    camera.rotation.set((l.pitchDeg * Math.PI) / 180, (-l.yawDeg * Math.PI) / 180, 0, 'YXZ');
  });

  return (
    <>
      {layers.map((layer, i) =>
        layer.opacity <= 0 ? null : (
          <mesh key={i} geometry={geometry} renderOrder={i} name={`panorama-layer-${i}`}>
            <meshBasicMaterial
              map={layer.texture}
              transparent={i > 0}
              opacity={layer.opacity}
              depthWrite={false}
              toneMapped={false}
            />
          </mesh>
        ),
      )}
      {hotspots.map((h) => (
        <HotspotMarker key={h.id} spot={h} active={h.id === activeHotspot} />
      ))}
    </>
  );
}

function HotspotMarker({ spot, active }: { spot: Spot; active: boolean }) {
  const position = useMemo(() => {
    const d = yawPitchToDirection(spot.yawDeg, spot.pitchDeg);
    const r = PANORAMA_RADIUS * 0.9;
    return [d[0] * r, d[1] * r, d[2] * r] as const;
  }, [spot.yawDeg, spot.pitchDeg]);
  return (
    <mesh
      name={`hotspot-${spot.id}`}
      position={position}
      renderOrder={10}
      onUpdate={(m) => m.lookAt(0, 0, 0)}
    >
      <ringGeometry args={[0.7, 1.05, 32]} />
      <meshBasicMaterial
        color={active ? '#ffd166' : '#ffffff'}
        depthTest={false}
        transparent
        opacity={0.95}
      />
    </mesh>
  );
}
