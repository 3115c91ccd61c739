import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildVtt, captionPieces, MAX_LINE_CHARS, parseVtt, sentenceCues, vttTimestamp } from './vtt';

describe('WebVTT captions', () => {
  it('formats timestamps as hh:mm:ss.ttt (WebVTT §4.1 cue timings)', () => {
    expect(vttTimestamp(0)).toBe('00:00:00.000');
    expect(vttTimestamp(61.2345)).toBe('00:01:01.235');
    expect(vttTimestamp(3725.5)).toBe('01:02:05.500');
  });
  it('keeps a short sentence in one cue on one line', () => {
    expect(sentenceCues('The Mole was long.', 1, 2.5)).toEqual([
      { startS: 1, endS: 2.5, text: 'The Mole was long.' },
    ]);
  });
  it('splits a long sentence into cues of at most two lines of 42 characters, spanning its exact time', () => {
    const s =
      'The East Mole was a breakwater of concrete and timber that was never meant for ships, yet destroyers tied up along it night after night.';
    const cues = sentenceCues(s, 10, 20);
    expect(cues.length).toBeGreaterThan(1);
    expect(cues[0]?.startS).toBe(10);
    expect(cues.at(-1)?.endS).toBe(20);
    for (const [i, c] of cues.entries()) {
      const lines = c.text.split('\n');
      expect(lines.length).toBeLessThanOrEqual(2);
      for (const l of lines) expect(l.length).toBeLessThanOrEqual(MAX_LINE_CHARS);
      if (i > 0) expect(c.startS).toBe(cues[i - 1]?.endS);
    }
    expect(cues.map((c) => c.text.replace(/\n/g, ' ')).join(' ')).toBe(s);
  });
  it('escapes markup characters and round-trips through the reader', () => {
    const cues = [
      { startS: 0, endS: 1.5, text: 'Fish & chips <now>' },
      { startS: 1.9, endS: 3, text: 'line one\nline two' },
    ];
    const vtt = buildVtt(cues);
    expect(vtt).toContain('Fish &amp; chips &lt;now&gt;');
    expect(parseVtt(vtt).map((c) => [c.startS, c.endS])).toEqual([
      [0, 1.5],
      [1.9, 3],
    ]);
  });
  it('never writes a line over 42 characters unless a single word is longer (seeded)', () => {
    const word = fc.string({ minLength: 1, maxLength: 14, unit: fc.constantFrom(...'abcdéèàx') });
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 60 }), (words) => {
        const pieces = captionPieces(words.join(' '));
        for (const p of pieces) {
          const lines = p.split('\n');
          expect(lines.length).toBeLessThanOrEqual(2);
          for (const l of lines) expect(l.length).toBeLessThanOrEqual(MAX_LINE_CHARS);
        }
        expect(pieces.join(' ').replace(/\n/g, ' ')).toBe(words.join(' '));
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
