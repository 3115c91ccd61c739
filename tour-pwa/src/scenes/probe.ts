/**
 * Figures of the running scene for the harness page, the Chromium tests and the bench:
 * `renderer.info` after each frame, and when the first frame with something drawn appeared.
 * Nothing is recorded unless a page installs a probe (the app never does).
 */
import type { WebGLRenderer } from 'three';
import type { QualityLevel } from './core';

export interface SceneProbe {
  frame(gl: WebGLRenderer, now: number): void;
  /** A texture was uploaded; its larger side in pixels. */
  texture(maxSidePx: number): void;
  /** false: no multisampling whatever the screen (the bench compares with and without). */
  antialias?: boolean;
  /** false: the frame-time governor is off, the view stays at its starting quality. */
  governor?: boolean;
  /** The governor's frame budget in ms (tests force its steps with a tiny one). */
  budgetMs?: number;
  /** The governor changed the rendering quality (after `stepsDown` steps down in all). */
  quality?(level: QualityLevel, stepsDown: number): void;
}

let current: SceneProbe | null = null;

export function installSceneProbe(probe: SceneProbe | null): void {
  current = probe;
}

export function sceneProbe(): SceneProbe | null {
  return current;
}
