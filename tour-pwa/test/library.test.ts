/**
 * The offline library (download manager) as a specification: packages are fetched from
 * a real HTTP server, verified through @dunkirk/content, and committed to Cache Storage
 * only when every byte checks out.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPublicKeyPem, generateSigningKeyPair } from '@dunkirk/content';
import { fetchCatalogue } from '../src/core/catalogue';
import type { TourSummary } from '../src/core/catalogue';
import { createLibrary } from '../src/core/library';
import type { LibraryDeps } from '../src/core/library';
import { PACKAGE_CACHE } from '../src/core/cacheNames';
import { TourAppError } from '../src/core/errors';
import { memoryKeyValue } from '../src/core/store';
import { startStaticServer } from '../server/staticServer';
import type { StaticServer } from '../server/staticServer';
import { BROKEN_ID, FIXTURE_ID, buildFixtures } from './support/buildFixtures';
import type { Fixtures } from './support/buildFixtures';
import { memoryCaches } from './support/memoryCaches';

let fx: Fixtures;
let server: StaticServer;
let tours: TourSummary[];

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'tour-pwa-lib-'));
  fx = await buildFixtures(join(root, 'tours'));
  server = await startStaticServer({ host: '127.0.0.1', port: 0, appDir: root, toursDir: fx.root });
  tours = await fetchCatalogue(fetch, `${server.url}tours/catalogue.json`);
}, 60_000);

afterAll(() => server?.close());

const tour = (id: string): TourSummary => tours.find((t) => t.id === id)!;

function setup(over: Partial<LibraryDeps> = {}) {
  const caches = memoryCaches();
  const fetched: string[] = [];
  const persistCalls: number[] = [];
  const deps: LibraryDeps = {
    fetch: (input, init) => {
      fetched.push(String(input));
      return fetch(input, init);
    },
    caches,
    storage: {
      estimate: async () => ({ quota: 1e9, usage: 0 }),
      persist: async () => {
        persistCalls.push(1);
        return true;
      },
      persisted: async () => false,
    },
    trustedKeys: [fx.publicKeyPem],
    kv: memoryKeyValue(),
    ...over,
  };
  return { library: createLibrary(deps), caches, fetched, persistCalls, deps };
}

async function failure(p: Promise<unknown>): Promise<TourAppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TourAppError);
  return err as TourAppError;
}

describe('download', () => {
  it('fetches, verifies and commits a package, reporting progress up to the catalogue size', async () => {
    const { library, caches, persistCalls } = setup();
    const progress: number[] = [];
    library.store.subscribe((s) => {
      const d = s.downloads[FIXTURE_ID];
      if (d?.status === 'downloading') progress.push(d.doneBytes / d.totalBytes);
    });
    await library.download(tour(FIXTURE_ID));
    expect(library.store.get().downloads[FIXTURE_ID]).toEqual({ status: 'ready' });
    expect(Object.keys(library.store.get().installed)).toEqual([FIXTURE_ID]);
    expect(progress.length).toBeGreaterThan(3);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
    expect(persistCalls.length).toBe(1);
    expect(library.store.get().persisted).toBe(true);
    const manifest = await library.open(FIXTURE_ID);
    expect(manifest.stops.map((s) => s.id)).toEqual(['stop-1', 'stop-2', 'stop-3']);
    const keys = await caches.get(PACKAGE_CACHE).keys();
    expect(keys).toHaveLength(manifest.assets.length + 2);
    expect(library.store.get().installed[FIXTURE_ID]!.bytes).toBe(tour(FIXTURE_ID).packageBytes);
  });

  it('refuses a package with one asset byte changed, naming the check, and commits nothing', async () => {
    const { library, caches } = setup();
    const err = await failure(library.download(tour(BROKEN_ID)));
    expect(err.code).toBe('PACKAGE_REFUSED');
    expect(err.details.code).toBe('ASSET_HASH_MISMATCH');
    expect(library.store.get().installed).toEqual({});
    expect(library.store.get().downloads[BROKEN_ID]).toMatchObject({
      status: 'failed',
      code: 'PACKAGE_REFUSED',
    });
    const manifests = (await caches.get(PACKAGE_CACHE).keys()).filter((k) => k.url.endsWith('manifest.json'));
    expect(manifests).toEqual([]);
  });

  it('refuses a package signed by a key it does not trust', async () => {
    const other = await exportPublicKeyPem((await generateSigningKeyPair()).publicKey);
    const { library } = setup({ trustedKeys: [other] });
    const err = await failure(library.download(tour(FIXTURE_ID)));
    expect(err.code).toBe('PACKAGE_REFUSED');
    expect(err.details.code).toBe('KEY_UNKNOWN');
  });

  it('says how much space is needed when the quota is short, before fetching any asset', async () => {
    const { library, fetched } = setup({
      storage: {
        estimate: async () => ({ quota: 10_000, usage: 9_000 }),
        persist: async () => false,
        persisted: async () => false,
      },
    });
    const err = await failure(library.download(tour(FIXTURE_ID)));
    expect(err.code).toBe('QUOTA_EXCEEDED');
    expect(err.details.available).toBe(1_000);
    expect(err.details.needed).toBeGreaterThan(1_000);
    expect(fetched.filter((u) => u.includes('/assets/'))).toEqual([]);
  });

  it('resumes an interrupted download without fetching again what it already verified', async () => {
    let budget = 3;
    const { library, deps, fetched } = setup();
    const realFetch = deps.fetch;
    deps.fetch = (input, init) => {
      if (String(input).includes('/assets/') && budget-- <= 0)
        return Promise.reject(new TypeError('network down'));
      return realFetch(input, init);
    };
    const err = await failure(library.download(tour(FIXTURE_ID)));
    expect(err.code).toBe('DOWNLOAD_FAILED');
    expect(library.store.get().installed).toEqual({});
    deps.fetch = realFetch;
    const before = fetched.filter((u) => u.includes('/assets/')).length;
    await library.download(tour(FIXTURE_ID));
    const manifest = await library.open(FIXTURE_ID);
    const again = fetched.filter((u) => u.includes('/assets/')).length - before;
    expect(again).toBe(manifest.assets.length - 3);
  });

  it('continues a file cut mid-stream with an HTTP Range request', async () => {
    const ranges: string[] = [];
    let cut = true;
    const { library, deps } = setup();
    const realFetch = deps.fetch;
    deps.fetch = async (input, init) => {
      const range = (init?.headers as Record<string, string> | undefined)?.Range;
      if (range) ranges.push(range);
      const res = await realFetch(input, init);
      if (!cut || !String(input).endsWith('.opus')) return res;
      cut = false;
      // Deliver the first 100 bytes, then fail like a dropped connection.
      const bytes = new Uint8Array(await res.arrayBuffer());
      let pulls = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(c) {
          if (pulls++ === 0) c.enqueue(bytes.slice(0, 100));
          else c.error(new TypeError('connection reset'));
        },
      });
      return new Response(body, { status: 200 });
    };
    await library.download(tour(FIXTURE_ID));
    expect(ranges).toEqual(['bytes=100-']);
    expect(library.store.get().downloads[FIXTURE_ID]).toEqual({ status: 'ready' });
  });
});

describe('an installed tour', () => {
  it('serves assets only after checking their hash again', async () => {
    const { library, caches } = setup();
    await library.download(tour(FIXTURE_ID));
    const manifest = await library.open(FIXTURE_ID);
    const audio = manifest.assets.find((a) => a.mediaType.startsWith('audio/'))!;
    expect(await library.assetUrl(FIXTURE_ID, audio)).toMatch(/^blob:/);
    const vtt = manifest.assets.find((a) => a.mediaType === 'text/vtt')!;
    const url = (await caches.get(PACKAGE_CACHE).keys())
      .map((k) => k.url)
      .find((u) => u.includes(vtt.sha256))!;
    await caches.get(PACKAGE_CACHE).tamper(url, (b) => (b[0]! ^= 1));
    const err = await failure(library.assetUrl(FIXTURE_ID, vtt));
    expect(err.code).toBe('PACKAGE_REFUSED');
    expect(err.details.code).toBe('ASSET_HASH_MISMATCH');
  });

  it('loads the map layers document from the cache with the package, hash checked, fetching nothing', async () => {
    const kv = memoryKeyValue();
    const { library, caches, fetched } = setup({ kv });
    await library.download(tour(FIXTURE_ID));
    const manifest = await library.open(FIXTURE_ID);
    expect(manifest.layers).toMatch(/^[0-9a-f]{64}$/);
    const before = fetched.length;
    const doc = await library.layers(manifest);
    expect(fetched.length).toBe(before);
    expect(doc?.tour).toBe(FIXTURE_ID);
    expect(doc?.points.find((p) => p.id === 'stop-jbart')?.category).toBe('transport');
    expect(doc?.library?.stops['stop-1']?.length).toBeGreaterThan(0);
    expect(await library.layers(manifest)).toBe(doc); // decoded once per tour

    // Tampered in the cache: refused, like any asset.
    const url = (await caches.get(PACKAGE_CACHE).keys())
      .map((k) => k.url)
      .find((u) => u.includes(manifest.layers!))!;
    await caches.get(PACKAGE_CACHE).tamper(url, (b) => (b[5]! ^= 1));
    const fresh = setup({ caches, kv }); // a new page: nothing decoded yet
    const err = await failure(fresh.library.layers(manifest));
    expect(err.code).toBe('PACKAGE_REFUSED');
    expect(err.details.code).toBe('ASSET_HASH_MISMATCH');
  });

  it('gives no layers for a tour without them', async () => {
    const { library } = setup();
    await library.download(tour(FIXTURE_ID));
    const manifest = await library.open(FIXTURE_ID);
    const { layers: _layers, ...without } = manifest;
    expect(await library.layers(without)).toBeNull();
  });

  it('is refused on open when its cached manifest was altered', async () => {
    const { library, caches } = setup();
    await library.download(tour(FIXTURE_ID));
    const url = library.store.get().installed[FIXTURE_ID]!.manifestUrl;
    await caches.get(PACKAGE_CACHE).tamper(url, (b) => (b[10]! ^= 1));
    const err = await failure(library.open(FIXTURE_ID));
    expect(err.code).toBe('PACKAGE_REFUSED');
    expect(err.details.code).toBe('SIGNATURE_INVALID');
  });

  it('is deleted with every file of it', async () => {
    const { library, caches } = setup();
    await library.download(tour(FIXTURE_ID));
    await library.remove(FIXTURE_ID);
    expect(library.store.get().installed).toEqual({});
    expect(await caches.get(PACKAGE_CACHE).keys()).toEqual([]);
    expect((await failure(library.open(FIXTURE_ID))).code).toBe('TOUR_NOT_DOWNLOADED');
  });

  it('survives a reload through its persisted record, and forgets what the browser evicted', async () => {
    const { library, caches, deps } = setup();
    await library.download(tour(FIXTURE_ID));
    const again = createLibrary(deps);
    expect(Object.keys(again.store.get().installed)).toEqual([FIXTURE_ID]);
    await caches.get(PACKAGE_CACHE).delete(again.store.get().installed[FIXTURE_ID]!.manifestUrl);
    await again.reconcile();
    expect(again.store.get().installed).toEqual({});
  });
});

describe('offline map tiles', () => {
  it('caches the tiles of the tour area from the configured URL at download', async () => {
    const { lonLatToTile } = await import('../src/core/tiles');
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const [w, s, e, n] = tour(FIXTURE_ID).bounds;
    // Serve the z12–13 tiles of the area from the fixture folder.
    const served: string[] = [];
    for (const z of [12, 13]) {
      const a = lonLatToTile(w, n, z);
      const b = lonLatToTile(e, s, z);
      for (let x = a.x; x <= b.x; x++)
        for (let y = a.y; y <= b.y; y++) {
          mkdirSync(join(fx.root, 'tiles', String(z), String(x)), { recursive: true });
          writeFileSync(join(fx.root, 'tiles', String(z), String(x), `${y}.png`), `tile ${z}/${x}/${y}`);
          served.push(`${z}/${x}/${y}`);
        }
    }
    const { library, caches } = setup({
      tileUrl: `${server.url}tours/tiles/{z}/{x}/{y}.png`,
      offlineMaxZoom: 13,
    });
    await library.download(tour(FIXTURE_ID));
    const cached = (await caches.get('tour-tiles').keys()).map((k) =>
      k.url.split('/tiles/')[1]!.replace('.png', ''),
    );
    expect(cached.sort()).toEqual(served.sort());
  });
});
