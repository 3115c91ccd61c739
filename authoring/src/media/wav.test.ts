import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MediaError } from './MediaError';
import { concatWithGaps, encodeWav, parseWav, pcmDurationS } from './wav';

// A canonical WAV: RIFF header, 16-byte `fmt ` chunk (PCM, mono, 8000 Hz, 16 bit), `data` of two samples.
// Layout per the Microsoft RIFF/WAVE specification (Multimedia Programming Interface, 1991), "WAVE Form".
const vector = new Uint8Array([
  ...[0x52, 0x49, 0x46, 0x46], // "RIFF"
  ...[0x28, 0x00, 0x00, 0x00], // chunk size 40 = 4 ("WAVE") + 24 (fmt) + 12 (data)
  ...[0x57, 0x41, 0x56, 0x45], // "WAVE"
  ...[0x66, 0x6d, 0x74, 0x20], // "fmt "
  ...[0x10, 0x00, 0x00, 0x00], // fmt size 16
  ...[0x01, 0x00], // wFormatTag 1 = PCM
  ...[0x01, 0x00], // nChannels 1
  ...[0x40, 0x1f, 0x00, 0x00], // nSamplesPerSec 8000
  ...[0x80, 0x3e, 0x00, 0x00], // nAvgBytesPerSec 16000
  ...[0x02, 0x00], // nBlockAlign 2
  ...[0x10, 0x00], // wBitsPerSample 16
  ...[0x64, 0x61, 0x74, 0x61], // "data"
  ...[0x04, 0x00, 0x00, 0x00], // 4 bytes
  ...[0xff, 0x7f, 0x00, 0x80], // samples +32767, -32768
]);
const value = { sampleRate: 8000, channels: 1, data: new Uint8Array([0xff, 0x7f, 0x00, 0x80]) };

describe('WAV reader and writer', () => {
  it('decodes the canonical vector', () => {
    expect(parseWav(vector)).toEqual(value);
  });
  it('encodes the same vector', () => {
    expect(encodeWav(value)).toEqual(vector);
  });
  it('round-trips', () => {
    expect(parseWav(encodeWav(value))).toEqual(value);
  });
  it('reads a streamed header (espeak-ng --stdout writes an unknown data size) up to the end of the file', () => {
    const streamed = vector.slice();
    new DataView(streamed.buffer).setUint32(40, 0x7ffff000, true);
    expect(parseWav(streamed).data).toEqual(value.data);
  });
  it('skips chunks before data (a LIST chunk of odd size is padded to even)', () => {
    const list = [0x4c, 0x49, 0x53, 0x54, 0x03, 0, 0, 0, 0x61, 0x62, 0x63, 0x00]; // "LIST", 3 bytes + pad
    const withList = new Uint8Array([...vector.slice(0, 36), ...list, ...vector.slice(36)]);
    expect(parseWav(withList)).toEqual(value);
  });
  it('measures duration exactly from the data size', () => {
    expect(pcmDurationS({ sampleRate: 22050, channels: 1, data: new Uint8Array(44100) })).toBe(1);
  });
  it.each([
    ['not RIFF', new Uint8Array([0x52, 0x49, 0x46, 0x58, 0, 0, 0, 0, 0x57, 0x41, 0x56, 0x45])],
    ['no data chunk', vector.slice(0, 36)],
    ['8-bit PCM', Uint8Array.from(vector, (b, i) => (i === 34 ? 8 : b))],
  ])('refuses %s with WAV_INVALID', (_name, bytes) => {
    expect(() => parseWav(bytes)).toThrow(expect.objectContaining({ code: 'WAV_INVALID' }));
  });
  it('joins clips with silent gaps and reports each span', () => {
    const a = { sampleRate: 10, channels: 1, data: new Uint8Array(20).fill(1) }; // 1 s
    const { pcm, spans } = concatWithGaps([a, a], 0.5);
    expect(spans).toEqual([
      { startS: 0, endS: 1 },
      { startS: 1.5, endS: 2.5 },
    ]);
    expect(pcmDurationS(pcm)).toBe(2.5);
    expect([...pcm.data.subarray(20, 30)].every((b) => b === 0)).toBe(true);
  });
  it('never throws anything but MediaError on random or mutated bytes (seeded)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 128 }),
          fc.tuple(fc.nat(vector.length - 1), fc.integer({ min: 0, max: 255 })).map(([at, b]) => {
            const m = vector.slice();
            m[at] = b;
            return m;
          }),
        ),
        (bytes) => {
          try {
            parseWav(bytes);
          } catch (e) {
            expect(e).toBeInstanceOf(MediaError);
          }
        },
      ),
      { seed: 9, numRuns: 300 },
    );
  });
});
