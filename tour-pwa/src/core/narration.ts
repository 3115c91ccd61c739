import type { KeyValue, Store } from './store';
import { createStore, persisted } from './store';

export type NarrationStatus = 'idle' | 'loading' | 'playing' | 'paused' | 'ended' | 'error';

export interface NarrationState {
  /** `<tourId>/<stopId>/<blockIndex>/<locale>` of the loaded narration. */
  key: string | null;
  title: string;
  /** Object URL of the WebVTT captions of the loaded narration. */
  captionsSrc: string | null;
  status: NarrationStatus;
  positionS: number;
  durationS: number;
  rate: number;
  /** The caption cue showing now (plain text), mirrored in a live region. */
  caption: string;
}

/** The subset of HTMLMediaElement the controller drives (a fake one in tests). */
export interface MediaLike {
  src: string;
  currentTime: number;
  readonly duration: number;
  playbackRate: number;
  readonly paused: boolean;
  play(): Promise<void>;
  pause(): void;
  addEventListener(type: string, fn: () => void): void;
  removeEventListener(type: string, fn: () => void): void;
}

export const PLAYBACK_RATES = [0.75, 1, 1.25, 1.5] as const;

export interface Narration {
  store: Store<NarrationState>;
  /** Binds the media element (one per app); returns an unbind. */
  attach(media: MediaLike): () => void;
  /** Loads a narration and, if `autoplay`, plays it from where the visitor left it. */
  load(
    track: { key: string; src: string; captionsSrc: string | null; title: string },
    autoplay: boolean,
  ): Promise<void>;
  toggle(): Promise<void>;
  seekBy(deltaS: number): void;
  setRate(rate: number): void;
  setCaption(text: string): void;
  /** Seconds to resume from for a key (0 when it ended or was never played). */
  resumeAt(key: string): number;
}

/**
 * Narration state without React: which track, where it stopped (persisted, so
 * a narration resumes where it stopped after a reload), the playback speed.
 */
export function createNarration(kv: KeyValue): Narration {
  const saved = persisted<{ positions: Record<string, number>; rate: number }>(kv, 'dunkirk.narration', 1, {
    positions: {},
    rate: 1,
  });
  const store = createStore<NarrationState>({
    key: null,
    title: '',
    captionsSrc: null,
    status: 'idle',
    positionS: 0,
    durationS: 0,
    rate: saved.get().rate,
    caption: '',
  });
  let media: MediaLike | null = null;
  let lastSaved = 0;

  const savePosition = (key: string, t: number): void =>
    saved.set((s) => ({ positions: { ...s.positions, [key]: t } }));

  function attach(m: MediaLike): () => void {
    media = m;
    const handlers: [string, () => void][] = [
      ['playing', () => store.set({ status: 'playing' })],
      ['pause', () => store.get().status !== 'ended' && store.set({ status: 'paused' })],
      ['error', () => store.set({ status: 'error' })],
      ['loadedmetadata', () => store.set({ durationS: Number.isFinite(m.duration) ? m.duration : 0 })],
      [
        'timeupdate',
        () => {
          const { key } = store.get();
          store.set({ positionS: m.currentTime });
          // Throttled: a write every few seconds is enough to resume.
          if (key && Math.abs(m.currentTime - lastSaved) >= 2) {
            lastSaved = m.currentTime;
            savePosition(key, m.currentTime);
          }
        },
      ],
      [
        'ended',
        () => {
          const { key } = store.get();
          if (key) savePosition(key, 0);
          store.set({ status: 'ended', caption: '' });
        },
      ],
    ];
    for (const [t, f] of handlers) m.addEventListener(t, f);
    m.playbackRate = store.get().rate;
    return () => {
      for (const [t, f] of handlers) m.removeEventListener(t, f);
      if (media === m) media = null;
    };
  }

  function resumeAt(key: string): number {
    return saved.get().positions[key] ?? 0;
  }

  async function play(): Promise<void> {
    if (!media) return;
    try {
      await media.play();
    } catch (_) {
      // Autoplay refused (no user gesture yet): stay paused; the play button works.
      store.set({ status: 'paused' });
    }
  }

  return {
    store,
    attach,
    resumeAt,
    async load({ key, src, captionsSrc, title }, autoplay) {
      const current = store.get();
      if (current.key === key && media && media.src === src) {
        if (autoplay && media.paused) await play();
        return;
      }
      if (current.key && media) savePosition(current.key, media.currentTime);
      store.set({ key, title, captionsSrc, status: 'loading', positionS: 0, durationS: 0, caption: '' });
      if (!media) return;
      media.src = src;
      const at = resumeAt(key);
      lastSaved = at;
      if (at > 0) media.currentTime = at;
      media.playbackRate = store.get().rate;
      if (autoplay) await play();
      else store.set({ status: 'paused' });
    },
    async toggle() {
      if (!media) return;
      if (media.paused) await play();
      else media.pause();
    },
    seekBy(delta) {
      if (!media) return;
      const d = Number.isFinite(media.duration) ? media.duration : Infinity;
      media.currentTime = Math.max(0, Math.min(d, media.currentTime + delta));
    },
    setRate(rate) {
      store.set({ rate });
      saved.set({ rate });
      if (media) media.playbackRate = rate;
    },
    setCaption(text) {
      store.set({ caption: text });
    },
  };
}
