import type { Locale } from './primitives';
import { locales } from './primitives';
import type { AnyManifest } from './manifest';
import { toPointer } from './pointer';

/** A text that lacks some of the tour's locales. */
export interface MissingTranslation {
  pointer: string;
  missing: Locale[];
}

const localeSet = new Set<string>(locales);

/** A Text is a non-empty object whose keys are all locales and whose values are all strings. */
function isText(value: object): value is Partial<Record<Locale, string>> {
  const entries = Object.entries(value);
  return entries.length > 0 && entries.every(([k, v]) => localeSet.has(k) && typeof v === 'string');
}

/**
 * Every Text of the manifest that lacks one of `manifest.locales` (or holds only whitespace for it).
 * The authoring UI shows this list; a build refuses a non-empty list unless told to allow it.
 */
export function missingTranslations(manifest: AnyManifest): MissingTranslation[] {
  const out: MissingTranslation[] = [];
  const walk = (value: unknown, path: (string | number)[]): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, [...path, i]));
    } else if (typeof value === 'object' && value !== null) {
      if (isText(value)) {
        const missing = manifest.locales.filter((l) => !(value[l] ?? '').trim());
        if (missing.length > 0) out.push({ pointer: toPointer(path), missing });
        return;
      }
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    }
  };
  walk(manifest, []);
  return out;
}
