import { describe, expect, it } from 'vitest';
import { messages, translator } from '../../ui/src/i18n';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('curators’ UI strings', () => {
  it('exist in French, English and Dutch, none empty, with the same placeholders', () => {
    const keys = Object.keys(messages.fr) as (keyof typeof messages.fr)[];
    for (const locale of ['en', 'nl'] as const) {
      expect(Object.keys(messages[locale]).sort()).toEqual([...keys].sort());
      for (const k of keys) {
        expect(messages[locale][k].trim(), `${locale}.${k}`).not.toBe('');
        expect(placeholders(messages[locale][k]), `${locale}.${k}`).toEqual(placeholders(messages.fr[k]));
      }
    }
  });

  it('fills placeholders', () => {
    expect(translator('nl')('fired', { stop: 'Bastion 32', t: 12, d: 8 })).toBe(
      'Bastion 32 afgegaan na 12 s (8 m)',
    );
  });
});
