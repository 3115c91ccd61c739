import { describe, expect, it, vi } from 'vitest';
import { createPlayback } from './playback';

describe('createPlayback', () => {
  it('starts paused at 0 unless asked to autoplay', () => {
    expect(createPlayback(10).getState()).toMatchObject({ t: 0, playing: false, ended: false });
    expect(createPlayback(10, { autoplay: true }).getState().playing).toBe(true);
  });

  it('advances only while playing, and ends (paused) at the duration', () => {
    const p = createPlayback(2);
    p.tick(0.5);
    expect(p.getState().t).toBe(0);
    p.play();
    p.tick(0.5);
    expect(p.getState().t).toBe(0.5);
    p.tick(5);
    expect(p.getState()).toMatchObject({ t: 2, ended: true, playing: false });
  });

  it('play after the end starts again from 0', () => {
    const p = createPlayback(1, { autoplay: true });
    p.tick(2);
    p.play();
    expect(p.getState()).toMatchObject({ t: 0, playing: true, ended: false });
  });

  it('notifies about once a second during playback, not every frame', () => {
    const p = createPlayback(10, { autoplay: true });
    const listener = vi.fn();
    p.subscribe(listener);
    for (let i = 0; i < 60; i++) p.tick(1 / 60);
    expect(p.getState().t).toBeCloseTo(1, 6);
    expect(listener.mock.calls.length).toBeLessThanOrEqual(2);
  });

  it('follows the narration while it plays, until the visitor seeks', () => {
    const p = createPlayback(75, { autoplay: true });
    p.tick(0.016, 31.2);
    expect(p.getState()).toMatchObject({ t: 31.2, followingNarration: true });
    p.tick(0.016, null); // narration paused: the scene runs on its own clock
    expect(p.getState().t).toBeCloseTo(31.216, 6);
    p.seek(10);
    p.tick(0.5, 40);
    expect(p.getState()).toMatchObject({ t: 10.5, followingNarration: false });
    p.replay();
    p.tick(0.016, 3);
    expect(p.getState()).toMatchObject({ t: 3, followingNarration: true });
  });

  it('clamps seeks into the timeline and counts them for the sound cursor', () => {
    const p = createPlayback(20);
    p.seek(-4);
    expect(p.getState().t).toBe(0);
    p.seek(400);
    expect(p.getState()).toMatchObject({ t: 20, ended: true, seekCount: 2 });
    p.seek(Number.NaN);
    expect(p.getState().t).toBe(0);
  });

  it('toggle flips between play and pause', () => {
    const p = createPlayback(5);
    p.toggle();
    expect(p.getState().playing).toBe(true);
    p.toggle();
    expect(p.getState().playing).toBe(false);
  });
});
