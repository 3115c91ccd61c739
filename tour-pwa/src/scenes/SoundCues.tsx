import { useEffect, useRef, type MutableRefObject } from 'react';
import { useThree } from '@react-three/fiber';
import { Audio, AudioListener, AudioLoader, PositionalAudio, type Object3D } from 'three';
import type { PreparedTimeline } from './core';

/**
 * The timeline's sound cues: one three.js Audio per cue, created when the scene opens, placed
 * at the cue's position when it has one (heard from the camera's point of view). `fire` plays
 * cue i; a cue whose audio has not decoded yet is skipped rather than played late.
 */
export function SoundCues({
  timeline,
  assetUrl,
  fire,
  muted,
}: {
  timeline: PreparedTimeline;
  assetUrl(id: string): string;
  fire: MutableRefObject<((index: number) => void) | null>;
  muted: boolean;
}) {
  const camera = useThree((s) => s.camera);
  const scene = useThree((s) => s.scene);
  const mutedRef = useRef(muted);
  mutedRef.current = muted;

  useEffect(() => {
    if (timeline.sounds.length === 0 || typeof AudioContext === 'undefined') return;
    const listener = new AudioListener();
    camera.add(listener);
    const loader = new AudioLoader();
    const buffers = new Map<string, Promise<AudioBuffer | null>>();
    const sources: (Audio<GainNode | PannerNode> | null)[] = timeline.sounds.map(() => null);
    const placed: Object3D[] = [];
    timeline.sounds.forEach((cue, i) => {
      let buffer = buffers.get(cue.audio);
      if (!buffer) {
        buffer = loader.loadAsync(assetUrl(cue.audio)).catch((err: unknown) => {
          console.warn('[scenes] sound cue not playable:', cue.audio, err);
          return null;
        });
        buffers.set(cue.audio, buffer);
      }
      void buffer.then((b) => {
        if (!b) return;
        const audio = cue.position ? new PositionalAudio(listener) : new Audio(listener);
        audio.setBuffer(b);
        if (audio instanceof PositionalAudio) {
          audio.setRefDistance(50);
          audio.position.set(cue.position![0], cue.position![1], cue.position![2]);
          scene.add(audio);
          placed.push(audio);
        }
        sources[i] = audio;
      });
    });
    fire.current = (i) => {
      const a = sources[i];
      if (!a || mutedRef.current) return;
      if (listener.context.state === 'suspended') void listener.context.resume();
      if (a.isPlaying) a.stop();
      a.play();
    };
    return () => {
      fire.current = null;
      for (const a of sources) if (a?.isPlaying) a.stop();
      for (const o of placed) scene.remove(o);
      camera.remove(listener);
    };
  }, [timeline, assetUrl, camera, scene, fire]);

  return null;
}
