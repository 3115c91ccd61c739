/** The framework-free core of the immersive players (no React, no three.js): tested in Node. */
export {
  prepareTimeline,
  sampleCamera,
  cameraSample,
  clipTimeAt,
  subtitleIndexAt,
  stillIndexAt,
  SoundCursor,
  type PreparedTimeline,
  type CameraSample,
  type CameraKey,
  type ClipCue,
  type SoundCue,
  type Subtitle,
} from './timeline';
export { createPlayback, type Playback, type PlaybackState } from './playback';
export {
  DEG,
  FULL_SPHERE,
  wrap180,
  wrap360,
  yawPitchToDirection,
  directionToYawPitch,
  yawPitchToUv,
  uvToYawPitch,
  equirectSphere,
  angularDistanceDeg,
  pointerToYawPitch,
  yawPitchToPointer,
  pickHotspot,
  type Extent,
  type Vec3,
  type View,
  type Spot,
  type SphereBuffers,
} from './equirect';
export {
  clampLook,
  dragLook,
  keyLook,
  headingFromOrientation,
  yawForHeading,
  ABSOLUTE_ACCURACY_DEG,
  KEY_STEP_DEG,
  type Look,
  type OrientationReading,
  type Heading,
} from './look';
export {
  chooseArMode,
  cameraAccessFromError,
  defaultArThresholds,
  type ArMode,
  type ArReason,
  type ArInputs,
  type ArDecision,
  type ArThresholds,
  type CameraAccess,
} from './arMode';
export {
  placeOverlay,
  calibrate,
  distanceM,
  enuOffsetM,
  type OverlayInputs,
  type OverlayBox,
} from './placement';
export {
  sceneBudget,
  budgetViolations,
  fitTexture,
  type SceneFigures,
  type BudgetViolation,
} from './budgets';
export {
  sceneText,
  sceneTextKeys,
  arReasonText,
  inLocale,
  compassWord,
  clockTime,
  type SceneLocale,
  type SceneTextKey,
} from './strings';
export {
  createQualityGovernor,
  startQuality,
  FRAME_BUDGET_MS,
  type QualityLevel,
  type QualityGovernor,
  type GovernorOptions,
} from './quality';
