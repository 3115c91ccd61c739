import { describe, expect, it } from 'vitest';
import { clockTime, compassWord, inLocale, sceneText, sceneTextKeys } from './strings';

describe('scene strings', () => {
  it('exist in French, English and Dutch, non-empty and with the same placeholders', () => {
    for (const key of sceneTextKeys) {
      const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const fr = sceneText('fr', key);
      expect(fr.length, key).toBeGreaterThan(0);
      expect(holes(sceneText('en', key)), key).toEqual(holes(fr));
      expect(holes(sceneText('nl', key)), key).toEqual(holes(fr));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(sceneText('en', 'player.time', { t: '0:05', d: '1:15' })).toBe('0:05 of 1:15');
    expect(sceneText('en', 'player.time', { t: '0:05' })).toBe('0:05 of {d}');
  });

  it('picks a package text in the visitor’s language, else English, else French', () => {
    expect(inLocale({ fr: 'jetée', en: 'mole', nl: 'pier' }, 'nl')).toBe('pier');
    expect(inLocale({ fr: 'jetée', en: 'mole' }, 'nl')).toBe('mole');
    expect(inLocale({ fr: 'jetée' }, 'en')).toBe('jetée');
    expect(inLocale(undefined, 'en')).toBe('');
  });

  it('names compass points and formats clock times', () => {
    expect(compassWord(322, 'en')).toBe('north-west');
    expect(compassWord(359, 'fr')).toBe('le nord');
    expect(clockTime(75)).toBe('1:15');
    expect(clockTime(9.9)).toBe('0:09');
  });
});
