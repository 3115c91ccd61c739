import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TourFileChange } from '../../src/server';
import { etagOf, jsonBytes, TourWatcher } from '../../src/server';
import type { TempTours } from './fixtures';
import { tempTours, threeStopTour } from './fixtures';

let t: TempTours;
let watcher: TourWatcher;
beforeEach(async () => {
  t = await tempTours();
  await threeStopTour(t.store);
  watcher = new TourWatcher(t.toursDir, 30);
});
afterEach(async () => {
  watcher.close();
  await t.cleanup();
});

function nextChange(file: string): Promise<TourFileChange> {
  return new Promise((ok) => {
    const off = watcher.onChange((c) => {
      if (c.file === file) {
        off();
        ok(c);
      }
    });
  });
}

describe('TourWatcher', () => {
  it('reports an edit made in a text editor, with the ETag the API will serve', async () => {
    const text = '{ "edited": "in vim" }\n';
    const seen = nextChange('stops/stop-1.json');
    await writeFile(join(t.toursDir, 'digue', 'stops', 'stop-1.json'), text);
    const change = await seen;
    expect(change).toEqual({ tour: 'digue', file: 'stops/stop-1.json', etag: etagOf(text) });
    expect((await t.store.read('digue', 'stops/stop-1.json')).etag).toBe(change.etag);
  });

  it('reports an atomic API write once under its final name, never the temporary file', async () => {
    const changes: TourFileChange[] = [];
    watcher.onChange((c) => changes.push(c));
    const { etag } = await t.store.read('digue', 'route.geojson');
    const bytes = jsonBytes({ type: 'LineString', coordinates: [] });
    const seen = nextChange('route.geojson');
    await t.store.write('digue', 'route.geojson', bytes, { ifMatch: etag });
    expect((await seen).etag).toBe(etagOf(bytes));
    await new Promise((r) => setTimeout(r, 150));
    expect(changes.filter((c) => c.file.includes('.~authoring-'))).toEqual([]);
    expect(changes.filter((c) => c.file === 'route.geojson')).toHaveLength(1);
  });
});
