import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import type { Texture } from 'three';
import { compassWord, sceneText, type Extent, type Look, type SceneLocale, type Spot } from './core';
import { loadTexture } from './loaders';
import { PanoramaStage } from './PanoramaStage';
import { SceneCanvas } from './SceneCanvas';
import { sceneProbe } from './probe';
import { useAsync } from './useAsync';
import { useLook } from './useLook';
import { BlendSlider } from './BlendSlider';

export const PANORAMA_FOV_DEG = 70;

/** A full sphere is seen through 70°; a crop through a narrower field so it fills the frame. */
export function fovFor(extent: Extent): number {
  return extent.vfovDeg >= 180 ? PANORAMA_FOV_DEG : Math.min(PANORAMA_FOV_DEG, extent.vfovDeg * 0.8);
}

/**
 * An equirectangular image (or a then/now pair of them) to look around in: drag, arrow keys or
 * the phone's motion; hotspots are picked by tapping their marker. Shared by the panorama block and
 * by the AR block's compass-aligned fallback.
 */
export function PanoramaView({
  locale,
  label,
  alt,
  imageUrl,
  thenUrl,
  extent,
  headingDeg,
  hotspots,
  activeHotspot,
  onPickHotspot,
  lookRef,
  children,
  testId,
}: {
  locale: SceneLocale;
  label: string;
  alt: string;
  imageUrl: string;
  /** The 1940 layer drawn over the image, with a slider, when the package has one. */
  thenUrl?: string | undefined;
  extent: Extent;
  headingDeg: number;
  hotspots?: readonly Spot[];
  activeHotspot?: string | null;
  onPickHotspot?: (yawDeg: number, pitchDeg: number) => void;
  /** Lets the parent turn the view (e.g. to a hotspot chosen from the list). */
  lookRef?: (setLook: (l: Look) => void) => void;
  children?: ReactNode;
  testId?: string;
}) {
  const ids = useId();
  const textures = useAsync(
    async (signal) => {
      const [image, then] = await Promise.all([
        loadTexture(imageUrl, signal),
        thenUrl ? loadTexture(thenUrl, signal) : Promise.resolve(null),
      ]);
      for (const t of [image, then]) {
        const img = t?.image as { width: number; height: number } | undefined;
        if (img) sceneProbe()?.texture(Math.max(img.width, img.height));
      }
      return { image, then };
    },
    [imageUrl, thenUrl],
  );
  useEffect(() => {
    if (textures.status !== 'ready') return;
    const { image, then } = textures.value;
    return () => {
      image.dispose();
      then?.dispose();
    };
  }, [textures]);

  const fovDeg = fovFor(extent);
  const [thenShare, setThenShare] = useState(thenUrl ? 100 : 0);
  const { look, setLook, subscribeLook, bearing, motion, startMotion, stopMotion, handlers } = useLook({
    extent,
    headingDeg,
    fovDeg,
    ...(onPickHotspot ? { onTap: onPickHotspot } : {}),
  });
  useEffect(() => lookRef?.(setLook), [lookRef, setLook]);

  const layers = useMemo(() => {
    if (textures.status !== 'ready') return [];
    const out: { texture: Texture; opacity: number }[] = [{ texture: textures.value.image, opacity: 1 }];
    if (textures.value.then) out.push({ texture: textures.value.then, opacity: thenShare / 100 });
    return out;
  }, [textures, thenShare]);

  return (
    <section className="scene-panorama" aria-label={label}>
      <div
        className="scene-view scene-look"
        role="application"
        aria-roledescription={label}
        aria-label={`${label}. ${sceneText(locale, 'pano.view', { dir: compassWord(bearing, locale), deg: bearing })}`}
        aria-describedby={`${ids}-help ${ids}-alt`}
        tabIndex={0}
        data-testid={testId}
        data-bearing={bearing}
        {...handlers}
      >
        {textures.status === 'loading' && (
          <p className="scene-loading">{sceneText(locale, 'pano.loading')}</p>
        )}
        {textures.status === 'failed' && <p className="scene-loading">{sceneText(locale, 'pano.failed')}</p>}
        {textures.status === 'ready' && (
          <SceneCanvas
            fallback={<p className="scene-loading">{sceneText(locale, 'pano.failed')}</p>}
            // A still panorama is not redrawn: frames come when the look, a layer or the size changes.
            frameloop="demand"
            edges={false}
            camera={{ fov: fovDeg, near: 0.1, far: 200, position: [0, 0, 0] }}
          >
            <PanoramaStage
              extent={extent}
              layers={layers}
              look={look}
              fovDeg={fovDeg}
              hotspots={hotspots ?? []}
              activeHotspot={activeHotspot ?? null}
              subscribeLook={subscribeLook}
            />
          </SceneCanvas>
        )}
      </div>
      <p id={`${ids}-help`} className="scene-help">
        {sceneText(locale, 'pano.help')}{' '}
        <span aria-live="polite">
          {sceneText(locale, 'pano.view', { dir: compassWord(bearing, locale), deg: bearing })}
        </span>
      </p>
      <p id={`${ids}-alt`} className="scene-alt">
        {alt}
      </p>
      <div className="scene-controls">
        {motion === 'off' && (
          <button type="button" onClick={() => void startMotion()}>
            {sceneText(locale, 'pano.motion')}
          </button>
        )}
        {motion === 'on' && (
          <button type="button" onClick={stopMotion}>
            {sceneText(locale, 'pano.motionOff')}
          </button>
        )}
        {motion === 'denied' && <p role="status">{sceneText(locale, 'pano.motionDenied')}</p>}
        {thenUrl && (
          <BlendSlider locale={locale} from="now" to="then" value={thenShare} onChange={setThenShare} />
        )}
      </div>
      {children}
    </section>
  );
}
