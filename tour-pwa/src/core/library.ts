import { assetPath, decodeLayers, parseAndVerifyManifest, verifyAsset } from '@dunkirk/content';
import type { Asset, LayersDocument, Manifest } from '@dunkirk/content';
import type { TourSummary } from './catalogue';
import { TourEvictionPlugin } from './eviction';
import { TourAppError } from './errors';
import type { KeyValue, Store } from './store';
import { createStore, persisted } from './store';
import { tilesForBounds } from './tiles';

import { PACKAGE_CACHE, TILE_CACHE } from './cacheNames';

export type DownloadState =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'downloading'; doneBytes: number; totalBytes: number }
  | { status: 'ready' }
  | { status: 'failed'; code: string; details: Record<string, unknown> };

export interface InstalledTour {
  summary: TourSummary;
  manifestUrl: string;
  bytes: number;
  installedAt: number;
}

export interface LibraryState {
  installed: Record<string, InstalledTour>;
  downloads: Record<string, DownloadState>;
  persisted: boolean | null;
}

export interface LibraryDeps {
  fetch: typeof fetch;
  caches: CacheStorage;
  storage?: Pick<StorageManager, 'estimate' | 'persist' | 'persisted'>;
  trustedKeys: string[];
  kv: KeyValue;
  /** Optional tile URL template; the tour's area is cached at download when present. */
  tileUrl?: string;
  offlineMaxZoom?: number;
  now?: () => number;
}

export interface Library {
  store: Store<LibraryState>;
  download(tour: TourSummary): Promise<void>;
  cancel(id: string): void;
  remove(id: string): Promise<void>;
  /** The verified manifest of an installed tour (signature re-checked on every open). */
  open(id: string): Promise<Manifest>;
  /** An object URL for an asset of an installed tour, after checking its hash. */
  assetUrl(id: string, asset: Asset): Promise<string>;
  /**
   * The map layers document of an installed tour (`manifest.layers`), read from the cache, its hash
   * checked, then decoded with the layers schema; `null` when the tour has none. Nothing is fetched.
   */
  layers(manifest: Manifest): Promise<LayersDocument | null>;
  /** Drops installed entries whose manifest vanished from the cache (the browser evicted it, say). */
  reconcile(): Promise<void>;
}

const SAFETY_MARGIN = 1.1;

