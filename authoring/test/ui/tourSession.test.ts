/**
 * The editor's session core against the real API (Hono's in-process `request`, no browser): two
 * curators on the same stop, a text-editor change on disk, and what each sees.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportPublicKeyPem, generateSigningKeyPair } from '@dunkirk/content';
import { createApp, etagOf } from '../../src/server';
import { TourSession } from '../../ui/src/core/tourSession';
import type { TempTours } from '../server/fixtures';
import { tempTours, threeStopTour } from '../server/fixtures';

let keys: { privateKey: CryptoKey; trustedKeys: string[] };
beforeAll(async () => {
  const pair = await generateSigningKeyPair();
  keys = { privateKey: pair.privateKey, trustedKeys: [await exportPublicKeyPem(pair.publicKey)] };
});

let t: TempTours;
beforeEach(async () => {
  t = await tempTours();
  await threeStopTour(t.store);
  const app = createApp({ store: t.store, publishDir: t.publishDir, signing: keys });
  vi.stubGlobal('fetch', (url: string, init?: RequestInit) =>
    app.request(new URL(url, 'http://localhost'), init),
  );
});
const sessions: TourSession[] = [];
function session(): TourSession {
  const s = new TourSession('digue');
  sessions.push(s);
  return s;
}
afterEach(async () => {
  for (const s of sessions.splice(0)) s.dispose();
  vi.unstubAllGlobals();
  await t.cleanup();
});

describe('TourSession', () => {
  it('loads the tour, its stops, its route and the report', async () => {
    const s = session();
    await s.load();
    expect(s.snapshot.status).toBe('ready');
    expect(Object.keys(s.snapshot.stops).sort()).toEqual(['stop-1', 'stop-2', 'stop-3']);
    expect(s.snapshot.route?.value.geometry?.coordinates).toHaveLength(3);
    expect(s.snapshot.report?.valid).toBe(true);
  });

  it('two curators save the same stop: the second gets a conflict, then chooses', async () => {
    const anne = session();
    const bram = session();
    await Promise.all([anne.load(), bram.load()]);
    const stopA = anne.snapshot.stops['stop-2']!.value;
    const stopB = bram.snapshot.stops['stop-2']!.value;

    expect(await anne.saveStop({ ...stopA, title: { ...stopA.title, fr: 'Le Kursaal' } })).toEqual({
      ok: true,
    });
    const second = await bram.saveStop({ ...stopB, title: { ...stopB.title, fr: 'Le casino' } });
    expect(second.ok).toBe(false);
    expect(bram.snapshot.conflicts.map((c) => c.file)).toEqual(['stops/stop-2.json']);
    expect(
      (await t.store.readJson<{ title: { fr: string } }>('digue', 'stops/stop-2.json')).value.title.fr,
    ).toBe('Le Kursaal');

    // Bram looks at Anne's version first…
    await bram.resolve(bram.snapshot.conflicts[0]!, 'theirs');
    expect(bram.snapshot.stops['stop-2']!.value.title.fr).toBe('Le Kursaal');
    expect(bram.snapshot.conflicts).toEqual([]);
    // …and a deliberate overwrite is possible, but only as a choice.
    const again = await bram.saveStop({ ...stopB, title: { ...stopB.title, fr: 'Le casino' } }, 'stale-etag');
    expect(again.ok).toBe(false);
    await bram.resolve(bram.snapshot.conflicts[0]!, 'mine');
    expect(
      (await t.store.readJson<{ title: { fr: string } }>('digue', 'stops/stop-2.json')).value.title.fr,
    ).toBe('Le casino');
  });

  it('reloads a file changed on disk and says so; ignores the echo of its own save', async () => {
    const s = session();
    await s.load();
    const stop = s.snapshot.stops['stop-1']!.value;
    await s.saveStop({ ...stop, positionSource: 'checked on site' });
    await s.applyExternalChange({
      tour: 'digue',
      file: 'stops/stop-1.json',
      etag: s.snapshot.stops['stop-1']!.etag,
    });
    expect(s.snapshot.reloaded).toEqual([]);

    const edited = { ...stop, positionSource: 'edited in a text editor' };
    const { etag } = await t.store.read('digue', 'stops/stop-1.json');
    const written = await t.store.write(
      'digue',
      'stops/stop-1.json',
      new TextEncoder().encode(JSON.stringify(edited)),
      {
        ifMatch: etag,
      },
    );
    await s.applyExternalChange({ tour: 'digue', file: 'stops/stop-1.json', etag: written.etag });
    expect(s.snapshot.stops['stop-1']!.value.positionSource).toBe('edited in a text editor');
    expect(s.snapshot.stops['stop-1']!.etag).toBe(etagOf(JSON.stringify(edited)));
    expect(s.snapshot.reloaded).toEqual(['stops/stop-1.json']);
  });

  it('adds and removes stops, keeping tour.json and the stop files together', async () => {
    const s = session();
    await s.load();
    const id = await s.addStop([2.392, 51.053], { fr: 'Arrêt 4' });
    expect(s.snapshot.tour?.value.stops).toEqual(['stop-1', 'stop-2', 'stop-3', id]);
    expect(s.snapshot.stops[id]?.value.position).toEqual([2.392, 51.053]);
    await s.removeStop(id);
    expect(s.snapshot.tour?.value.stops).toEqual(['stop-1', 'stop-2', 'stop-3']);
    expect(s.snapshot.stops[id]).toBeUndefined();
  });

  it('saving the route updates the distance visitors see', async () => {
    const s = session();
    await s.load();
    await s.saveRoute([
      [2.3875, 51.0505],
      [2.3915, 51.0525],
    ]);
    expect(s.snapshot.tour?.value['distanceM']).toBeGreaterThan(300);
    expect(s.snapshot.tour?.value['distanceM']).toBeLessThan(400);
  });
});
