import { describe, expect, it } from 'vitest';
import type { MediaLike } from './narration';
import { createNarration } from './narration';
import { memoryKeyValue } from './store';

/** A media element that plays when asked and lets the test move time and fire events. */
function fakeMedia(opts: { refuseAutoplay?: boolean } = {}) {
  const listeners = new Map<string, Set<() => void>>();
  const fire = (t: string): void => listeners.get(t)?.forEach((f) => f());
  const m = {
    src: '',
    currentTime: 0,
    duration: 60,
    playbackRate: 1,
    paused: true,
    async play() {
      if (opts.refuseAutoplay) throw new DOMException('no gesture', 'NotAllowedError');
      m.paused = false;
      fire('playing');
    },
    pause() {
      m.paused = true;
      fire('pause');
    },
    addEventListener(t: string, f: () => void) {
      if (!listeners.has(t)) listeners.set(t, new Set());
      listeners.get(t)!.add(f);
    },
    removeEventListener(t: string, f: () => void) {
      listeners.get(t)?.delete(f);
    },
    advance(to: number) {
      m.currentTime = to;
      fire('timeupdate');
    },
    fire,
  };
  return m satisfies MediaLike & object;
}

const track = (key: string) => ({ key, src: `blob:${key}`, captionsSrc: `blob:${key}.vtt`, title: key });

describe('narration', () => {
  it('plays a loaded narration and reports its state', async () => {
    const n = createNarration(memoryKeyValue());
    const media = fakeMedia();
    n.attach(media);
    await n.load(track('t/s1/0/en'), true);
    expect(media.src).toBe('blob:t/s1/0/en');
    expect(n.store.get()).toMatchObject({
      status: 'playing',
      key: 't/s1/0/en',
      captionsSrc: 'blob:t/s1/0/en.vtt',
    });
    await n.toggle();
    expect(n.store.get().status).toBe('paused');
  });

  it('resumes where it stopped, across a reload', async () => {
    const kv = memoryKeyValue();
    const n = createNarration(kv);
    const media = fakeMedia();
    n.attach(media);
    await n.load(track('k'), true);
    media.advance(12.5);
    const again = createNarration(kv);
    const media2 = fakeMedia();
    again.attach(media2);
    await again.load(track('k'), false);
    expect(media2.currentTime).toBe(12.5);
    expect(again.resumeAt('k')).toBe(12.5);
  });

  it('starts from the beginning once a narration has ended', async () => {
    const kv = memoryKeyValue();
    const n = createNarration(kv);
    const media = fakeMedia();
    n.attach(media);
    await n.load(track('k'), true);
    media.advance(30);
    media.fire('ended');
    expect(n.store.get().status).toBe('ended');
    expect(n.resumeAt('k')).toBe(0);
  });

  it('keeps the chosen speed for later narrations', async () => {
    const kv = memoryKeyValue();
    const n = createNarration(kv);
    const media = fakeMedia();
    n.attach(media);
    n.setRate(1.25);
    expect(media.playbackRate).toBe(1.25);
    const again = createNarration(kv);
    const media2 = fakeMedia();
    again.attach(media2);
    await again.load(track('x'), false);
    expect(media2.playbackRate).toBe(1.25);
  });

  it('stays paused, not broken, when the browser refuses to autoplay', async () => {
    const n = createNarration(memoryKeyValue());
    n.attach(fakeMedia({ refuseAutoplay: true }));
    await n.load(track('k'), true);
    expect(n.store.get().status).toBe('paused');
  });

  it('seeks by ±10 s within the track', async () => {
    const n = createNarration(memoryKeyValue());
    const media = fakeMedia();
    n.attach(media);
    await n.load(track('k'), false);
    n.seekBy(-10);
    expect(media.currentTime).toBe(0);
    media.currentTime = 55;
    n.seekBy(10);
    expect(media.currentTime).toBe(60);
  });
});