export function createLibrary(deps: LibraryDeps): Library {
  const saved = persisted<{ installed: Record<string, InstalledTour> }>(deps.kv, 'dunkirk.library', 1, {
    installed: {},
  });
  const store = createStore<LibraryState>({
    installed: saved.get().installed,
    downloads: {},
    persisted: null,
  });
  store.subscribe((s, prev) => {
    if (s.installed !== prev.installed) saved.set({ installed: s.installed });
  });
  const aborts = new Map<string, AbortController>();
  const eviction = new TourEvictionPlugin(deps.caches);
  const objectUrls = new Map<string, string>();
  const now = deps.now ?? Date.now;

  const setDownload = (id: string, d: DownloadState): void =>
    store.set((s) => ({ downloads: { ...s.downloads, [id]: d } }));

  async function fetchBytes(
    url: string,
    signal: AbortSignal,
    onBytes: (n: number) => void,
    expectedSize?: number,
  ): Promise<Uint8Array> {
    // Resumable: when the connection drops mid-file, ask for the rest with a Range header.
    const chunks: Uint8Array[] = [];
    let received = 0;
    for (let attempt = 0; ; attempt++) {
      try {
        const headers: Record<string, string> = received > 0 ? { Range: `bytes=${received}-` } : {};
        const res = await deps.fetch(url, { signal, headers, cache: 'no-cache' });
        if (received > 0 && res.status !== 206) {
          // The server ignored the range: start this file again.
          onBytes(-received);
          chunks.length = 0;
          received = 0;
        }
        if (!res.ok) throw new TourAppError('DOWNLOAD_FAILED', { path: url, status: res.status });
        if (!res.body) {
          const b = new Uint8Array(await res.arrayBuffer());
          chunks.push(b);
          received += b.byteLength;
          onBytes(b.byteLength);
        } else {
          const reader = res.body.getReader();
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            chunks.push(value);
            received += value.byteLength;
            onBytes(value.byteLength);
            if (expectedSize !== undefined && received > expectedSize) {
              throw new TourAppError('PACKAGE_REFUSED', { path: url, code: 'ASSET_SIZE_MISMATCH' });
            }
          }
        }
        return concat(chunks, received);
      } catch (err) {
        if (signal.aborted) throw new TourAppError('ABORTED', { path: url });
        if (err instanceof TourAppError || attempt >= 2) {
          throw err instanceof TourAppError
            ? err
            : new TourAppError('DOWNLOAD_FAILED', { path: url }, { cause: err });
        }
      }
    }
  }

  async function checkQuota(needed: number): Promise<void> {
    if (!deps.storage?.estimate) return;
    const { quota, usage } = await deps.storage.estimate();
    if (quota === undefined || usage === undefined) return;
    const available = quota - usage;
    if (needed * SAFETY_MARGIN > available) {
      throw new TourAppError('QUOTA_EXCEEDED', { needed, available });
    }
  }

  async function download(tour: TourSummary): Promise<void> {
    aborts.get(tour.id)?.abort();
    const abort = new AbortController();
    aborts.set(tour.id, abort);
    const { signal } = abort;
    setDownload(tour.id, { status: 'checking' });
    try {
      const cache = await deps.caches.open(PACKAGE_CACHE);
      const manifestUrl = new URL('manifest.json', tour.packageUrl).href;
      const sigUrl = new URL('manifest.sig', tour.packageUrl).href;
      const noop = (): void => {};
      const manifestBytes = await fetchBytes(manifestUrl, signal, noop);
      const sigBytes = await fetchBytes(sigUrl, signal, noop);
      const manifest = await verifyManifest(manifestBytes, sigBytes, manifestUrl);
      if (manifest.id !== tour.id) {
        throw new TourAppError('PACKAGE_REFUSED', { path: manifestUrl, code: 'ID_MISMATCH' });
      }

      // What is already cached and intact (an interrupted earlier download) is not fetched again.
      const todo: Asset[] = [];
      let done = manifestBytes.byteLength + sigBytes.byteLength;
      for (const asset of manifest.assets) {
        const url = new URL(assetPath(asset), tour.packageUrl).href;
        const hit = await cache.match(url);
        if (hit && (await isIntact(asset, hit))) done += asset.size ?? 0;
        else todo.push(asset);
      }
      const total = done + todo.reduce((n, a) => n + (a.size ?? 0), 0);
      await checkQuota(total - done);
      if (deps.storage?.persist && store.get().persisted !== true) {
        const granted = await deps.storage.persist().catch(() => false);
        store.set({ persisted: granted });
      }
      setDownload(tour.id, { status: 'downloading', doneBytes: done, totalBytes: total });
      for (const asset of todo) {
        const url = new URL(assetPath(asset), tour.packageUrl).href;
        const bytes = await fetchBytes(
          url,
          signal,
          (n) => {
            done += n;
            setDownload(tour.id, { status: 'downloading', doneBytes: done, totalBytes: total });
          },
          asset.size,
        );
        try {
          await verifyAsset(asset, bytes);
          // The layers document is checked at download too: a package whose layers cannot be read is refused.
          if (asset.id === manifest.layers) decodeLayers(bytes, assetPath(asset));
        } catch (cause) {
          throw refused(cause, url);
        }
        await cache.put(url, bytesResponse(bytes, asset.mediaType));
      }
      if (deps.tileUrl) await cacheTiles(tour, signal);
      // Commit: the manifest is written last, so its presence means "complete and verified".
      await cache.put(sigUrl, bytesResponse(sigBytes, 'application/json'));
      const manifestResponse = bytesResponse(manifestBytes, 'application/json');
      await cache.put(manifestUrl, manifestResponse.clone());
      await eviction.cacheDidUpdate({
        cacheName: PACKAGE_CACHE,
        request: new Request(manifestUrl),
        newResponse: manifestResponse,
      });
      store.set((s) => ({
        installed: {
          ...s.installed,
          [tour.id]: { summary: tour, manifestUrl, bytes: total, installedAt: now() },
        },
      }));
      setDownload(tour.id, { status: 'ready' });
    } catch (err) {
      const e =
        err instanceof TourAppError
          ? err
          : new TourAppError('DOWNLOAD_FAILED', { path: tour.packageUrl }, { cause: err });
      setDownload(tour.id, { status: 'failed', code: e.code, details: e.details });
      throw e;
    } finally {
      if (aborts.get(tour.id) === abort) aborts.delete(tour.id);
    }
  }

  async function cacheTiles(tour: TourSummary, signal: AbortSignal): Promise<void> {
    // Best effort: the fallback basemap covers what did not arrive.
    const tiles = tilesForBounds(tour.bounds, 12, deps.offlineMaxZoom ?? 16, 1500);
    const cache = await deps.caches.open(TILE_CACHE);
    for (const t of tiles) {
      if (signal.aborted) throw new TourAppError('ABORTED', {});
      const url = deps
        .tileUrl!.replace('{z}', String(t.z))
        .replace('{x}', String(t.x))
        .replace('{y}', String(t.y));
      if (await cache.match(url)) continue;
      try {
        const res = await deps.fetch(url, { signal });
        if (res.ok) await cache.put(url, res);
      } catch (_) {
        if (signal.aborted) throw new TourAppError('ABORTED', {});
      }
    }
  }

  async function verifyManifest(
    manifestBytes: Uint8Array,
    sigBytes: Uint8Array,
    path: string,
  ): Promise<Manifest> {
    try {
      return await parseAndVerifyManifest(manifestBytes, sigBytes, deps.trustedKeys);
    } catch (cause) {
      throw refused(cause, path);
    }
  }

  async function readInstalled(id: string): Promise<{ cache: Cache; tour: InstalledTour }> {
    const tour = store.get().installed[id];
    if (!tour) throw new TourAppError('TOUR_NOT_DOWNLOADED', { id });
    return { cache: await deps.caches.open(PACKAGE_CACHE), tour };
  }

  async function open(id: string): Promise<Manifest> {
    const { cache, tour } = await readInstalled(id);
    const m = await cache.match(tour.manifestUrl);
    const s = await cache.match(new URL('manifest.sig', tour.manifestUrl).href);
    if (!m || !s) throw new TourAppError('TOUR_NOT_DOWNLOADED', { id });
    return verifyManifest(
      new Uint8Array(await m.arrayBuffer()),
      new Uint8Array(await s.arrayBuffer()),
      tour.manifestUrl,
    );
  }

  async function assetUrl(id: string, asset: Asset): Promise<string> {
    const key = `${id}/${asset.id}`;
    const known = objectUrls.get(key);
    if (known) return known;
    const { cache, tour } = await readInstalled(id);
    const url = new URL(assetPath(asset), tour.manifestUrl).href;
    const res = await cache.match(url);
    if (!res) throw new TourAppError('ASSET_NOT_CACHED', { id, path: url });
    const bytes = new Uint8Array(await res.arrayBuffer());
    try {
      await verifyAsset(asset, bytes);
    } catch (cause) {
      throw refused(cause, url);
    }
    const objectUrl = URL.createObjectURL(new Blob([bytes as BlobPart], { type: asset.mediaType }));
    objectUrls.set(key, objectUrl);
    return objectUrl;
  }

  const layersDocs = new Map<string, Promise<LayersDocument | null>>();
  function layers(manifest: Manifest): Promise<LayersDocument | null> {
    const asset = manifest.assets.find((a) => a.id === manifest.layers);
    if (!asset) return Promise.resolve(null);
    const key = `${manifest.id}/${asset.id}`;
    let doc = layersDocs.get(key);
    if (!doc) {
      doc = (async () => {
        const { cache, tour } = await readInstalled(manifest.id);
        const url = new URL(assetPath(asset), tour.manifestUrl).href;
        const res = await cache.match(url);
        if (!res) throw new TourAppError('ASSET_NOT_CACHED', { id: manifest.id, path: url });
        const bytes = new Uint8Array(await res.arrayBuffer());
        try {
          await verifyAsset(asset, bytes);
          return decodeLayers(bytes, assetPath(asset));
        } catch (cause) {
          throw refused(cause, url);
        }
      })();
      doc.catch(() => layersDocs.delete(key));
      layersDocs.set(key, doc);
    }
    return doc;
  }

  async function remove(id: string): Promise<void> {
    aborts.get(id)?.abort();
    const tour = store.get().installed[id];
    if (tour) {
      const cache = await deps.caches.open(PACKAGE_CACHE);
      const prefix = tour.manifestUrl.slice(0, -'manifest.json'.length);
      await cache.delete(tour.manifestUrl);
      for (const k of await cache.keys()) if (k.url.startsWith(prefix)) await cache.delete(k);
    }
    for (const k of layersDocs.keys()) if (k.startsWith(`${id}/`)) layersDocs.delete(k);
    for (const [k, u] of objectUrls) {
      if (k.startsWith(`${id}/`)) {
        URL.revokeObjectURL(u);
        objectUrls.delete(k);
      }
    }
    store.set((s) => {
      const installed = { ...s.installed };
      delete installed[id];
      const downloads = { ...s.downloads };
      delete downloads[id];
      return { installed, downloads };
    });
  }

  async function reconcile(): Promise<void> {
    const cache = await deps.caches.open(PACKAGE_CACHE);
    const installed = { ...store.get().installed };
    let changed = false;
    for (const [id, t] of Object.entries(installed)) {
      if (!(await cache.match(t.manifestUrl))) {
        delete installed[id];
        changed = true;
      }
    }
    if (changed) store.set({ installed });
  }

  return {
    store,
    download,
    cancel: (id) => aborts.get(id)?.abort(),
    remove,
    open,
    assetUrl,
    layers,
    reconcile,
  };
}

function refused(cause: unknown, path: string): TourAppError {
  const code = (cause as { code?: unknown } | null)?.code;
  const details = (cause as { details?: unknown } | null)?.details;
  return new TourAppError(
    'PACKAGE_REFUSED',
    {
      path,
      code: typeof code === 'string' ? code : 'UNKNOWN',
      ...(details && typeof details === 'object' ? { format: details } : {}),
    },
    { cause },
  );
}

async function isIntact(asset: Asset, res: Response): Promise<boolean> {
  try {
    await verifyAsset(asset, new Uint8Array(await res.arrayBuffer()));
    return true;
  } catch (_) {
    return false;
  }
}

function bytesResponse(bytes: Uint8Array, type: string): Response {
  return new Response(bytes as BodyInit, {
    headers: { 'Content-Type': type, 'Content-Length': String(bytes.byteLength) },
  });
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.byteLength;
  }
  return out;
}
