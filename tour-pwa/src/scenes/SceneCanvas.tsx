import { Component, useEffect, useState, type ReactNode } from 'react';
import { Canvas, useFrame, type CanvasProps } from '@react-three/fiber';
import { createQualityGovernor, startQuality, type QualityGovernor, type QualityLevel } from './core';
import { sceneProbe } from './probe';

export interface SceneCanvasProps extends Omit<CanvasProps, 'gl' | 'dpr'> {
  /** Shown instead when WebGL is missing or the scene throws (the stills, or a message). */
  fallback: ReactNode;
  /**
   * The scene has geometric edges worth multisampling on a low-density screen (a 3D model);
   * false for textured views (a panorama, an image overlay), where the texture filter already
   * smooths everything and multisampling would only multiply the fill cost.
   */
  edges?: boolean;
  /** A see-through canvas (over the camera picture, or a WebXR passthrough). */
  transparent?: boolean;
}

/**
 * The one WebGL canvas setup of the players, with its frame-time governor and an error boundary.
 *
 * Quality: at most 2 device pixels per CSS pixel; multisampling only on low-density screens and
 * only for scenes with edges. While the scene renders, the governor (core/quality.ts) watches the
 * frame intervals and, when the median of 30 frames exceeds 1/30 s, steps down — multisampling off
 * (a new canvas), then the pixel ratio by 15 % at a time down to 0.75 (or half the start) — and
 * back up when frames take under half the budget. README.md § Frame time.
 */
export function SceneCanvas({
  children,
  fallback,
  edges = true,
  transparent = false,
  ...props
}: SceneCanvasProps) {
  const probe = sceneProbe();
  const [setup] = useState(() => {
    const plan = startQuality(typeof window === 'undefined' ? 1 : window.devicePixelRatio, edges);
    const start: QualityLevel = probe?.antialias === false ? { ...plan.start, antialias: false } : plan.start;
    const governor: QualityGovernor | null =
      probe?.governor === false
        ? null
        : createQualityGovernor({
            start,
            minDpr: plan.minDpr,
            ...(probe?.budgetMs ? { budgetMs: probe.budgetMs } : {}),
          });
    return { start, governor };
  });
  const { governor } = setup;
  const [level, setLevel] = useState<QualityLevel>(setup.start);
  useEffect(() => probe?.quality?.(setup.start, 0), [probe, setup]);
  return (
    <CanvasBoundary fallback={fallback}>
      <Canvas
        // Multisampling is chosen when the WebGL context is created: turning it off needs a new canvas.
        key={level.antialias ? 'multisampled' : 'plain'}
        dpr={level.dpr}
        gl={{ antialias: level.antialias, alpha: transparent, powerPreference: 'high-performance' }}
        {...props}
      >
        {children}
        {governor && (
          <Governor
            governor={governor}
            onChange={(next) => {
              probe?.quality?.(next, governor.stepsDown);
              setLevel(next);
            }}
          />
        )}
        {probe && <ProbeRenderer />}
      </Canvas>
    </CanvasBoundary>
  );
}

/** Feeds the governor each frame's interval; only a change of level reaches React. */
function Governor({
  governor,
  onChange,
}: {
  governor: QualityGovernor;
  onChange(level: QualityLevel): void;
}) {
  useFrame((_s, delta) => {
    const next = governor.sample(delta * 1000);
    if (next) onChange(next);
  });
  return null;
}

/** Renders the frame itself (priority 1) so it can read `renderer.info` of that very frame. */
function ProbeRenderer() {
  useFrame(({ gl, scene, camera }) => {
    gl.render(scene, camera);
    sceneProbe()?.frame(gl, performance.now());
  }, 1);
  return null;
}

class CanvasBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    console.warn('[scenes] 3D view unavailable:', error);
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
