/**
 * Look-around: dragging, keys and the device's orientation turned into the view's yaw and pitch,
 * kept inside what the image covers.
 */
import { DEG, wrap180, wrap360, type Extent } from './equirect';

export interface Look {
  yawDeg: number;
  pitchDeg: number;
}

/**
 * Keeps the view inside the image: pitch so the frame never shows past the poles (or the crop's
 * top and bottom), yaw wrapped on a full panorama or clamped on a crop.
 */
export function clampLook(look: Look, extent: Extent, fovDeg: number, aspect: number): Look {
  const halfV = fovDeg / 2;
  const halfH = Math.atan(Math.tan(halfV * DEG) * aspect) / DEG;
  const maxPitch = Math.max(0, extent.vfovDeg / 2 - (extent.vfovDeg >= 180 ? 0 : halfV));
  const pitchDeg = Math.min(maxPitch, Math.max(-maxPitch, look.pitchDeg));
  if (extent.hfovDeg >= 360) return { yawDeg: wrap180(look.yawDeg), pitchDeg };
  const maxYaw = Math.max(0, extent.hfovDeg / 2 - halfH);
  return { yawDeg: Math.min(maxYaw, Math.max(-maxYaw, look.yawDeg)), pitchDeg };
}

/**
 * A drag of (dx, dy) CSS pixels moves the picture with the finger ("grab the world"): dragging
 * right turns the view left. One pixel is as many degrees as the vertical field spread over the height.
 */
export function dragLook(look: Look, dxPx: number, dyPx: number, fovDeg: number, heightPx: number): Look {
  const degPerPx = fovDeg / Math.max(1, heightPx);
  return { yawDeg: look.yawDeg - dxPx * degPerPx, pitchDeg: look.pitchDeg + dyPx * degPerPx };
}

export const KEY_STEP_DEG = 10;

/** Arrow keys turn the view by a step; returns null for any other key. */
export function keyLook(look: Look, key: string, step = KEY_STEP_DEG): Look | null {
  switch (key) {
    case 'ArrowLeft':
      return { ...look, yawDeg: look.yawDeg - step };
    case 'ArrowRight':
      return { ...look, yawDeg: look.yawDeg + step };
    case 'ArrowUp':
      return { ...look, pitchDeg: look.pitchDeg + step };
    case 'ArrowDown':
      return { ...look, pitchDeg: look.pitchDeg - step };
    default:
      return null;
  }
}

/** The subset of a DeviceOrientationEvent (plus Safari's compass fields) the view needs. */
export interface OrientationReading {
  alpha: number | null;
  beta: number | null;
  gamma: number | null;
  /** True when alpha is referenced to north (Chrome's `deviceorientationabsolute`). */
  absolute: boolean;
  /** Safari: compass heading of the device, degrees clockwise from magnetic north. */
  webkitCompassHeading?: number | null;
  /** Safari: ± degrees; negative when the compass is uncalibrated. */
  webkitCompassAccuracy?: number | null;
}

export interface Heading {
  /** Compass bearing the back camera looks along, degrees clockwise from north. */
  headingDeg: number;
  /** Elevation of the camera's axis above the horizon. */
  pitchDeg: number;
  /** Estimated error of the heading in degrees; Infinity when the heading is not referenced to north. */
  accuracyDeg: number;
}

/**
 * The camera's compass heading and pitch from Euler angles (W3C DeviceOrientation: Z-X'-Y''
 * intrinsic rotation, α about Z, β about X', γ about Y''; frame east-north-up). The back camera
 * looks along the device's −Z axis; its direction in the earth frame is minus the third column of
 * R = Rz(α)·Rx(β)·Ry(γ).
 */
export function headingFromOrientation(r: OrientationReading): Heading | null {
  if (r.alpha === null || r.beta === null || r.gamma === null) return null;
  const a = r.alpha * DEG;
  const b = r.beta * DEG;
  const g = r.gamma * DEG;
  const vx = -Math.cos(a) * Math.sin(g) - Math.sin(a) * Math.sin(b) * Math.cos(g);
  const vy = -Math.sin(a) * Math.sin(g) + Math.cos(a) * Math.sin(b) * Math.cos(g);
  const vz = -Math.cos(b) * Math.cos(g);
  const pitchDeg = Math.asin(Math.max(-1, Math.min(1, vz))) / DEG;
  let headingDeg = wrap360(Math.atan2(vx, vy) / DEG);
  let accuracyDeg = r.absolute ? ABSOLUTE_ACCURACY_DEG : Infinity;
  if (typeof r.webkitCompassHeading === 'number' && Number.isFinite(r.webkitCompassHeading)) {
    headingDeg = wrap360(r.webkitCompassHeading);
    const acc = r.webkitCompassAccuracy;
    accuracyDeg = typeof acc === 'number' && acc >= 0 ? acc : Infinity;
  }
  return { headingDeg, pitchDeg, accuracyDeg };
}

/**
 * Chrome reports no accuracy for `deviceorientationabsolute`; a phone's magnetometer is typically
 * good to 10–15° once calibrated, so that is what it is taken to be.
 */
export const ABSOLUTE_ACCURACY_DEG = 15;

/** The panorama's yaw that puts the compass bearing `headingDeg` at the centre of the view. */
export function yawForHeading(headingDeg: number, imageHeadingDeg: number, calibrationDeg = 0): number {
  return wrap180(headingDeg + calibrationDeg - imageHeadingDeg);
}
