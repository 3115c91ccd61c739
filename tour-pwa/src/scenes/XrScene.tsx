import { useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { DoubleSide, Matrix4, type Group, type Object3D, type Texture } from 'three';
import { DEG } from './core';
import { OVERLAY_EXTENT } from './CameraOverlay';

/**
 * Inside a WebXR `immersive-ar` session: a reticle follows the hit-test result; a tap ("select")
 * places the model, or the 1940 overlay as a curved panel 20 m wide facing the visitor.
 */
export function XrScene({
  session,
  model,
  overlay,
  onPlaced,
}: {
  session: XRSession;
  model: Object3D | null;
  overlay: Texture | null;
  onPlaced(): void;
}) {
  const gl = useThree((s) => s.gl);
  const reticle = useRef<Group>(null);
  const content = useRef<Group>(null);
  const hit = useRef<{
    source: XRHitTestSource | null;
    space: XRReferenceSpace | null;
    pose: Matrix4;
    seen: boolean;
  }>({
    source: null,
    space: null,
    pose: new Matrix4(),
    seen: false,
  });

  useEffect(() => {
    let live = true;
    const h = hit.current;
    gl.xr.enabled = true;
    gl.xr.setReferenceSpaceType('local');
    void gl.xr.setSession(session);
    void (async () => {
      const viewer = await session.requestReferenceSpace('viewer');
      const source = await session.requestHitTestSource?.({ space: viewer });
      if (!live) return source?.cancel();
      h.source = source ?? null;
      h.space = await session.requestReferenceSpace('local');
    })();
    const onSelect = () => {
      const c = content.current;
      if (!c || !h.seen) return;
      h.pose.decompose(c.position, c.quaternion, c.scale);
      c.visible = true;
      onPlaced();
    };
    session.addEventListener('select', onSelect);
    return () => {
      live = false;
      session.removeEventListener('select', onSelect);
      h.source?.cancel();
      gl.xr.enabled = false;
    };
  }, [gl, session, onPlaced]);

  useFrame((_s, _d, frame) => {
    const h = hit.current;
    const r = reticle.current;
    if (!frame || !h.source || !h.space || !r) return;
    const results = frame.getHitTestResults(h.source);
    const pose = results.length > 0 ? results[0]!.getPose(h.space) : undefined;
    h.seen = !!pose;
    r.visible = h.seen;
    if (pose) {
      h.pose.fromArray(pose.transform.matrix);
      h.pose.decompose(r.position, r.quaternion, r.scale);
    }
  });

  const panelArgs = useMemo(
    () =>
      [
        10,
        10,
        10 * Math.tan((OVERLAY_EXTENT.vfovDeg / 2) * DEG) * 2,
        32,
        1,
        true,
        Math.PI - (OVERLAY_EXTENT.hfovDeg / 2) * DEG,
        OVERLAY_EXTENT.hfovDeg * DEG,
      ] as const,
    [],
  );

  return (
    <>
      <hemisphereLight args={['#ffffff', '#555555', 1.5]} />
      <group ref={reticle} visible={false}>
        <mesh rotation-x={-Math.PI / 2}>
          <ringGeometry args={[0.12, 0.16, 32]} />
          <meshBasicMaterial color="#ffffff" />
        </mesh>
      </group>
      <group ref={content} visible={false}>
        {model && <primitive object={model} />}
        {!model && overlay && (
          <mesh position={[0, 1.6, 0]}>
            <cylinderGeometry args={panelArgs} />
            <meshBasicMaterial map={overlay} side={DoubleSide} transparent toneMapped={false} />
          </mesh>
        )}
      </group>
    </>
  );
}
