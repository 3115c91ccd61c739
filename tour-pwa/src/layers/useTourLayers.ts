import { useEffect, useState } from 'react';
import type { LayersDocument, Manifest } from '@dunkirk/content';
import { locales } from '@dunkirk/content';
import { useServices } from '../app/services';
import type { LayersLocale } from './messages';

/**
 * The verified layers document of an installed tour, or `null` while it loads, when the tour has
 * none, or when it cannot be read (the walk works without it; the refusal is logged).
 */
export function useTourLayers(manifest: Manifest | null): LayersDocument | null {
  const { library } = useServices();
  const [doc, setDoc] = useState<LayersDocument | null>(null);
  useEffect(() => {
    if (!manifest) return;
    let live = true;
    library.layers(manifest).then(
      (d) => live && setDoc(d),
      (err: unknown) => {
        console.warn('map layers unavailable', err);
        if (live) setDoc(null);
      },
    );
    return () => {
      live = false;
    };
  }, [library, manifest]);
  return doc;
}

/** The app's language as one of the layers' locales (English when it is none of them). */
export function layersLocale(language: string): LayersLocale {
  return (locales as readonly string[]).includes(language) ? (language as LayersLocale) : 'en';
}

/**
 * The moment timetables and opening hours answer for: the device clock, or `?now=<ISO instant>`
 * (a demo and test switch, like `?simulate=`), which then stays fixed.
 */
export function simulatedNow(search: string): Date | null {
  const raw = new URLSearchParams(search).get('now');
  if (raw === null) return null;
  const d = new Date(raw);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The current moment for the layers UI, refreshed every 30 s (or the fixed simulated one). */
export function useNow(): Date {
  const [now, setNow] = useState(() => simulatedNow(window.location.search) ?? new Date());
  useEffect(() => {
    if (simulatedNow(window.location.search)) return;
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
