import { useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { AnimationMixer, Vector3, type AnimationAction, type AnimationClip, type Object3D } from 'three';
import {
  SoundCursor,
  cameraSample,
  clipTimeAt,
  sampleCamera,
  subtitleIndexAt,
  type Playback,
  type PreparedTimeline,
} from './core';

/** The longest step of the scene's clock per frame, in seconds. */
const MAX_TICK_S = 0.25;

export interface ReenactmentSceneProps {
  model: Object3D;
  animations: readonly AnimationClip[];
  timeline: PreparedTimeline;
  playback: Playback;
  narrationTime?: (() => number | null) | undefined;
  /** Called when the subtitle on screen changes (index into timeline.subtitles, −1 for none). */
  onSubtitle(index: number): void;
  /** Called when a sound cue is due (index into timeline.sounds). */
  onSound?: ((index: number) => void) | undefined;
}

/**
 * The re-enactment inside the canvas: each frame advances the clock, then poses the camera,
 * the animation clips, the subtitles and the sound cues from the timeline at that time, so a seek
 * shows exactly the authored moment. Nothing is allocated per frame.
 */
export function ReenactmentScene({
  model,
  animations,
  timeline,
  playback,
  narrationTime,
  onSubtitle,
  onSound,
}: ReenactmentSceneProps) {
  const camera = useThree((s) => s.camera);
  // While paused the canvas draws only on demand: a seek or replay asks for a frame.
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => playback.subscribe(() => invalidate()), [playback, invalidate]);
  const mixer = useMemo(() => new AnimationMixer(model), [model]);
  // One action per clip cue, matched by name; a cue naming no clip of the model is skipped.
  const actions = useMemo(() => {
    const out: (AnimationAction | null)[] = [];
    for (const cue of timeline.clips) {
      const clip = animations.find((a) => a.name === cue.name);
      if (!clip) {
        console.warn(`[scenes] the model has no animation clip named "${cue.name}"`);
        out.push(null);
        continue;
      }
      const action = mixer.clipAction(clip);
      action.play();
      action.paused = true; // the timeline sets its time; the mixer never advances it
      action.enabled = false;
      out.push(action);
    }
    return out;
  }, [animations, mixer, timeline]);
  useEffect(() => () => void mixer.stopAllAction(), [mixer]);

  const frame = useRef({
    sample: cameraSample(),
    target: new Vector3(),
    cursor: new SoundCursor(timeline.sounds),
    seekCount: -1,
    subtitle: -2,
    fire: (i: number) => onSoundRef.current?.(i),
  });
  const onSoundRef = useRef(onSound);
  const onSubtitleRef = useRef(onSubtitle);
  onSoundRef.current = onSound;
  onSubtitleRef.current = onSubtitle;

  useFrame((_state, delta) => {
    const f = frame.current;
    // A frame after a pause (a hidden tab, the loop idle while paused) must not jump the story ahead.
    playback.tick(Math.min(delta, MAX_TICK_S), narrationTime ? narrationTime() : null);
    const s = playback.getState();
    const t = s.t;
    if (sampleCamera(timeline.camera, t, f.sample)) {
      camera.position.set(f.sample.position[0], f.sample.position[1], f.sample.position[2]);
      camera.lookAt(f.target.set(f.sample.target[0], f.sample.target[1], f.sample.target[2]));
    }
    for (let i = 0; i < actions.length; i++) {
      const action = actions[i];
      if (!action) continue;
      const local = clipTimeAt(timeline.clips[i]!, t);
      action.enabled = local >= 0;
      if (local < 0) continue;
      const d = action.getClip().duration;
      action.time = timeline.clips[i]!.loop ? (d > 0 ? local % d : 0) : Math.min(local, d);
    }
    mixer.update(0);
    const sub = subtitleIndexAt(timeline.subtitles, t);
    if (sub !== f.subtitle) {
      f.subtitle = sub;
      onSubtitleRef.current(sub);
    }
    if (s.seekCount !== f.seekCount) {
      f.seekCount = s.seekCount;
      f.cursor.seek(t);
    }
    if (s.playing) f.cursor.advance(t, f.fire);
  });

  return <primitive object={model} />;
}
