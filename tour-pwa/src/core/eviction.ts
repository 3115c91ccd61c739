import type { CacheDidUpdateCallbackParam, WorkboxPlugin } from 'workbox-core/types';

/**
 * Evicts superseded versions of a tour from Cache Storage.
 *
 * The cache holds each installed package under its own URL prefix
 * (`…/packages/<id>/<version>/`), and a package's `manifest.json` is written
 * last, so its presence marks a complete, verified version. When a manifest is
 * written, every other version of the same tour id is deleted — its manifest
 * first, so a half-evicted version is never taken for an installed one.
 *
 * It is a Workbox plugin (`cacheDidUpdate`), called by the download manager on
 * commit and usable in any Workbox strategy that writes package manifests.
 */
export class TourEvictionPlugin implements WorkboxPlugin {
  constructor(private readonly caches: CacheStorage) {}

  // Takes only the fields it reads, so the download manager can call it outside a fetch event.
  cacheDidUpdate = async ({
    cacheName,
    request,
    newResponse,
  }: Pick<CacheDidUpdateCallbackParam, 'cacheName' | 'request' | 'newResponse'>): Promise<void> => {
    if (!request.url.endsWith('/manifest.json')) return;
    const committed = await readIdVersion(newResponse.clone());
    if (!committed) return;
    await evictOtherVersions(await this.caches.open(cacheName), committed.id, committed.version, request.url);
  };
}

export async function evictOtherVersions(
  cache: Cache,
  id: string,
  keepVersion: string,
  keepManifestUrl: string,
): Promise<string[]> {
  const evicted: string[] = [];
  const keys = await cache.keys();
  for (const key of keys) {
    if (!key.url.endsWith('/manifest.json') || key.url === keepManifestUrl) continue;
    const res = await cache.match(key);
    const other = res ? await readIdVersion(res) : null;
    if (!other || other.id !== id || other.version === keepVersion) continue;
    const prefix = key.url.slice(0, -'manifest.json'.length);
    await cache.delete(key);
    for (const k of keys) if (k.url.startsWith(prefix)) await cache.delete(k);
    evicted.push(other.version);
  }
  return evicted;
}

async function readIdVersion(res: Response): Promise<{ id: string; version: string } | null> {
  try {
    const m = (await res.json()) as { id?: unknown; version?: unknown };
    return typeof m.id === 'string' && typeof m.version === 'string'
      ? { id: m.id, version: m.version }
      : null;
  } catch (_) {
    return null;
  }
}
