import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthoringError, jsonBytes } from '../../src/server';
import type { TempTours } from './fixtures';
import { DIGUE, tempTours, threeStopTour } from './fixtures';

let t: TempTours;
beforeEach(async () => {
  t = await tempTours();
});
afterEach(() => t.cleanup());

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AuthoringError);
    return (err as AuthoringError).code;
  }
  throw new Error('expected a refusal');
}

describe('TourStore: files on disk are the source of truth', () => {
  it('creates a tour folder that git can read: tour.json, route.geojson, SOURCES.md, stops/, media/', async () => {
    await t.store.createTour({ id: 'nouveau', title: { fr: 'Nouveau' } });
    const names = (await readdir(join(t.toursDir, 'nouveau'))).sort();
    expect(names).toEqual(['SOURCES.md', 'media', 'route.geojson', 'stops', 'tour.json']);
    const tour = JSON.parse(await readFile(join(t.toursDir, 'nouveau', 'tour.json'), 'utf8'));
    expect(tour).toMatchObject({ id: 'nouveau', version: '0.1.0', locales: ['fr', 'en', 'nl'], stops: [] });
    expect(await codeOf(t.store.createTour({ id: 'nouveau', title: { fr: 'x' } }))).toBe('TOUR_EXISTS');
  });

  it('a second save based on an old ETag is refused with ETAG_MISMATCH (412), not applied', async () => {
    await threeStopTour(t.store);
    const a = await t.store.read('digue', 'stops/stop-1.json');
    const b = await t.store.read('digue', 'stops/stop-1.json');
    expect(a.etag).toBe(b.etag);
    const edit = (title: string): Uint8Array => {
      const s = JSON.parse(new TextDecoder().decode(a.bytes));
      return jsonBytes({ ...s, title: { fr: title } });
    };
    const first = await t.store.write('digue', 'stops/stop-1.json', edit('Première'), { ifMatch: a.etag });
    expect(first.etag).not.toBe(a.etag);
    const err = await t.store
      .write('digue', 'stops/stop-1.json', edit('Seconde'), { ifMatch: b.etag })
      .catch((e: AuthoringError) => e);
    expect(err).toBeInstanceOf(AuthoringError);
    expect((err as AuthoringError).code).toBe('ETAG_MISMATCH');
    expect((err as AuthoringError).status).toBe(412);
    expect((err as AuthoringError).details.etag).toBe(first.etag);
    const onDisk = JSON.parse(await readFile(join(t.toursDir, 'digue', 'stops', 'stop-1.json'), 'utf8'));
    expect(onDisk.title).toEqual({ fr: 'Première' });
  });

  it('refuses a write without a precondition (428) and a create over an existing file', async () => {
    await threeStopTour(t.store);
    expect(await codeOf(t.store.write('digue', 'stops/stop-1.json', jsonBytes({}), {}))).toBe(
      'PRECONDITION_REQUIRED',
    );
    expect(
      await codeOf(t.store.write('digue', 'stops/stop-1.json', jsonBytes({}), { ifNoneMatch: '*' })),
    ).toBe('ETAG_MISMATCH');
    await t.store.write('digue', 'stops/new.json', jsonBytes({ id: 'new' }), { ifNoneMatch: '*' });
    expect(JSON.parse(await readFile(join(t.toursDir, 'digue', 'stops', 'new.json'), 'utf8'))).toEqual({
      id: 'new',
    });
  });

  it('refuses paths outside the source form: traversal, dot-files, other folders, non-JSON into .json', async () => {
    await threeStopTour(t.store);
    for (const rel of ['../x.json', 'stops/../../x.json', '.keys/k.pem', 'dist/a.js', '/etc/passwd']) {
      expect(await codeOf(t.store.write('digue', rel, jsonBytes({}), { ifNoneMatch: '*' }))).toBe(
        'PATH_UNSAFE',
      );
    }
    expect(await codeOf(t.store.read('../etc', 'tour.json'))).toBe('PATH_UNSAFE');
    const { etag } = await t.store.read('digue', 'tour.json');
    expect(
      await codeOf(t.store.write('digue', 'tour.json', new TextEncoder().encode('{oops'), { ifMatch: etag })),
    ).toBe('BODY_INVALID');
  });

  it('adds stops to the tour list in order and removes them with their file', async () => {
    await threeStopTour(t.store);
    const { value: tour } = await t.store.readJson<{ stops: string[] }>('digue', 'tour.json');
    expect(tour.stops).toEqual(['stop-1', 'stop-2', 'stop-3']);
    await t.store.addStop('digue', {
      id: 'middle',
      title: { fr: 'Milieu' },
      position: DIGUE[1]!,
      after: 'stop-1',
    });
    expect((await t.store.readJson<{ stops: string[] }>('digue', 'tour.json')).value.stops).toEqual([
      'stop-1',
      'middle',
      'stop-2',
      'stop-3',
    ]);
    expect(
      await codeOf(t.store.addStop('digue', { id: 'middle', title: { fr: 'x' }, position: DIGUE[0]! })),
    ).toBe('STOP_EXISTS');
    const { etag } = await t.store.read('digue', 'stops/middle.json');
    await t.store.removeStop('digue', 'middle', { ifMatch: etag });
    expect((await t.store.readJson<{ stops: string[] }>('digue', 'tour.json')).value.stops).not.toContain(
      'middle',
    );
    expect(await codeOf(t.store.read('digue', 'stops/middle.json'))).toBe('NOT_FOUND');
  });

  it('duplicates a tour under a new id at version 0.1.0 and archives one out of the list', async () => {
    await threeStopTour(t.store);
    await t.store.duplicateTour('digue', 'digue-copie');
    const copy = (
      await t.store.readJson<{ id: string; version: string; stops: string[] }>('digue-copie', 'tour.json')
    ).value;
    expect(copy).toMatchObject({
      id: 'digue-copie',
      version: '0.1.0',
      stops: ['stop-1', 'stop-2', 'stop-3'],
    });
    const { archivedTo } = await t.store.archiveTour('digue');
    expect(archivedTo.startsWith(t.store.archiveDir)).toBe(true);
    expect((await t.store.listTours()).map((s) => s.id)).toEqual(['digue-copie']);
  });

  it('serialises concurrent read-modify-writes of one tour: no update is lost', async () => {
    await threeStopTour(t.store);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.store.updateJson<{ assets: unknown[] }>('digue', 'tour.json', (tour) => ({
          ...tour,
          assets: [
            ...tour.assets,
            { id: `media/${i}.webp`, mediaType: 'image/webp', credit: 'c', licence: 'l' },
          ],
        })),
      ),
    );
    expect((await t.store.readJson<{ assets: unknown[] }>('digue', 'tour.json')).value.assets).toHaveLength(
      20,
    );
  });

  it('leaves no temporary file behind after writes', async () => {
    await threeStopTour(t.store);
    await writeFile(join(t.toursDir, 'digue', 'note.txt'), 'x');
    const all = await readdir(join(t.toursDir, 'digue'), { recursive: true });
    expect(all.filter((n) => n.includes('.~authoring-'))).toEqual([]);
  });
});
