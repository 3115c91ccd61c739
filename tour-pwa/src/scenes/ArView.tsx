import { useCallback, useEffect, useRef, useState } from 'react';
import {
  arReasonText,
  cameraAccessFromError,
  chooseArMode,
  compassWord,
  distanceM,
  inLocale,
  sceneText,
  type ArDecision,
  type CameraAccess,
} from './core';
import { CameraOverlay, OVERLAY_EXTENT } from './CameraOverlay';
import { loadModel, loadTexture } from './loaders';
import { PanoramaView } from './PanoramaView';
import { SceneCanvas } from './SceneCanvas';
import { ThenNowSlider } from './ThenNowSlider';
import { XrScene, type XrPlacement } from './XrScene';
import { toCheapMaterials } from './materials';
import { orientationEventType, readOrientation } from './orientationEvent';
import { useLiveSensors } from './useLiveSensors';
import type { ArBlockType, SceneBlockProps } from './types';
import type { Object3D, Texture } from 'three';
import './scenes.css';

/** How long the compass and GPS get to settle before the decision. */
const SETTLE_MS = 3000;

type Phase =
  | { kind: 'intro' }
  | { kind: 'checking' }
  | { kind: 'camera'; stream: MediaStream; decision: ArDecision; model: Object3D | null }
  | {
      kind: 'xr';
      session: XRSession;
      model: Object3D | null;
      overlay: Texture | null;
      /** Known once the session said whether it has hit test. */
      how: XrPlacement['how'] | null;
      placed: XrPlacement | null;
    }
  | {
      kind: 'fallback';
      decision: ArDecision;
      detail: { accuracy?: number | null; distance?: number | null };
    };

/**
 * An AR stop: WebXR `immersive-ar` where the browser has it; otherwise the camera with the 1940
 * overlay placed by compass; otherwise (camera refused, compass or GPS poor, too far) the block's
 * fallback — a compass-aligned panorama or the then/now slider — with the reason on screen.
 */
