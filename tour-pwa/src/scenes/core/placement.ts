/**
 * Where the then/now overlay (an equirectangular crop centred on the anchor's heading, horizon at
 * mid-height) sits over the camera picture, from the camera's compass heading and tilt.
 */
import { DEG, wrap180 } from './equirect';

export interface OverlayInputs {
  /** The camera's compass heading and pitch (see headingFromOrientation). */
  headingDeg: number;
  pitchDeg: number;
  /** The visitor's correction from the calibration step, added to the measured heading. */
  calibrationDeg: number;
  /** The heading at the centre of the overlay (the block's anchor.headingDeg). */
  anchorHeadingDeg: number;
  /** Horizontal field of view of the camera picture as shown on screen. */
  cameraHfovDeg: number;
  viewportWidth: number;
  viewportHeight: number;
  overlayHfovDeg: number;
  overlayVfovDeg: number;
}

export interface OverlayBox {
  /** Centre of the overlay in CSS pixels from the viewport's top-left corner. */
  centerX: number;
  centerY: number;
  width: number;
  height: number;
  /** True when some of the overlay is on screen. */
  visible: boolean;
}

export function placeOverlay(i: OverlayInputs): OverlayBox {
  const pxPerDeg = i.viewportWidth / i.cameraHfovDeg;
  const width = i.overlayHfovDeg * pxPerDeg;
  const height = i.overlayVfovDeg * pxPerDeg;
  // Turning right (heading up) moves the landmark left on screen.
  const off = wrap180(i.anchorHeadingDeg - (i.headingDeg + i.calibrationDeg));
  const centerX = i.viewportWidth / 2 + off * pxPerDeg;
  // Tilting up moves the horizon down.
  const centerY = i.viewportHeight / 2 + i.pitchDeg * pxPerDeg;
  const visible =
    centerX + width / 2 > 0 &&
    centerX - width / 2 < i.viewportWidth &&
    centerY + height / 2 > 0 &&
    centerY - height / 2 < i.viewportHeight;
  return { centerX, centerY, width, height, visible };
}

/**
 * The calibration step: the visitor drags the overlay until its landmark covers the real one.
 * A drag of dx pixels is that many degrees of heading error; the result stays within ±45°
 * (a larger error means the compass is wrong, not misaligned).
 */
export function calibrate(
  calibrationDeg: number,
  dxPx: number,
  viewportWidth: number,
  cameraHfovDeg: number,
): number {
  const deg = calibrationDeg - (dxPx * cameraHfovDeg) / viewportWidth;
  return Math.max(-45, Math.min(45, wrap180(deg)));
}

const R = 6_371_008.8; // mean Earth radius, m (IUGG)

/** Great-circle distance in metres between two [lon, lat] points (haversine). */
export function distanceM(a: readonly [number, number], b: readonly [number, number]): number {
  const toRad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * toRad;
  const dLon = (b[0] - a[0]) * toRad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * toRad) * Math.cos(b[1] * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * East/north offset in metres of `to` from `from` on a local tangent plane (equirectangular
 * approximation, well under a centimetre of error across the ≤ 100 m an AR anchor is used at).
 */
export function enuOffsetM(
  from: readonly [number, number],
  to: readonly [number, number],
): [east: number, north: number] {
  const toRad = Math.PI / 180;
  const east = (to[0] - from[0]) * toRad * R * Math.cos(((from[1] + to[1]) / 2) * toRad);
  const north = (to[1] - from[1]) * toRad * R;
  return [east, north];
}

/** Where a geo-anchored model stands in a viewer-centred space, and how it is turned. */
export interface GeoPose {
  /** Metres in the space: +X right of its forward axis, +Y up, −Z forward. */
  position: [x: number, y: number, z: number];
  /** Rotation about +Y in radians that turns the model's −Z axis to the anchor's heading. */
  rotationY: number;
  distanceM: number;
  /** Compass bearing from the viewer to the anchor. */
  bearingDeg: number;
}

/**
 * Places a geo-anchored model in a space centred on the viewer (WebXR's `local` space, or the
 * camera view's world): the model's origin at `anchor.position`, its −Z axis (what a viewer at its
 * origin sees at yaw 0, as for panoramas) towards `anchor.headingDeg`, its ground `groundY` below
 * the viewer's eyes plus `anchor.altitudeM`. `forwardHeadingDeg` is the compass bearing of the
 * space's −Z axis (0 when −Z is north). Yaw turns clockwise seen from above, which is a negative
 * rotation about +Y.
 */
export function geoAnchorPose(i: {
  viewer: readonly [number, number];
  anchor: { position: readonly [number, number]; headingDeg: number; altitudeM?: number | undefined };
  forwardHeadingDeg: number;
  groundY: number;
}): GeoPose {
  const [east, north] = enuOffsetM(i.viewer, i.anchor.position);
  const distance = Math.hypot(east, north);
  const bearingDeg = distance > 0 ? (Math.atan2(east, north) / DEG + 360) % 360 : i.anchor.headingDeg;
  const rel = (bearingDeg - i.forwardHeadingDeg) * DEG;
  return {
    position: [distance * Math.sin(rel), i.groundY + (i.anchor.altitudeM ?? 0), -distance * Math.cos(rel)],
    rotationY: -wrap180(i.anchor.headingDeg - i.forwardHeadingDeg) * DEG,
    distanceM: distance,
    bearingDeg,
  };
}

/**
 * The camera's orientation for the camera view, as a quaternion [x, y, z, w] in a world where −Z
 * is north, +X east and +Y up: the W3C DeviceOrientation rotation R = Rz(α)·Rx(β)·Ry(γ) (device
 * frame to east-north-up; the back camera looks along the device's −Z with its top along +Y, as a
 * three.js camera does), taken into that world (−90° about X), turned for the screen's
 * orientation, then about the vertical by `yawCorrectionDeg` (a compass correction and the
 * visitor's calibration; positive turns the view clockwise).
 */
export function cameraQuaternion(
  alphaDeg: number,
  betaDeg: number,
  gammaDeg: number,
  screenAngleDeg = 0,
  yawCorrectionDeg = 0,
): [number, number, number, number] {
  const axis = (x: number, y: number, z: number, deg: number): Quat => {
    const h = (deg * DEG) / 2;
    const s = Math.sin(h);
    return [x * s, y * s, z * s, Math.cos(h)];
  };
  // Rz(α)·Rx(β)·Ry(γ), then ENU → world (−90° about X) on the left, the screen's turn on the right,
  // the yaw correction (about world +Y, clockwise = negative) leftmost.
  let q = mul(axis(0, 0, 1, alphaDeg), mul(axis(1, 0, 0, betaDeg), axis(0, 1, 0, gammaDeg)));
  q = mul(axis(1, 0, 0, -90), q);
  q = mul(q, axis(0, 0, 1, -screenAngleDeg));
  return mul(axis(0, 1, 0, -yawCorrectionDeg), q);
}

type Quat = [number, number, number, number];

function mul(a: Quat, b: Quat): Quat {
  const [ax, ay, az, aw] = a;
  const [bx, by, bz, bw] = b;
  return [
    aw * bx + ax * bw + ay * bz - az * by,
    aw * by - ax * bz + ay * bw + az * bx,
    aw * bz + ax * by - ay * bx + az * bw,
    aw * bw - ax * bx - ay * by - az * bz,
  ];
}
