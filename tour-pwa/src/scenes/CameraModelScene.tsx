import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { useThree } from '@react-three/fiber';
import { Vector3, type Group, type Object3D, type PerspectiveCamera } from 'three';
import { DEG, cameraQuaternion, geoAnchorPose, headingFromOrientation, wrap180 } from './core';
import { useLiveSensors } from './useLiveSensors';
import { EYE_HEIGHT_M } from './XrScene';
import type { ArBlockType } from './types';

/**
 * The AR model over the camera picture (a transparent canvas over the video): the 3D camera
 * turned as the phone is — device orientation, corrected to the compass heading (Safari's
 * `webkitCompassHeading`) and by the visitor's calibration (core/placement.ts, cameraQuaternion) —
 * and the model geo-anchored from the visitor's position fix at the block's anchor and heading.
 * Nothing is drawn per frame: each sensor reading or calibration change turns the camera and asks
 * for one frame (frameloop "demand"). The model's place on screen (−1 left … 1 right, or "off")
 * is written to `data-model-x` of `frame`, for tests and for a hint to turn.
 */
export function CameraModelScene({
  model,
  anchor,
  calibrationDeg,
  cameraHfovDeg,
  frame,
}: {
  model: Object3D;
  anchor: ArBlockType['anchor'];
  calibrationDeg: number;
  cameraHfovDeg: number;
  frame: { current: HTMLElement | null };
}) {
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  const size = useThree((s) => s.size);
  const invalidate = useThree((s) => s.invalidate);
  const group = useRef<Group>(null);
  const calibration = useRef(calibrationDeg);
  calibration.current = calibrationDeg;
  const placedFrom = useRef<[number, number] | null>(null);
  const probe = useRef(new Vector3());

  // The camera picture fills the frame's width with `cameraHfovDeg`: the same field vertically scaled.
  useLayoutEffect(() => {
    const aspect = size.width / Math.max(1, size.height);
    camera.fov = (2 * Math.atan(Math.tan((cameraHfovDeg / 2) * DEG) / aspect)) / DEG;
    camera.near = 0.5;
    camera.far = 5000;
    camera.position.set(0, 0, 0);
    camera.updateProjectionMatrix();
    invalidate();
  }, [camera, size, cameraHfovDeg, invalidate]);

  const apply = useCallback(() => {
    const s = sensors.current;
    const g = group.current;
    if (!s.heading || !g) return;
    // Where alpha alone points, and the compass's correction of it (0 where alpha is north-referenced).
    const raw = headingFromOrientation({ alpha: s.alpha, beta: s.beta, gamma: s.gamma, absolute: true });
    const correction = raw ? wrap180(s.heading.headingDeg - raw.headingDeg) : 0;
    const screenAngle = typeof screen !== 'undefined' ? (screen.orientation?.angle ?? 0) : 0;
    const q = cameraQuaternion(s.alpha, s.beta, s.gamma, screenAngle, correction + calibration.current);
    camera.quaternion.set(q[0], q[1], q[2], q[3]);
    camera.updateMatrixWorld();
    const at = s.position;
    if (at && (placedFrom.current?.[0] !== at[0] || placedFrom.current?.[1] !== at[1])) {
      const pose = geoAnchorPose({ viewer: at, anchor, forwardHeadingDeg: 0, groundY: -EYE_HEIGHT_M });
      g.position.set(pose.position[0], pose.position[1], pose.position[2]);
      g.rotation.set(0, pose.rotationY, 0);
      g.visible = true;
      placedFrom.current = at;
    }
    const f = frame.current;
    if (f && g.visible) {
      const p = probe.current.copy(g.position).project(camera);
      f.dataset.modelX = p.z < 1 && Math.abs(p.x) <= 1.5 ? p.x.toFixed(2) : 'off';
    }
    invalidate();
    // sensors is a stable ref
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [anchor, camera, frame, invalidate]);
  const sensors = useLiveSensors(true, apply);
  useEffect(() => apply(), [apply, calibrationDeg]);

  return (
    <>
      <hemisphereLight args={['#ffffff', '#665544', 1.4]} />
      <directionalLight position={[100, 200, 50]} intensity={1.4} />
      <group ref={group} visible={false} name="camera-model">
        <primitive object={model} />
      </group>
    </>
  );
}
