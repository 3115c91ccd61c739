/**
 * The re-enactment's clock: play, pause, seek, replay, and following the stop's narration.
 * A tiny store (subscribe/getState) so React renders its state and the frame loop reads it
 * without re-rendering.
 */
export interface PlaybackState {
  /** Seconds into the timeline, within [0, durationS]. */
  readonly t: number;
  readonly durationS: number;
  readonly playing: boolean;
  readonly ended: boolean;
  /** True while the clock follows the narration's time rather than its own. */
  readonly followingNarration: boolean;
  /** Bumped on every seek or replay: the frame loop re-positions its sound cursor when it changes. */
  readonly seekCount: number;
}

export interface Playback {
  getState(): PlaybackState;
  subscribe(listener: () => void): () => void;
  play(): void;
  pause(): void;
  toggle(): void;
  /** Moves to t (clamped); the visitor took over, so the clock stops following the narration. */
  seek(t: number): void;
  /** Back to 0 and playing; following the narration again if there is one. */
  replay(): void;
  /**
   * Advances by dtS seconds of wall time. `narrationT` is the narration's current time when it
   * plays (null otherwise): while following, the timeline shows the narration's moment.
   * Notifies listeners only when whole seconds, play state or end change, so React renders
   * about once a second during playback, not every frame.
   */
  tick(dtS: number, narrationT?: number | null): void;
}

export function createPlayback(durationS: number, opts: { autoplay?: boolean } = {}): Playback {
  let state: PlaybackState = {
    t: 0,
    durationS,
    playing: opts.autoplay ?? false,
    ended: false,
    followingNarration: true,
    seekCount: 0,
  };
  const listeners = new Set<() => void>();
  const clamp = (t: number) => Math.min(Math.max(Number.isFinite(t) ? t : 0, 0), durationS);
  const set = (next: Partial<PlaybackState>) => {
    state = { ...state, ...next };
    for (const l of listeners) l();
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    play() {
      if (state.ended) set({ t: 0, ended: false, playing: true, seekCount: state.seekCount + 1 });
      else set({ playing: true });
    },
    pause() {
      set({ playing: false });
    },
    toggle() {
      if (state.playing) this.pause();
      else this.play();
    },
    seek(t) {
      const c = clamp(t);
      set({ t: c, ended: c >= durationS, followingNarration: false, seekCount: state.seekCount + 1 });
    },
    replay() {
      set({ t: 0, ended: false, playing: true, followingNarration: true, seekCount: state.seekCount + 1 });
    },
    tick(dtS, narrationT) {
      if (!state.playing) return;
      const before = state.t;
      let t: number;
      if (state.followingNarration && typeof narrationT === 'number' && Number.isFinite(narrationT)) {
        t = clamp(narrationT);
      } else {
        t = clamp(before + Math.max(dtS, 0));
      }
      const ended = t >= durationS;
      if (ended || Math.floor(t) !== Math.floor(before)) {
        set({ t, ended, playing: !ended });
      } else {
        // In place, on ticks nobody needs to hear about, so a frame allocates nothing.
        (state as { t: number }).t = t;
      }
    },
  };
}
