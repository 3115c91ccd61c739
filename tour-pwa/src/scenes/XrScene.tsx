import { useEffect, useMemo, useRef, type MutableRefObject } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { DoubleSide, Matrix4, Quaternion, Vector3, type Group, type Object3D, type Texture } from 'three';
import { DEG, geoAnchorPose } from './core';
import { OVERLAY_EXTENT } from './CameraOverlay';
import type { ArBlockType } from './types';
import type { LiveSensors } from './useLiveSensors';

/** How the content was placed, and where (metres in the session's `local` space). */
export interface XrPlacement {
  how: 'hit-test' | 'geo';
  position: [number, number, number];
  /** Geo placement: distance and compass bearing from the visitor to the anchor. */
  distanceM?: number;
  bearingDeg?: number;
}

/** A phone held at eye height: the ground is this far below the viewer when nothing measured it. */
export const EYE_HEIGHT_M = 1.5;

/**
 * Inside a WebXR `immersive-ar` session (the `local` reference space: origin where the phone was
 * when the session started, +Y up). With the `hit-test` feature, a reticle follows the surface the
 * phone points at and a tap ("select") places the model — or the 1940 overlay on a curved panel —
 * there. Without it, the content is geo-anchored as soon as a position fix and a compass heading
 * are known: at the block's anchor position, turned to its heading (core/placement.ts,
 * geoAnchorPose), the space's forward axis oriented from the compass heading the phone had at that
 * frame. Either way the model faces the anchor's heading when the compass is known.
 */
