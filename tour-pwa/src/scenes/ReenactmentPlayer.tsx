import { useCallback, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { clockTime, createPlayback, inLocale, prepareTimeline, sceneText } from './core';
import { loadModel } from './loaders';
import { REENACTMENT_LIGHTS, bakeLighting } from './materials';
import { addDistanceLods } from './lod';
import { ReenactmentScene } from './ReenactmentScene';
import { ReenactmentStills } from './ReenactmentStills';
import { SceneCanvas } from './SceneCanvas';
import { SoundCues } from './SoundCues';
import { useAsync } from './useAsync';
import type { ReenactmentBlockType, SceneBlockProps } from './types';
import './scenes.css';

/**
 * A 3D re-enactment: the package's glb played along its scripted timeline, with subtitles, sound
 * cues, play/pause/seek/replay, the timeline following the stop's narration when it plays, and the
 * still frames instead when the visitor asked for reduced motion or WebGL is unavailable.
 */
export function ReenactmentPlayer({
  block,
  locale,
  assetUrl,
  reducedMotion,
  narrationTime,
}: SceneBlockProps<ReenactmentBlockType>) {
  const timeline = useMemo(() => prepareTimeline(block.timeline), [block.timeline]);
  const stillsFallback = (notice: string) => (
    <ReenactmentStills
      block={block}
      timeline={timeline}
      locale={locale}
      assetUrl={assetUrl}
      notice={notice}
    />
  );
  if (reducedMotion) return stillsFallback(sceneText(locale, 'stills.reduced'));
  return (
    <AnimatedPlayer
      block={block}
      timeline={timeline}
      locale={locale}
      assetUrl={assetUrl}
      narrationTime={narrationTime}
      fallback={stillsFallback(sceneText(locale, 'player.failed'))}
    />
  );
}

function AnimatedPlayer({
  block,
  timeline,
  locale,
  assetUrl,
  narrationTime,
  fallback,
}: {
  block: ReenactmentBlockType;
  timeline: ReturnType<typeof prepareTimeline>;
  locale: SceneBlockProps<ReenactmentBlockType>['locale'];
  assetUrl(id: string): string;
  narrationTime: (() => number | null) | undefined;
  fallback: React.ReactNode;
}) {
  const modelUrl = assetUrl(block.model);
  const model = useAsync(
    async (signal) => {
      const loaded = await loadModel(modelUrl, signal);
      bakeLighting(loaded.gltf.scene, REENACTMENT_LIGHTS);
      await addDistanceLods(loaded.gltf.scene);
      return loaded;
    },
    [modelUrl],
  );
  const playback = useMemo(() => createPlayback(timeline.durationS, { autoplay: true }), [timeline]);
  const state = useSyncExternalStore(playback.subscribe, playback.getState);
  const [subtitle, setSubtitle] = useState(-1);
  const fire = useRef<((i: number) => void) | null>(null);
  const onSound = useCallback((i: number) => fire.current?.(i), []);
  const ids = useId();
  const altId = `${ids}-alt`;

  if (model.status === 'failed') {
    console.warn('[scenes] model failed to load:', model.error);
    return <>{fallback}</>;
  }
  const sub = subtitle >= 0 ? timeline.subtitles[subtitle] : undefined;
  const time = sceneText(locale, 'player.time', { t: clockTime(state.t), d: clockTime(state.durationS) });
  return (
    <section className="scene-player" aria-label={sceneText(locale, 'player.label')}>
      <div className="scene-view" role="img" aria-labelledby={altId} data-testid="reenactment-view">
        {model.status === 'loading' ? (
          <p className="scene-loading">{sceneText(locale, 'player.loading')}</p>
        ) : (
          <SceneCanvas
            fallback={fallback}
            camera={{ fov: 50, near: 0.5, far: 8000, position: [0, 10, 30] }}
            // Paused, the scene is still: frames only when the visitor seeks.
            frameloop={state.playing ? 'always' : 'demand'}
          >
            <color attach="background" args={['#9db3c2']} />
            <fog attach="fog" args={['#9db3c2', 600, 4000]} />
            {/* The same lights are baked into the plain materials; these light any textured ones. */}
            <hemisphereLight
              args={[
                REENACTMENT_LIGHTS.sky,
                REENACTMENT_LIGHTS.ground,
                REENACTMENT_LIGHTS.hemisphereIntensity,
              ]}
            />
            <directionalLight
              position={REENACTMENT_LIGHTS.sunPosition}
              color={REENACTMENT_LIGHTS.sun}
              intensity={REENACTMENT_LIGHTS.sunIntensity}
            />
            <ReenactmentScene
              model={model.value.gltf.scene}
              animations={model.value.gltf.animations}
              timeline={timeline}
              playback={playback}
              narrationTime={narrationTime}
              onSubtitle={setSubtitle}
              onSound={onSound}
            />
            <SoundCues timeline={timeline} assetUrl={assetUrl} fire={fire} muted={!state.playing} />
          </SceneCanvas>
        )}
        <p className="scene-subtitle" aria-live="polite" data-testid="subtitle">
          {sub ? inLocale(sub.text, locale) : ''}
        </p>
      </div>
      <p id={altId} className="scene-alt">
        {inLocale(block.alt, locale)}
      </p>
      <div className="scene-controls">
        <button type="button" onClick={() => playback.toggle()} aria-pressed={state.playing}>
          {sceneText(locale, state.playing ? 'player.pause' : 'player.play')}
        </button>
        <label className="scene-seek">
          <span>{sceneText(locale, 'player.seek')}</span>
          <input
            type="range"
            min={0}
            max={timeline.durationS}
            step={1}
            value={Math.floor(state.t)}
            aria-valuetext={time}
            onChange={(e) => playback.seek(Number(e.currentTarget.value))}
          />
        </label>
        <span className="scene-time" data-testid="scene-time">
          {time}
        </span>
        <button type="button" onClick={() => playback.replay()}>
          {sceneText(locale, 'player.replay')}
        </button>
        {narrationTime && state.followingNarration && (
          <span className="scene-sync">{sceneText(locale, 'player.following')}</span>
        )}
      </div>
      <details className="scene-transcript">
        <summary>{sceneText(locale, 'player.subtitles')}</summary>
        <ol>
          {timeline.subtitles.map((s, i) => (
            <li key={i}>
              <span className="scene-time">{clockTime(s.startS)}</span> {inLocale(s.text, locale)}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}

export default ReenactmentPlayer;
