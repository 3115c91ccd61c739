import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences';

describe('splitSentences', () => {
  it('splits on . ! ? and keeps the mark', () => {
    expect(splitSentences('The Mole was long. Was it safe? No!', 'en')).toEqual([
      'The Mole was long.',
      'Was it safe?',
      'No!',
    ]);
  });
  it('does not split after titles, ranks or initials', () => {
    expect(splitSentences('Capt. W. Tennant landed. Adm. Ramsay planned it.', 'en')).toEqual([
      'Capt. W. Tennant landed.',
      'Adm. Ramsay planned it.',
    ]);
    expect(splitSentences('M. Leroux attend. Mme Vandewalle aussi.', 'fr')).toEqual([
      'M. Leroux attend.',
      'Mme Vandewalle aussi.',
    ]);
    expect(splitSentences('Dhr. Janssen wacht. Bijv. op de pier.', 'nl')).toEqual([
      'Dhr. Janssen wacht.',
      'Bijv. op de pier.',
    ]);
  });
  it('keeps decimal numbers and dates whole', () => {
    expect(splitSentences('The Mole ran 1.4 km. It was 26.05.1940 then.', 'en')).toEqual([
      'The Mole ran 1.4 km.',
      'It was 26.05.1940 then.',
    ]);
  });
  it('splits before a number that opens the next sentence', () => {
    expect(splitSentences('Il attend. 1940 est une année dure.', 'fr')).toEqual([
      'Il attend.',
      '1940 est une année dure.',
    ]);
  });
  it('keeps closing quotes, including spaced French quotes, with their sentence', () => {
    expect(splitSentences('Il crie : « Vite ! » Puis il court.', 'fr')).toEqual([
      'Il crie : « Vite ! »',
      'Puis il court.',
    ]);
    expect(splitSentences('She said "Go." Then she left.', 'en')).toEqual([
      'She said "Go."',
      'Then she left.',
    ]);
  });
  it('does not split where the next word is lower case', () => {
    expect(splitSentences('Wait… and listen. Now.', 'en')).toEqual(['Wait… and listen.', 'Now.']);
  });
  it('keeps a last sentence without a mark, and drops empty text', () => {
    expect(splitSentences('  One.  Two without a mark ', 'en')).toEqual(['One.', 'Two without a mark']);
    expect(splitSentences('   ', 'en')).toEqual([]);
  });
});

describe('splitSentences properties (seeded)', () => {
  it('never loses, adds or reorders text: the sentences joined by spaces give the input back', () => {
    const piece = fc.constantFrom(
      'Le port',
      'M.',
      'W.',
      '1.5',
      '«',
      '»',
      '!',
      '?',
      '.',
      '…',
      'Capt.',
      '"',
      'the Mole',
      '1940',
      'eind',
      ',',
      'Dhr.',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom('fr', 'en', 'nl'), (parts, locale) => {
        const text = parts.join(' ');
        const out = splitSentences(text, locale as 'fr' | 'en' | 'nl');
        expect(out.join(' ')).toBe(text.replace(/\s+/g, ' ').trim());
        for (const s of out) expect(s.trim()).toBe(s);
        for (const s of out) expect(s.length).toBeGreaterThan(0);
      }),
      { seed: 1940, numRuns: 300 },
    );
  });
});
