import { Workbox } from 'workbox-window';
import { createStore } from '../core/store';

/**
 * The app update flow. A new service worker waits; the visitor is told, and it
 * takes over only when they accept — and never while a tour is being walked
 * (the banner then says it will apply at the end; see UpdateBanner).
 */
export const updateStore = createStore<{ waiting: boolean; installEvent: BeforeInstallPromptEvent | null }>({
  waiting: false,
  installEvent: null,
});

let wb: Workbox | null = null;

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  wb = new Workbox(new URL('sw.js', document.baseURI).href, { scope: './' });
  wb.addEventListener('waiting', () => updateStore.set({ waiting: true }));
  wb.addEventListener('controlling', (e) => {
    if (e.isUpdate) window.location.reload();
  });
  void wb.register();
  window.addEventListener('beforeinstallprompt', (e) => {
    e.preventDefault();
    updateStore.set({ installEvent: e as BeforeInstallPromptEvent });
  });
  window.addEventListener('appinstalled', () => updateStore.set({ installEvent: null }));
}

export function applyUpdate(): void {
  wb?.messageSkipWaiting();
}

export async function promptInstall(): Promise<void> {
  const e = updateStore.get().installEvent;
  if (!e) return;
  await e.prompt();
  await e.userChoice.catch(() => null);
  updateStore.set({ installEvent: null });
}

/** Chromium's install prompt event (not in TypeScript's DOM library). */
export interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}
