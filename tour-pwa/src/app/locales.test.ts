import { describe, expect, it } from 'vitest';
import { appErrorMessages } from '../core/errors';
import { pickLocale, resources } from './locales';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('interface strings', () => {
  it('exist in French, English and Dutch, key for key, none empty', () => {
    const en = keys(resources.en.translation).sort();
    expect(keys(resources.fr.translation).sort()).toEqual(en);
    expect(keys(resources.nl.translation).sort()).toEqual(en);
  });

  it('translate every error code of the app', () => {
    for (const code of Object.keys(appErrorMessages)) {
      for (const l of ['fr', 'en', 'nl'] as const) {
        expect(
          (resources[l].translation.errors as Record<string, string>)[code],
          `${l} ${code}`,
        ).toBeTruthy();
      }
    }
  });

  it('follow the browser language, else French', () => {
    expect(pickLocale(['nl-BE', 'fr'])).toBe('nl');
    expect(pickLocale(['de-DE', 'en-GB'])).toBe('en');
    expect(pickLocale(['de'])).toBe('fr');
  });
});
