import type { Manifest } from '@dunkirk/content';
import type { Fix, GeofenceEvent, LngLat, PositionSource } from '../geo';
import { createGeofencer } from '../geo';
import type { ProgressStore } from './progress';
import type { Store } from './store';
import { createStore } from './store';

export interface WalkState {
  running: boolean;
  /** The last fix heard (accepted or not): the map draws it with its accuracy circle. */
  fix: Fix | null;
  /** False when the last fix was too imprecise to trigger anything. */
  fixUsable: boolean;
  next: { stopId: string; distanceM: number; bearingDeg: number } | null;
  inside: string | null;
  visited: string[];
  /** The latest stop reached (by position or "I'm here"); the app opens it. */
  arrival: { stopId: string; at: number; manual: boolean; seq: number } | null;
  error: string | null;
}

export interface WalkSession {
  store: Store<WalkState>;
  start(): void;
  stop(): void;
  /** "I'm here": the visitor says they reached a stop the position could not confirm. */
  arriveManually(stopId: string): void;
  /** Fed by the source; exposed so tests and replay can push fixes directly. */
  handleFix(fix: Fix): GeofenceEvent[];
}

/**
 * A walk: position source → geofencer → tour progress. No DOM; the page
 * provides the source (`deviceSource(navigator.geolocation)` or `simulatedWalk`).
 */
export function createWalkSession(opts: {
  manifest: Manifest;
  progress: ProgressStore;
  source: PositionSource;
  now?: () => number;
}): WalkSession {
  const { manifest, progress, source } = opts;
  const now = opts.now ?? Date.now;
  const stopIds = manifest.stops.map((s) => s.id);
  const fence = createGeofencer(
    manifest.stops.map((s) => ({
      id: s.id,
      position: s.position as LngLat,
      radiusM: s.trigger.radiusM,
      dwellS: s.trigger.dwellS,
      minAccuracyM: s.trigger.minAccuracyM,
    })),
    { order: 'sequential' },
  );
  const already = progress.store.get().tours[manifest.id]?.visited ?? [];
  fence.restore(already);
  const store = createStore<WalkState>({
    running: false,
    fix: null,
    fixUsable: false,
    next: null,
    inside: null,
    visited: [...already],
    arrival: null,
    error: null,
  });
  let seq = 0;
  let stopSource: (() => void) | null = null;

  function apply(events: GeofenceEvent[], fix: Fix | null): void {
    let arrival = store.get().arrival;
    for (const e of events) {
      if (e.type !== 'arrive') continue;
      // The start of the "geofence entry → narration playing" measurement (bench, e2e).
      globalThis.performance?.mark?.('geofence-arrive', { detail: e.stopId });
      progress.markVisited(manifest.id, e.stopId, stopIds, now());
      arrival = { stopId: e.stopId, at: e.at, manual: e.manual === true, seq: ++seq };
    }
    const from = fix?.position;
    store.set({
      visited: [...fence.state.visited],
      inside: fence.state.inside,
      next: from ? fence.next(from) : store.get().next,
      arrival,
    });
  }

  function handleFix(fix: Fix): GeofenceEvent[] {
    const events = fence.update(fix);
    const ignored = events.some((e) => e.type === 'ignored');
    store.set({ fix, fixUsable: !ignored, error: null });
    apply(events, fix);
    return events;
  }

  return {
    store,
    handleFix,
    start() {
      if (stopSource) return;
      store.set({ running: true, error: null });
      stopSource = source.start(handleFix, (e) => store.set({ error: e.code }));
    },
    stop() {
      stopSource?.();
      stopSource = null;
      store.set({ running: false });
    },
    arriveManually(stopId) {
      apply(fence.arriveManually(stopId, now()), store.get().fix);
    },
  };
}
