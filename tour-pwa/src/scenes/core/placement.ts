/**
 * Where the then/now overlay (an equirectangular crop centred on the anchor's heading, horizon at
 * mid-height) sits over the camera picture, from the camera's compass heading and tilt.
 */
import { wrap180 } from './equirect';

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
