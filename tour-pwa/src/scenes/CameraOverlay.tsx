import { useEffect, useRef, useState, type PointerEvent } from 'react';
import type { Object3D } from 'three';
import { calibrate, placeOverlay, sceneText, type Heading, type SceneLocale } from './core';
import { CameraModelScene } from './CameraModelScene';
import { SceneCanvas } from './SceneCanvas';
import type { ArBlockType } from './types';
import { orientationEventType, readOrientation } from './orientationEvent';

/** Overlay crops are 90° × 45° (content/tools/ar/thenNow.ts, AR_SIZE). */
export const OVERLAY_EXTENT = { hfovDeg: 90, vfovDeg: 45 };
/** A phone's main camera in portrait shows roughly this much horizontally. */
const CAMERA_HFOV_DEG = 50;

/**
 * Camera passthrough with the stop's AR content laid over it by compass heading and tilt: the
 * model, in 3D on a transparent canvas (CameraModelScene), or else the 1940 overlay image; and the
 * calibration step (drag or nudge the content onto its landmark). The overlay's box is written
 * straight to the element on each sensor event, not through React state.
 */
export function CameraOverlay({
  stream,
  locale,
  alt,
  thenUrl,
  model,
  anchor,
}: {
  stream: MediaStream;
  locale: SceneLocale;
  alt: string;
  /** The 1940 overlay image, drawn when there is no model. */
  thenUrl: string | null;
  model: Object3D | null;
  anchor: ArBlockType['anchor'];
}) {
  const anchorHeadingDeg = anchor.headingDeg;
  const video = useRef<HTMLVideoElement>(null);
  const overlay = useRef<HTMLImageElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const heading = useRef<Heading | null>(null);
  const [calibrating, setCalibrating] = useState(false);
  const [offset, setOffset] = useState(0);
  const offsetRef = useRef(0);
  offsetRef.current = offset;

  useEffect(() => {
    const v = video.current;
    if (!v) return;
    v.srcObject = stream;
    void v.play().catch(() => undefined);
    return () => {
      v.srcObject = null;
    };
  }, [stream]);

  useEffect(() => {
    const draw = () => {
      const h = heading.current;
      const f = frame.current;
      const o = overlay.current;
      if (!h || !f || !o) return;
      const box = placeOverlay({
        headingDeg: h.headingDeg,
        pitchDeg: h.pitchDeg,
        calibrationDeg: offsetRef.current,
        anchorHeadingDeg,
        cameraHfovDeg: CAMERA_HFOV_DEG,
        viewportWidth: f.clientWidth,
        viewportHeight: f.clientHeight,
        overlayHfovDeg: OVERLAY_EXTENT.hfovDeg,
        overlayVfovDeg: OVERLAY_EXTENT.vfovDeg,
      });
      o.style.width = `${box.width}px`;
      o.style.height = `${box.height}px`;
      o.style.transform = `translate(${box.centerX - box.width / 2}px, ${box.centerY - box.height / 2}px)`;
      o.style.visibility = box.visible ? 'visible' : 'hidden';
    };
    const { type, absolute } = orientationEventType();
    const onOrientation = (ev: Event) => {
      heading.current = readOrientation(ev, absolute).heading;
      draw();
    };
    window.addEventListener(type, onOrientation);
    draw();
    return () => window.removeEventListener(type, onOrientation);
  }, [anchorHeadingDeg, offset]);

  const dragX = useRef<number | null>(null);
  const nudge = (dxPx: number) => {
    const w = frame.current?.clientWidth ?? 360;
    setOffset((o) => calibrate(o, dxPx, w, CAMERA_HFOV_DEG));
  };
  const pointer = {
    onPointerDown: (e: PointerEvent<HTMLDivElement>) => {
      if (!calibrating) return;
      e.currentTarget.setPointerCapture?.(e.pointerId);
      dragX.current = e.clientX;
    },
    onPointerMove: (e: PointerEvent<HTMLDivElement>) => {
      if (dragX.current === null) return;
      nudge(e.clientX - dragX.current);
      dragX.current = e.clientX;
    },
    onPointerUp: () => {
      dragX.current = null;
    },
  };
  const pxPerDeg = () => (frame.current?.clientWidth ?? 360) / CAMERA_HFOV_DEG;

  return (
    <div className="scene-camera" data-testid="camera-view">
      <div
        ref={frame}
        className="scene-view scene-camera-frame"
        {...(model ? { role: 'img', 'aria-label': alt } : {})}
        {...pointer}
      >
        <video ref={video} muted playsInline aria-hidden="true" />
        {model ? (
          <div className="scene-camera-3d">
            <SceneCanvas
              fallback={<p className="scene-loading">{sceneText(locale, 'pano.failed')}</p>}
              transparent
              frameloop="demand"
              camera={{ fov: 50, near: 0.5, far: 5000, position: [0, 0, 0] }}
            >
              <CameraModelScene
                model={model}
                anchor={anchor}
                calibrationDeg={offset}
                cameraHfovDeg={CAMERA_HFOV_DEG}
                frame={frame}
              />
            </SceneCanvas>
          </div>
        ) : (
          thenUrl && <img ref={overlay} className="scene-camera-overlay" src={thenUrl} alt={alt} />
        )}
      </div>
      <div className="scene-controls">
        {!calibrating ? (
          <button type="button" onClick={() => setCalibrating(true)}>
            {sceneText(locale, 'ar.calibrate')}
          </button>
        ) : (
          <>
            <p>{sceneText(locale, 'ar.calibrateHelp')}</p>
            <button type="button" onClick={() => nudge(-pxPerDeg())}>
              {sceneText(locale, 'ar.nudgeLeft')}
            </button>
            <button type="button" onClick={() => nudge(pxPerDeg())}>
              {sceneText(locale, 'ar.nudgeRight')}
            </button>
            <button type="button" onClick={() => setCalibrating(false)}>
              {sceneText(locale, 'ar.calibrateDone')}
            </button>
          </>
        )}
        <span aria-live="polite">{sceneText(locale, 'ar.offset', { deg: Math.round(offset) })}</span>
      </div>
    </div>
  );
}
