import { createContext, useContext, useSyncExternalStore } from 'react';
import type { AppConfig } from '../core/config';
import { createCatalogueStore } from '../core/catalogue';
import type { Library } from '../core/library';
import { createLibrary } from '../core/library';
import type { Narration } from '../core/narration';
import { createNarration } from '../core/narration';
import type { ProgressStore } from '../core/progress';
import { createProgress } from '../core/progress';
import type { Store } from '../core/store';

/** Everything the screens talk to: framework-free stores created once per page. */
export interface Services {
  config: AppConfig;
  library: Library;
  progress: ProgressStore;
  narration: Narration;
  catalogue: ReturnType<typeof createCatalogueStore>;
}

export function createServices(config: AppConfig): Services {
  const kv = globalThis.localStorage;
  return {
    config,
    library: createLibrary({
      fetch: globalThis.fetch.bind(globalThis),
      caches: globalThis.caches,
      storage: navigator.storage,
      trustedKeys: config.trustedKeys,
      kv,
      ...(config.tileUrl ? { tileUrl: config.tileUrl } : {}),
      ...(config.offlineMaxZoom !== undefined ? { offlineMaxZoom: config.offlineMaxZoom } : {}),
    }),
    progress: createProgress(kv),
    narration: createNarration(kv),
    catalogue: createCatalogueStore(globalThis.fetch.bind(globalThis), config.catalogueUrl),
  };
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('useServices outside <ServicesContext.Provider>');
  return s;
}

export function useStore<S extends object, T>(store: Store<S>, select: (s: S) => T): T {
  return useSyncExternalStore(
    store.subscribe,
    () => select(store.get()),
    () => select(store.get()),
  );
}
