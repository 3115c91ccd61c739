import { useEffect, useRef, type MutableRefObject } from 'react';
import type { Heading } from './core';
import { orientationEventType, readOrientation } from './orientationEvent';

export interface LiveSensors {
  /** The latest position fix, [lon, lat], and its accuracy in metres. */
  position: [number, number] | null;
  positionAccuracyM: number | null;
  /** The latest reading of the phone's orientation as a camera heading and pitch. */
  heading: Heading | null;
  /** The raw Euler angles of that reading (W3C DeviceOrientation), for the camera view's 3D camera. */
  alpha: number;
  beta: number;
  gamma: number;
  /** Bumped on every orientation reading: a view that draws on demand redraws when it changes. */
  readings: number;
}

/**
 * The phone's position and orientation while an AR view is open, kept in a ref (read by the frame
 * loop, never re-rendering React). `onReading` is called after each orientation reading.
 */
export function useLiveSensors(active: boolean, onReading?: () => void): MutableRefObject<LiveSensors> {
  const live = useRef<LiveSensors>({
    position: null,
    positionAccuracyM: null,
    heading: null,
    alpha: 0,
    beta: 90,
    gamma: 0,
    readings: 0,
  });
  const onReadingRef = useRef(onReading);
  onReadingRef.current = onReading;

  useEffect(() => {
    if (!active) return;
    const s = live.current;
    const { type, absolute } = orientationEventType();
    const onOrientation = (ev: Event) => {
      const r = readOrientation(ev, absolute);
      if (!r.heading) return;
      s.heading = r.heading;
      s.alpha = r.alpha ?? 0;
      s.beta = r.beta ?? 90;
      s.gamma = r.gamma ?? 0;
      s.readings++;
      onReadingRef.current?.();
    };
    window.addEventListener(type, onOrientation);
    const watch = navigator.geolocation?.watchPosition(
      (p) => {
        s.position = [p.coords.longitude, p.coords.latitude];
        s.positionAccuracyM = p.coords.accuracy;
      },
      // Chromium reports POSITION_UNAVAILABLE between fixes: keep watching.
      () => undefined,
      { enableHighAccuracy: true, maximumAge: 5000 },
    );
    return () => {
      window.removeEventListener(type, onOrientation);
      if (watch !== undefined) navigator.geolocation.clearWatch(watch);
    };
  }, [active]);

  return live;
}
