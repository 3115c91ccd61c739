/// <reference lib="webworker" />
/**
 * The service worker, assembled from Workbox parts (no hand-written fetch handler):
 * - the app shell is precached (injectManifest fills `__WB_MANIFEST` at build);
 * - navigations get the precached index.html (hash routes);
 * - config.json and catalogue.json: network first, last copy offline;
 * - tour package files: cache only from the verified package cache; the download
 *   manager is the only writer (it checks signatures and hashes first), so the
 *   strategy is told never to store what the network returns;
 * - map tiles: cache first, expiring.
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { RangeRequestsPlugin } from 'workbox-range-requests';
import { ExpirationPlugin } from 'workbox-expiration';
import { warmStrategyCache } from 'workbox-recipes';
import { clientsClaim } from 'workbox-core';
import { PACKAGE_CACHE, TILE_CACHE } from './core/cacheNames';
import { neverStorePlugin } from './sw/neverStorePlugin';
import { isPackageFile, isTile } from './sw/routes';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
};

// The first install controls the open page at once (so a first visit can go offline);
// later updates wait for the visitor (skipWaiting only on request, below).
clientsClaim();
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));

const configStrategy = new NetworkFirst({ cacheName: 'app-config', networkTimeoutSeconds: 4 });
registerRoute(
  ({ url, sameOrigin }) =>
    sameOrigin && (url.pathname.endsWith('/config.json') || url.pathname.endsWith('/catalogue.json')),
  configStrategy,
);
// config.json is written at deploy time, so it cannot be precached: fetch it at install instead,
// or the first offline start would have no configuration.
warmStrategyCache({ urls: [new URL('config.json', self.registration.scope).href], strategy: configStrategy });

registerRoute(
  ({ url }) => isPackageFile(url),
  new CacheFirst({ cacheName: PACKAGE_CACHE, plugins: [neverStorePlugin, new RangeRequestsPlugin()] }),
);

registerRoute(
  ({ url }) => isTile(url),
  new CacheFirst({
    cacheName: TILE_CACHE,
    plugins: [new ExpirationPlugin({ maxEntries: 6000, purgeOnQuotaError: true })],
  }),
);

// The page asks the waiting worker to take over only when the visitor accepts (never mid-tour).
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
