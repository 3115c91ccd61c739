import { Component, type ReactNode } from 'react';
import { Canvas, useFrame, type CanvasProps } from '@react-three/fiber';
import { sceneProbe } from './probe';

/**
 * The one WebGL canvas setup of the players, with an error boundary: when WebGL is missing or
 * the scene throws, `fallback` is shown instead (the stills, or a message).
 */
export function SceneCanvas({ children, fallback, ...props }: CanvasProps & { fallback: ReactNode }) {
  return (
    <CanvasBoundary fallback={fallback}>
      <Canvas
        dpr={[1, 2]}
        gl={{ antialias: sceneProbe()?.antialias ?? multisample(), powerPreference: 'high-performance' }}
        {...props}
      >
        {children}
        {sceneProbe() && <ProbeRenderer />}
      </Canvas>
    </CanvasBoundary>
  );
}

/**
 * Multisampling only on low-density screens: at 2× and above (every phone on a tour) the pixels
 * are small enough, and MSAA would multiply the fill cost (2.5× in the software-WebGL bench).
 */
function multisample(): boolean {
  return typeof window === 'undefined' || window.devicePixelRatio < 2;
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
