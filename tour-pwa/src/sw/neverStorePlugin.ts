import type { WorkboxPlugin } from 'workbox-core/types';

/**
 * Keeps a strategy from writing network responses into its cache. Tour package
 * files reach Cache Storage only through the download manager, after their
 * signature and SHA-256 are checked; an unverified response is served once, never kept.
 */
export const neverStorePlugin: WorkboxPlugin = {
  cacheWillUpdate: async () => null,
};
