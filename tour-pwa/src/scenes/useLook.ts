import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import {
  clampLook,
  dragLook,
  keyLook,
  pointerToYawPitch,
  wrap360,
  yawForHeading,
  type Extent,
  type Look,
} from './core';
import { orientationEventType, readOrientation } from './orientationEvent';

type MotionState = 'off' | 'on' | 'denied' | 'unsupported';

interface DeviceOrientationEventStatic {
  requestPermission?: () => Promise<'granted' | 'denied'>;
}

/**
 * Look-around for a panorama: drag, arrow keys and (on request) the phone's motion sensors,
 * compass-aligned when the sensor is referenced to north. The look lives in a ref read by the
 * frame loop; React state holds only the rounded bearing shown to screen readers.
 */
export function useLook({
  extent,
  headingDeg,
  fovDeg,
  initial,
  onTap,
}: {
  extent: Extent;
  /** Compass bearing of the image's centre. */
  headingDeg: number;
  fovDeg: number;
  initial?: Look;
  /** A tap (not a drag) at the given yaw/pitch. */
  onTap?: (yawDeg: number, pitchDeg: number) => void;
}) {
  const look = useRef<Look>(initial ?? { yawDeg: 0, pitchDeg: 0 });
  const aspect = useRef(1);
  // Rounded to 5° so the live region speaks when the view really turned, not at every pixel.
  const [bearing, setBearing] = useState(() =>
    wrap360(Math.round((headingDeg + look.current.yawDeg) / 5) * 5),
  );
  const [motion, setMotion] = useState<MotionState>(() =>
    typeof window !== 'undefined' && 'DeviceOrientationEvent' in window ? 'off' : 'unsupported',
  );

  // The canvas renders only when something changed (frameloop "demand"): it listens here.
  const listeners = useRef(new Set<() => void>());
  const subscribeLook = useCallback((listener: () => void) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);

  const setLook = useCallback(
    (next: Look) => {
      look.current = clampLook(next, extent, fovDeg, aspect.current);
      for (const l of listeners.current) l();
      const b = wrap360(Math.round((headingDeg + look.current.yawDeg) / 5) * 5);
      setBearing((prev) => (prev === b ? prev : b));
    },
    [extent, fovDeg, headingDeg],
  );

  const drag = useRef<{ id: number; x: number; y: number; moved: number } | null>(null);
  const onPointerDown = useCallback((e: PointerEvent<HTMLElement>) => {
    e.currentTarget.setPointerCapture?.(e.pointerId);
    drag.current = { id: e.pointerId, x: e.clientX, y: e.clientY, moved: 0 };
  }, []);
  const onPointerMove = useCallback(
    (e: PointerEvent<HTMLElement>) => {
      const d = drag.current;
      if (!d || d.id !== e.pointerId) return;
      const rect = e.currentTarget.getBoundingClientRect();
      aspect.current = rect.width / Math.max(1, rect.height);
      const dx = e.clientX - d.x;
      const dy = e.clientY - d.y;
      d.x = e.clientX;
      d.y = e.clientY;
      d.moved += Math.abs(dx) + Math.abs(dy);
      setLook(dragLook(look.current, dx, dy, fovDeg, rect.height));
    },
    [fovDeg, setLook],
  );
  const onPointerUp = useCallback(
    (e: PointerEvent<HTMLElement>) => {
      const d = drag.current;
      drag.current = null;
      if (!d || d.moved > 6 || !onTap) return;
      const rect = e.currentTarget.getBoundingClientRect();
      const ndcX = ((e.clientX - rect.left) / rect.width) * 2 - 1;
      const ndcY = 1 - ((e.clientY - rect.top) / rect.height) * 2;
      const hit = pointerToYawPitch(ndcX, ndcY, {
        ...look.current,
        fovDeg,
        aspect: rect.width / Math.max(1, rect.height),
      });
      onTap(hit.yawDeg, hit.pitchDeg);
    },
    [fovDeg, onTap],
  );
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      const next = keyLook(look.current, e.key);
      if (!next) return;
      e.preventDefault();
      setLook(next);
    },
    [setLook],
  );

  // Motion sensors, once the visitor asked for them (iOS asks for permission inside that tap).
  const relative = useRef<{ sensorDeg: number; yawDeg: number } | null>(null);
  const startMotion = useCallback(async () => {
    const DOE = (window as unknown as { DeviceOrientationEvent?: DeviceOrientationEventStatic })
      .DeviceOrientationEvent;
    if (!DOE) return setMotion('unsupported');
    if (typeof DOE.requestPermission === 'function') {
      try {
        if ((await DOE.requestPermission()) !== 'granted') return setMotion('denied');
      } catch {
        return setMotion('denied');
      }
    }
    relative.current = null;
    setMotion('on');
  }, []);
  const stopMotion = useCallback(() => setMotion((m) => (m === 'on' ? 'off' : m)), []);

  useEffect(() => {
    if (motion !== 'on') return;
    const { type, absolute } = orientationEventType();
    const onOrientation = (ev: Event) => {
      const h = readOrientation(ev, absolute).heading;
      if (!h) return;
      if (Number.isFinite(h.accuracyDeg)) {
        setLook({ yawDeg: yawForHeading(h.headingDeg, headingDeg), pitchDeg: h.pitchDeg });
      } else {
        // Not referenced to north: turn relative to where the visitor was looking when it started.
        relative.current ??= { sensorDeg: h.headingDeg, yawDeg: look.current.yawDeg };
        setLook({
          yawDeg: relative.current.yawDeg + h.headingDeg - relative.current.sensorDeg,
          pitchDeg: h.pitchDeg,
        });
      }
    };
    window.addEventListener(type, onOrientation);
    return () => window.removeEventListener(type, onOrientation);
  }, [motion, headingDeg, setLook]);

  return {
    look,
    setLook,
    subscribeLook,
    bearing,
    motion,
    startMotion,
    stopMotion,
    handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp, onKeyDown },
  };
}