export function XrScene({
  session,
  model,
  overlay,
  anchor,
  sensors,
  onPlaced,
  onMode,
}: {
  session: XRSession;
  model: Object3D | null;
  overlay: Texture | null;
  anchor: ArBlockType['anchor'];
  sensors: MutableRefObject<LiveSensors>;
  onPlaced(p: XrPlacement): void;
  /** How the content will be placed, once the session said whether it has hit test. */
  onMode?(how: XrPlacement['how']): void;
}) {
  const gl = useThree((s) => s.gl);
  const reticle = useRef<Group>(null);
  const content = useRef<Group>(null);
  const onPlacedRef = useRef(onPlaced);
  onPlacedRef.current = onPlaced;
  const onModeRef = useRef(onMode);
  onModeRef.current = onMode;
  const xr = useRef({
    hitSource: null as XRHitTestSource | null,
    /** Resolved once the hit-test source request settled (either way). */
    hitTestSettled: false,
    space: null as XRReferenceSpace | null,
    hitPose: new Matrix4(),
    seen: false,
    placed: false,
    viewerPosition: new Vector3(),
    viewerQuaternion: new Quaternion(),
    forward: new Vector3(),
  });

  useEffect(() => {
    let live = true;
    const h = xr.current;
    gl.xr.enabled = true;
    gl.xr.setReferenceSpaceType('local');
    void gl.xr.setSession(session);
    void (async () => {
      h.space = await session.requestReferenceSpace('local');
      try {
        if (session.enabledFeatures?.includes('hit-test') !== false && session.requestHitTestSource) {
          const viewer = await session.requestReferenceSpace('viewer');
          const source = await session.requestHitTestSource({ space: viewer });
          if (!live) return source?.cancel();
          h.hitSource = source ?? null;
        }
      } catch (err) {
        console.warn('[scenes] no hit test in this session; placing by position and compass:', err);
      }
      h.hitTestSettled = true;
      if (live) onModeRef.current?.(h.hitSource ? 'hit-test' : 'geo');
    })();
    const onSelect = () => {
      const c = content.current;
      if (!c || !h.seen || h.placed) return;
      h.hitPose.decompose(c.position, c.quaternion, c.scale);
      c.quaternion.identity();
      c.scale.set(1, 1, 1);
      turnToHeading(c, h.viewerQuaternion);
      c.visible = true;
      h.placed = true;
      if (reticle.current) reticle.current.visible = false;
      onPlacedRef.current({ how: 'hit-test', position: [c.position.x, c.position.y, c.position.z] });
    };
    session.addEventListener('select', onSelect);
    return () => {
      live = false;
      session.removeEventListener('select', onSelect);
      h.hitSource?.cancel();
      gl.xr.enabled = false;
    };
    // turnToHeading reads refs only
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [gl, session]);

  /** Turns the content's −Z to the anchor's heading when the compass is known. */
  function turnToHeading(c: Group, viewerQuaternion: Quaternion) {
    const s = sensors.current;
    if (!s.heading || !Number.isFinite(s.heading.accuracyDeg)) return;
    const forward = xr.current.forward.set(0, 0, -1).applyQuaternion(viewerQuaternion);
    const viewerYawDeg = Math.atan2(forward.x, -forward.z) / DEG;
    c.rotation.set(0, -(anchor.headingDeg - (s.heading.headingDeg - viewerYawDeg)) * DEG, 0);
  }

  useFrame((_s, _d, frame) => {
    const h = xr.current;
    const r = reticle.current;
    const c = content.current;
    if (!frame || !h.space || !r || !c || h.placed) return;
    const viewer = frame.getViewerPose(h.space);
    if (viewer) {
      const p = viewer.transform.position;
      const o = viewer.transform.orientation;
      h.viewerPosition.set(p.x, p.y, p.z);
      h.viewerQuaternion.set(o.x, o.y, o.z, o.w);
    }
    if (h.hitSource) {
      const results = frame.getHitTestResults(h.hitSource);
      const pose = results.length > 0 ? results[0]!.getPose(h.space) : undefined;
      h.seen = !!pose;
      r.visible = h.seen;
      if (pose) {
        h.hitPose.fromArray(pose.transform.matrix);
        h.hitPose.decompose(r.position, r.quaternion, r.scale);
      }
      return;
    }
    // No hit test: geo-anchor once a fix and a north-referenced heading are known.
    const s = sensors.current;
    if (!h.hitTestSettled || !viewer || !s.position || !s.heading || !Number.isFinite(s.heading.accuracyDeg))
      return;
    const forward = h.forward.set(0, 0, -1).applyQuaternion(h.viewerQuaternion);
    const viewerYawDeg = Math.atan2(forward.x, -forward.z) / DEG;
    const pose = geoAnchorPose({
      viewer: s.position,
      anchor,
      forwardHeadingDeg: s.heading.headingDeg - viewerYawDeg,
      groundY: h.viewerPosition.y - EYE_HEIGHT_M,
    });
    c.position.set(
      h.viewerPosition.x + pose.position[0],
      pose.position[1],
      h.viewerPosition.z + pose.position[2],
    );
    c.rotation.set(0, pose.rotationY, 0);
    c.visible = true;
    h.placed = true;
    // Once per session (the frame that places the content), never again: this report may allocate.
    onPlacedRef.current({
      how: 'geo',
      position: [c.position.x, c.position.y, c.position.z],
      distanceM: pose.distanceM,
      bearingDeg: pose.bearingDeg,
    });
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
      <directionalLight position={[50, 100, 30]} intensity={1.2} />
      <group ref={reticle} visible={false} name="xr-reticle">
        <mesh rotation-x={-Math.PI / 2}>
          <ringGeometry args={[0.12, 0.16, 32]} />
          <meshBasicMaterial color="#ffffff" />
        </mesh>
      </group>
      <group ref={content} visible={false} name="xr-content">
        {model && <primitive object={model} />}
        {!model && overlay && (
          <mesh position={[0, EYE_HEIGHT_M, 0]}>
            <cylinderGeometry args={panelArgs} />
            <meshBasicMaterial map={overlay} side={DoubleSide} transparent toneMapped={false} />
          </mesh>
        )}
      </group>
    </>
  );
}
