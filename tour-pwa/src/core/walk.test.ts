import { describe, expect, it } from 'vitest';
import type { Manifest } from '@dunkirk/content';
import type { Fix, LngLat, PositionSource } from '../geo';
import { destination, walkFixes } from '../geo';
import { createProgress } from './progress';
import { memoryKeyValue } from './store';
import { createWalkSession } from './walk';

const START: LngLat = [2.3585, 51.0382];
const route: LngLat[] = [0, 300, 600, 900].map((d) => destination(START, 90, d));
const stopAt = (id: string, d: number) => ({
  id,
  title: { en: id },
  position: destination(START, 90, d),
  trigger: { radiusM: 40, dwellS: 0, minAccuracyM: 50 },
  positionSource: 'test',
  scenarios: { adult: [] },
});
// Only the fields the walk reads; the schema is @dunkirk/content's business.
const manifest = {
  id: 'walk-test',
  version: '1.0.0',
  stops: [stopAt('a', 150), stopAt('b', 450), stopAt('c', 750)],
  route: { type: 'LineString', coordinates: route },
} as unknown as Manifest;

function manualSource(): PositionSource & { push(f: Fix): void; stopped: boolean } {
  let listener: ((f: Fix) => void) | null = null;
  const s = {
    stopped: false,
    start(onFix: (f: Fix) => void) {
      listener = onFix;
      return () => {
        s.stopped = true;
        listener = null;
      };
    },
    push: (f: Fix) => listener?.(f),
  };
  return s;
}

describe('a walk', () => {
  it('fires every stop once, in order, along a noisy walk, and records them in the progress', () => {
    const progress = createProgress(memoryKeyValue());
    progress.start(manifest.id, manifest.version, 'adult', 0);
    const source = manualSource();
    const walk = createWalkSession({ manifest, progress, source, now: () => 1 });
    const arrivals: string[] = [];
    walk.store.subscribe((s, prev) => {
      if (s.arrival && s.arrival !== prev.arrival) arrivals.push(s.arrival.stopId);
    });
    walk.start();
    for (const f of walkFixes(route, { everyM: 5, noiseM: 10, accuracyM: 12, seed: 42 })) source.push(f);
    expect(arrivals).toEqual(['a', 'b', 'c']);
    expect(progress.store.get().tours[manifest.id]!.visited).toEqual(['a', 'b', 'c']);
    expect(progress.store.get().tours[manifest.id]!.finishedAt).toBe(1);
    walk.stop();
    expect(source.stopped).toBe(true);
  });

  it('fires nothing on a fix with 200 m accuracy, even right on a stop, and says the fix is unusable', () => {
    const progress = createProgress(memoryKeyValue());
    const source = manualSource();
    const walk = createWalkSession({ manifest, progress, source });
    walk.start();
    source.push({ position: manifest.stops[0]!.position as LngLat, accuracyM: 200, timestamp: 1000 });
    expect(walk.store.get().arrival).toBeNull();
    expect(walk.store.get().fixUsable).toBe(false);
    expect(walk.store.get().fix?.accuracyM).toBe(200);
  });

  it('gives the distance and bearing to the next stop', () => {
    const walk = createWalkSession({
      manifest,
      progress: createProgress(memoryKeyValue()),
      source: manualSource(),
    });
    walk.handleFix({ position: START, accuracyM: 5, timestamp: 1 });
    const next = walk.store.get().next!;
    expect(next.stopId).toBe('a');
    expect(next.distanceM).toBeGreaterThan(140);
    expect(next.distanceM).toBeLessThan(160);
    expect(Math.round(next.bearingDeg)).toBe(90);
  });

  it('"I\'m here" arrives at a stop by hand, and a resumed walk does not fire visited stops again', () => {
    const kv = memoryKeyValue();
    const progress = createProgress(kv);
    progress.start(manifest.id, manifest.version, 'adult', 0);
    const first = createWalkSession({ manifest, progress, source: manualSource() });
    first.arriveManually('a');
    expect(first.store.get().arrival).toMatchObject({ stopId: 'a', manual: true });

    const resumedProgress = createProgress(kv); // a reload: same storage
    const source = manualSource();
    const resumed = createWalkSession({ manifest, progress: resumedProgress, source });
    resumed.start();
    const arrivals: string[] = [];
    resumed.store.subscribe(
      (s, prev) => s.arrival !== prev.arrival && s.arrival && arrivals.push(s.arrival.stopId),
    );
    for (const f of walkFixes(route, { everyM: 5, noiseM: 3, accuracyM: 8, seed: 3 })) source.push(f);
    expect(arrivals).toEqual(['b', 'c']);
  });

  it('reports a refused permission as an error code', () => {
    const source: PositionSource = {
      start(_onFix, onError) {
        onError?.({ code: 'PERMISSION_DENIED' } as Parameters<NonNullable<typeof onError>>[0]);
        return () => undefined;
      },
    };
    const walk = createWalkSession({ manifest, progress: createProgress(memoryKeyValue()), source });
    walk.start();
    expect(walk.store.get().error).toBe('PERMISSION_DENIED');
  });
});
