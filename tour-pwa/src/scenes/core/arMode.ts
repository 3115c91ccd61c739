/**
 * How an AR stop is shown on this device, and why: the degradation ladder of issue 7.
 *   1. WebXR `immersive-ar` with hit-test: the visitor places the model on a surface.
 *   2. Camera passthrough with the overlay placed by compass and tilt: needs the camera,
 *      a north-referenced heading good enough to line things up, and a position fix near the anchor.
 *   3. The block's fallback (a compass-aligned panorama or the then/now slider), with the reason shown.
 */
export type ArMode = 'webxr' | 'camera' | 'panorama' | 'then-now';

export type CameraAccess = 'granted' | 'denied' | 'unavailable' | 'error';

export type ArReason =
  | 'xr-supported'
  | 'camera-ready'
  | 'camera-denied'
  | 'camera-unavailable'
  | 'camera-error'
  | 'motion-denied'
  | 'heading-unavailable'
  | 'heading-poor'
  | 'gps-unavailable'
  | 'gps-poor'
  | 'too-far';

export interface ArInputs {
  /** `navigator.xr.isSessionSupported('immersive-ar')` answered true. */
  xr: boolean;
  camera: CameraAccess;
  /**
   * The answer to `DeviceOrientationEvent.requestPermission()` where the browser asks (Safari,
   * recent Chromium); absent where it does not.
   */
  motionSensors?: 'granted' | 'denied';
  /** Heading error in degrees; null when no north-referenced heading arrived. */
  headingAccuracyDeg: number | null;
  /** Position error (GeolocationCoordinates.accuracy) in metres; null when no fix arrived. */
  gpsAccuracyM: number | null;
  /** Distance from the visitor to the AR anchor, when a fix is known. */
  distanceToAnchorM?: number | null;
  /** The block's chosen fallback. */
  fallback: 'panorama' | 'then-now';
}

export interface ArThresholds {
  /** Beyond this the overlay would sit visibly off its landmark (a 90° overlay is ~23 px per degree on a phone). */
  maxHeadingErrorDeg: number;
  maxGpsErrorM: number;
  /** The overlay is drawn from the anchor's viewpoint: further away, parallax breaks it. */
  maxDistanceM: number;
}

export const defaultArThresholds: ArThresholds = {
  maxHeadingErrorDeg: 20,
  maxGpsErrorM: 30,
  maxDistanceM: 60,
};

export interface ArDecision {
  mode: ArMode;
  reason: ArReason;
}

export function chooseArMode(inputs: ArInputs, thresholds: ArThresholds = defaultArThresholds): ArDecision {
  if (inputs.xr) return { mode: 'webxr', reason: 'xr-supported' };
  const fallback = (reason: ArReason): ArDecision => ({ mode: inputs.fallback, reason });
  if (inputs.camera === 'denied') return fallback('camera-denied');
  if (inputs.camera === 'unavailable') return fallback('camera-unavailable');
  if (inputs.camera === 'error') return fallback('camera-error');
  if (inputs.motionSensors === 'denied') return fallback('motion-denied');
  const h = inputs.headingAccuracyDeg;
  if (h === null || !Number.isFinite(h)) return fallback('heading-unavailable');
  if (h > thresholds.maxHeadingErrorDeg) return fallback('heading-poor');
  const g = inputs.gpsAccuracyM;
  if (g === null || !Number.isFinite(g)) return fallback('gps-unavailable');
  if (g > thresholds.maxGpsErrorM) return fallback('gps-poor');
  const d = inputs.distanceToAnchorM;
  if (typeof d === 'number' && d > thresholds.maxDistanceM) return fallback('too-far');
  return { mode: 'camera', reason: 'camera-ready' };
}

/** Maps a getUserMedia rejection to camera access (DOMException names, Media Capture and Streams §9.2). */
export function cameraAccessFromError(err: unknown): CameraAccess {
  const name = typeof err === 'object' && err !== null && 'name' in err ? String(err.name) : '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError')
    return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError')
    return 'unavailable';
  return 'error';
}
