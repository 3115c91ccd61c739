import { headingFromOrientation, type Heading } from './core';

/**
 * Which orientation event carries a compass: `deviceorientationabsolute` where the browser has it
 * (Chromium on Android), else `deviceorientation` (iOS Safari adds `webkitCompassHeading` to it).
 */
export function orientationEventType(): { type: string; absolute: boolean } {
  const absolute = 'ondeviceorientationabsolute' in window;
  return { type: absolute ? 'deviceorientationabsolute' : 'deviceorientation', absolute };
}

/** One orientation event as a camera heading (null without angles) and its raw Euler angles. */
export function readOrientation(
  ev: Event,
  absoluteEvent: boolean,
): { heading: Heading | null; alpha: number | null; beta: number | null; gamma: number | null } {
  const e = ev as DeviceOrientationEvent & {
    webkitCompassHeading?: number;
    webkitCompassAccuracy?: number;
  };
  const heading = headingFromOrientation({
    alpha: e.alpha,
    beta: e.beta,
    gamma: e.gamma,
    absolute: absoluteEvent || e.absolute,
    webkitCompassHeading: e.webkitCompassHeading ?? null,
    webkitCompassAccuracy: e.webkitCompassAccuracy ?? null,
  });
  return { heading, alpha: e.alpha, beta: e.beta, gamma: e.gamma };
}
