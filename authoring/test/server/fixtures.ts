import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LngLat } from '@dunkirk/content';
import { TourStore, jsonBytes } from '../../src/server';

/** Three points on the Dunkirk digue, about 150 m apart, walked south-west → north-east. */
export const DIGUE: LngLat[] = [
  [2.3875, 51.0505],
  [2.3895, 51.0515],
  [2.3915, 51.0525],
];

export interface TempTours {
  root: string;
  toursDir: string;
  publishDir: string;
  store: TourStore;
  cleanup(): Promise<void>;
}

export async function tempTours(): Promise<TempTours> {
  const root = await mkdtemp(join(tmpdir(), 'authoring-test-'));
  const toursDir = join(root, 'tours');
  const { mkdir } = await import('node:fs/promises');
  await mkdir(toursDir);
  return {
    root,
    toursDir,
    publishDir: join(root, 'published'),
    store: new TourStore({ toursDir }),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/** A tour with three stops on the digue, a route through them and a French text at each stop. */
export async function threeStopTour(store: TourStore, id = 'digue'): Promise<void> {
  await store.createTour({ id, title: { fr: 'La digue', en: 'The promenade', nl: 'De zeedijk' } });
  for (const [i, position] of DIGUE.entries()) {
    const { stopId } = await store.addStop(id, { title: { fr: `Arrêt ${i + 1}` }, position });
    await store.updateJson<Record<string, unknown>>(id, `stops/${stopId}.json`, (s) => ({
      ...s,
      title: { fr: `Arrêt ${i + 1}`, en: `Stop ${i + 1}`, nl: `Halte ${i + 1}` },
      common: [
        { type: 'text', markdown: { fr: `Texte ${i + 1}`, en: `Text ${i + 1}`, nl: `Tekst ${i + 1}` } },
      ],
    }));
  }
  const route = await store.read(id, 'route.geojson');
  await store.write(
    id,
    'route.geojson',
    jsonBytes({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: DIGUE } }),
    { ifMatch: route.etag },
  );
  await store.updateJson<Record<string, unknown>>(id, 'tour.json', (t) => ({
    ...t,
    map: { bounds: [2.38, 51.045, 2.4, 51.056] },
  }));
}