export function ArView({ block, locale, assetUrl }: SceneBlockProps<ArBlockType>) {
  const [phase, setPhase] = useState<Phase>({ kind: 'intro' });
  const [xr, setXr] = useState(false);
  const root = useRef<HTMLElement>(null);
  // Position and compass while a live view is open: geo-anchors the WebXR content.
  const sensors = useLiveSensors(phase.kind === 'xr');
  const alt = inLocale(block.alt, locale);

  const fallback = useCallback(
    (decision: ArDecision, detail: { accuracy?: number | null; distance?: number | null } = {}) =>
      setPhase({ kind: 'fallback', decision, detail }),
    [],
  );

  // What can be known without asking: WebXR support, and a camera permission already refused.
  useEffect(() => {
    let live = true;
    void navigator.xr
      ?.isSessionSupported('immersive-ar')
      .then((ok) => live && setXr(ok))
      .catch(() => undefined);
    void navigator.permissions
      ?.query({ name: 'camera' as PermissionName })
      .then((status) => {
        if (live && status.state === 'denied') fallback(decide('denied'));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
    // decide() reads only the block
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fallback]);

  function decide(
    camera: CameraAccess,
    heading: number | null = null,
    gps: number | null = null,
    distance: number | null = null,
    motionSensors?: 'granted' | 'denied',
  ) {
    return chooseArMode({
      xr: false,
      camera,
      ...(motionSensors ? { motionSensors } : {}),
      headingAccuracyDeg: heading,
      gpsAccuracyM: gps,
      distanceToAnchorM: distance,
      fallback: block.fallback,
    });
  }

  const startXr = async () => {
    try {
      // Hit test when the device has it; otherwise the content is geo-anchored (XrScene).
      const session = await navigator.xr!.requestSession('immersive-ar', {
        requiredFeatures: ['local'],
        optionalFeatures: ['hit-test', 'dom-overlay'],
        ...(root.current ? { domOverlay: { root: root.current } } : {}),
      });
      // Leaving the session (the button, the system's back gesture) returns to the stop.
      session.addEventListener('end', () => setPhase({ kind: 'intro' }));
      const [model, overlay] = await Promise.all([
        block.model
          ? loadModel(assetUrl(block.model)).then((m) => {
              toCheapMaterials(m.gltf.scene);
              return m.gltf.scene;
            })
          : Promise.resolve(null),
        !block.model && block.overlay ? loadTexture(assetUrl(block.overlay.then)) : Promise.resolve(null),
      ]);
      setPhase({ kind: 'xr', session, model, overlay, how: null, placed: null });
    } catch (err) {
      console.warn('[scenes] WebXR session refused:', err);
      setXr(false);
    }
  };

  const startCamera = async () => {
    // iOS asks for motion permission only inside the tap, so it is requested before anything awaits.
    const DOE = (
      window as unknown as { DeviceOrientationEvent?: { requestPermission?: () => Promise<string> } }
    ).DeviceOrientationEvent;
    const motion =
      typeof DOE?.requestPermission === 'function' ? DOE.requestPermission().catch(() => 'denied') : null;
    let stream: MediaStream;
    try {
      if (!navigator.mediaDevices?.getUserMedia)
        throw Object.assign(new Error('no mediaDevices'), { name: 'NotFoundError' });
      stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: { ideal: 'environment' } },
        audio: false,
      });
    } catch (err) {
      fallback(decide(cameraAccessFromError(err)));
      return;
    }
    setPhase({ kind: 'checking' });
    if (motion && (await motion) !== 'granted') {
      stream.getTracks().forEach((t) => t.stop());
      fallback(decide('granted', null, null, null, 'denied'));
      return;
    }
    const { heading, gps, distance } = await settleSensors(block.anchor.position);
    const decision = decide('granted', heading, gps, distance);
    if (decision.mode === 'camera') {
      let model: Object3D | null = null;
      if (block.model) {
        try {
          const loaded = await loadModel(assetUrl(block.model));
          toCheapMaterials(loaded.gltf.scene);
          model = loaded.gltf.scene;
        } catch (err) {
          // The overlay image (or the alt text) still shows where the model would have stood.
          console.warn('[scenes] AR model failed to load:', err);
        }
      }
      setPhase({ kind: 'camera', stream, decision, model });
    } else {
      stream.getTracks().forEach((t) => t.stop());
      const accuracy = decision.reason === 'heading-poor' ? heading : gps;
      fallback(decision, { accuracy, distance });
    }
  };

  // Stop the camera when leaving the stop.
  const streamRef = useRef<MediaStream | null>(null);
  streamRef.current = phase.kind === 'camera' ? phase.stream : null;
  useEffect(() => () => streamRef.current?.getTracks().forEach((t) => t.stop()), []);

  const thenUrl = block.overlay ? assetUrl(block.overlay.then) : null;
  const nowUrl = block.overlay?.now ? assetUrl(block.overlay.now) : undefined;

  return (
    <section
      ref={root}
      className="scene-ar"
      aria-label={sceneText(locale, 'ar.label')}
      data-testid="ar-view"
      data-phase={phase.kind}
    >
      {phase.kind === 'intro' && (
        <div className="scene-ar-intro">
          <p>{sceneText(locale, 'ar.intro', { dir: compassWord(block.anchor.headingDeg, locale) })}</p>
          <div className="scene-controls">
            {xr && (
              <button type="button" onClick={() => void startXr()}>
                {sceneText(locale, 'ar.enterXr')}
              </button>
            )}
            <button type="button" onClick={() => void startCamera()}>
              {sceneText(locale, 'ar.start')}
            </button>
          </div>
          <p className="scene-alt">{alt}</p>
        </div>
      )}
      {phase.kind === 'checking' && <p role="status">{sceneText(locale, 'ar.checking')}</p>}
      {phase.kind === 'camera' && (phase.model || thenUrl) && (
        <CameraOverlay
          stream={phase.stream}
          locale={locale}
          alt={alt}
          thenUrl={thenUrl}
          model={phase.model}
          anchor={block.anchor}
        />
      )}
      {phase.kind === 'xr' && (
        <div
          className="scene-view scene-xr"
          data-testid="xr-view"
          data-placement={phase.placed?.how ?? ''}
          data-position={phase.placed?.position.map((v) => v.toFixed(2)).join(',') ?? ''}
        >
          <p role="status" className="scene-xr-status">
            {phase.placed === null
              ? sceneText(locale, phase.how === 'geo' ? 'ar.xrGeoWait' : 'ar.xrPlace')
              : phase.placed.how === 'hit-test'
                ? sceneText(locale, 'ar.xrPlacedHit')
                : sceneText(locale, 'ar.xrPlacedGeo', {
                    distance: Math.round(phase.placed.distanceM ?? 0),
                    dir: compassWord(phase.placed.bearingDeg ?? 0, locale),
                  })}
          </p>
          <button type="button" onClick={() => void phase.session.end()}>
            {sceneText(locale, 'ar.exitXr')}
          </button>
          <SceneCanvas fallback={<p>{sceneText(locale, 'pano.failed')}</p>} transparent>
            <XrScene
              session={phase.session}
              model={phase.model}
              overlay={phase.overlay}
              anchor={block.anchor}
              sensors={sensors}
              onPlaced={(placed) => setPhase((p) => (p.kind === 'xr' ? { ...p, placed } : p))}
              onMode={(how) => setPhase((p) => (p.kind === 'xr' ? { ...p, how } : p))}
            />
          </SceneCanvas>
        </div>
      )}
      {phase.kind === 'fallback' && (
        <>
          <p
            className="scene-reason"
            role="status"
            data-testid="ar-reason"
            data-reason={phase.decision.reason}
          >
            <strong>{sceneText(locale, 'ar.whyFallback')}</strong>{' '}
            {arReasonText(locale, phase.decision.reason, phase.detail)}
          </p>
          {phase.decision.mode === 'panorama' && thenUrl ? (
            <PanoramaView
              locale={locale}
              label={sceneText(locale, 'ar.fallbackPanorama')}
              alt={alt}
              imageUrl={nowUrl ?? thenUrl}
              thenUrl={nowUrl ? thenUrl : undefined}
              extent={OVERLAY_EXTENT}
              headingDeg={block.anchor.headingDeg}
              testId="ar-panorama"
            />
          ) : thenUrl ? (
            <ThenNowSlider locale={locale} alt={alt} thenUrl={thenUrl} nowUrl={nowUrl} />
          ) : (
            <p className="scene-alt">{alt}</p>
          )}
        </>
      )}
    </section>
  );
}

/** Listens to the compass and GPS for a few seconds and keeps the best accuracy of each. */
function settleSensors(
  anchor: [number, number],
): Promise<{ heading: number | null; gps: number | null; distance: number | null }> {
  return new Promise((resolve) => {
    let heading: number | null = null;
    let gps: number | null = null;
    let distance: number | null = null;
    const { type, absolute } = orientationEventType();
    const onOrientation = (ev: Event) => {
      const h = readOrientation(ev, absolute).heading;
      if (h && Number.isFinite(h.accuracyDeg)) heading = Math.min(heading ?? Infinity, h.accuracyDeg);
    };
    window.addEventListener(type, onOrientation);
    const watch = navigator.geolocation?.watchPosition(
      (p) => {
        if (gps === null || p.coords.accuracy < gps) {
          gps = p.coords.accuracy;
          distance = distanceM([p.coords.longitude, p.coords.latitude], anchor);
        }
      },
      () => undefined,
      { enableHighAccuracy: true, maximumAge: 5000 },
    );
    setTimeout(() => {
      window.removeEventListener(type, onOrientation);
      if (watch !== undefined) navigator.geolocation.clearWatch(watch);
      resolve({ heading, gps, distance });
    }, SETTLE_MS);
  });
}

export default ArView;
