import type { KeyValue, Store } from './store';
import { persisted } from './store';

/** Where a visitor is in a tour; persisted so a reload or a closed tab resumes the walk. */
export interface TourProgress {
  tourId: string;
  version: string;
  scenarioId: string;
  visited: string[];
  /** The stop whose content is open, if any. */
  openStopId: string | null;
  startedAt: number;
  finishedAt: number | null;
}

export interface ProgressState {
  /** Tour id → progress. */
  tours: Record<string, TourProgress>;
  /** The tour being walked now: while set, app updates wait (they never interrupt a tour). */
  activeTourId: string | null;
}

export interface ProgressStore {
  store: Store<ProgressState>;
  start(tourId: string, version: string, scenarioId: string, now: number): TourProgress;
  markVisited(tourId: string, stopId: string, allStopIds: readonly string[], now: number): void;
  openStop(tourId: string, stopId: string | null): void;
  leave(): void;
  reset(tourId: string): void;
}

export function createProgress(kv: KeyValue): ProgressStore {
  const store = persisted<ProgressState>(kv, 'dunkirk.progress', 1, { tours: {}, activeTourId: null });
  const patch = (tourId: string, f: (p: TourProgress) => TourProgress): void =>
    store.set((s) => {
      const p = s.tours[tourId];
      return p ? { tours: { ...s.tours, [tourId]: f(p) } } : {};
    });
  return {
    store,
    start(tourId, version, scenarioId, now) {
      const existing = store.get().tours[tourId];
      // A new version or another scenario is a new walk; the same one resumes.
      const p: TourProgress =
        existing && existing.version === version && existing.scenarioId === scenarioId && !existing.finishedAt
          ? existing
          : { tourId, version, scenarioId, visited: [], openStopId: null, startedAt: now, finishedAt: null };
      store.set((s) => ({ tours: { ...s.tours, [tourId]: p }, activeTourId: tourId }));
      return p;
    },
    markVisited(tourId, stopId, allStopIds, now) {
      patch(tourId, (p) => {
        if (p.visited.includes(stopId)) return { ...p, openStopId: stopId };
        const visited = [...p.visited, stopId];
        const finished = allStopIds.every((id) => visited.includes(id));
        return { ...p, visited, openStopId: stopId, finishedAt: finished ? now : null };
      });
    },
    openStop(tourId, stopId) {
      patch(tourId, (p) => ({ ...p, openStopId: stopId }));
    },
    leave() {
      store.set({ activeTourId: null });
    },
    reset(tourId) {
      store.set((s) => {
        const tours = { ...s.tours };
        delete tours[tourId];
        return { tours, activeTourId: s.activeTourId === tourId ? null : s.activeTourId };
      });
    },
  };
}
