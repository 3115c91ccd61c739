import { describe, expect, it } from 'vitest';
import { fixtureManifest } from '../../test/fixtures';
import { missingTranslations } from '../index';

describe('missingTranslations', () => {
  it('is empty when every text has every locale of the tour', async () => {
    const { manifest } = await fixtureManifest();
    expect(missingTranslations(manifest)).toEqual([]);
  });

  it('lists each text lacking a locale, with its pointer and the missing locales', async () => {
    const { manifest } = await fixtureManifest();
    delete manifest.stops[1]!.title.nl;
    manifest.description = { fr: 'seulement en français', en: '   ' };
    expect(missingTranslations(manifest)).toEqual([
      { pointer: '/description', missing: ['en', 'nl'] },
      { pointer: '/stops/1/title', missing: ['nl'] },
    ]);
  });

  it('only asks for the locales the tour offers', async () => {
    const { manifest } = await fixtureManifest();
    manifest.locales = ['fr'];
    delete manifest.stops[1]!.title.nl;
    expect(missingTranslations(manifest)).toEqual([]);
  });

  it('does not mistake narration tracks for a text', async () => {
    const { manifest } = await fixtureManifest();
    const found = missingTranslations(manifest).map((m) => m.pointer);
    expect(found.some((p) => p.includes('/tracks'))).toBe(false);
  });
});
