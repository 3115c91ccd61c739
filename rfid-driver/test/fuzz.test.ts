/**
 * Property tests: random and mutated bytes into every decoder and frame
 * parser. The only acceptable outcomes are a value or an RfidError; anything
 * else (TypeError, RangeError, a hang) fails. `npm run fuzz` raises the runs.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RfidError } from '../src/errors';
import { decodeTag, encodeTag } from '../src/iso28560/tag';
import { decodePart2, encodePart2 } from '../src/iso28560/part2';
import { decodePart3 } from '../src/iso28560/part3';
import { decodeLegacy3m } from '../src/iso28560/legacy3m';
import { expand, COMPACTION_CODES } from '../src/iso28560/compaction';
import { fromHex } from '../src/bytes';
import { fuzzTargets } from './fuzz-targets';

const runs = Number(process.env.FUZZ_RUNS ?? 300);
const seed = Number(process.env.FUZZ_SEED ?? 0x28560);
/** Long runs (npm run fuzz) need more than Vitest's 5 s per test. */
const timeout = 5_000 + runs;

function onlyRfidErrors(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof RfidError)) throw e;
    expect(typeof e.code).toBe('string');
  }
}

const seeds = [
  fromHex('11010131313232333334340000000000000000513e4445373035000000000000'),
  fromHex('9100051cbe991a140201d0140204b34607441cb6e2e335d6830207acc09ebaa06f6b0000'),
];

/** A known-good tag with a few bytes changed, inserted or cut. */
const mutated = fc
  .record({
    base: fc.constantFrom(...seeds),
    edits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
    cut: fc.nat({ max: 40 }),
  })
  .map(({ base, edits, cut }) => {
    const b = base.slice(0, Math.max(0, base.length - (cut % 8 === 0 ? cut % base.length : 0)));
    for (const [i, v] of edits) if (b.length) b[i % b.length] = v;
    return b;
  });

const anyBytes = fc.uint8Array({ maxLength: 96 });
const decoders: [string, (b: Uint8Array) => unknown][] = [
  ['decodeTag', (b) => decodeTag(b)],
  ['decodePart2', decodePart2],
  ['decodePart3', decodePart3],
  ['decodeLegacy3m', decodeLegacy3m],
  ...COMPACTION_CODES.map((c): [string, (b: Uint8Array) => unknown] => [`expand ${c}`, (b) => expand(c, b)]),
  ...fuzzTargets,
];

describe('no decoder or frame parser throws anything but RfidError', () => {
  it.each(decoders)(
    '%s on random bytes',
    (_name, decode) => {
      fc.assert(
        fc.property(anyBytes, (b) => onlyRfidErrors(() => decode(b))),
        { numRuns: runs, seed },
      );
    },
    timeout,
  );
  it.each(decoders)(
    '%s on mutated tags',
    (_name, decode) => {
      fc.assert(
        fc.property(mutated, (b) => onlyRfidErrors(() => decode(b))),
        { numRuns: runs, seed },
      );
    },
    timeout,
  );
});

describe('tag decoders say where the data went wrong', () => {
  const tagDecoders = decoders.slice(0, 4);
  it.each(tagDecoders)(
    '%s errors carry a byte offset',
    (_name, decode) => {
      fc.assert(
        fc.property(fc.oneof(anyBytes, mutated), (b) => {
          try {
            decode(b);
          } catch (e) {
            if (!(e instanceof RfidError)) throw e;
            expect(typeof e.details.offset).toBe('number');
          }
        }),
        { numRuns: runs, seed },
      );
    },
    timeout,
  );
});

describe('encoders and decoders agree', () => {
  const text = fc.string({
    unit: fc.constantFrom(...'ABCXYZabc0123456789-:/. é'.split('')),
    minLength: 1,
    maxLength: 20,
  });
  it(
    'ISO 28560-2 round-trips any element values',
    () => {
      fc.assert(
        fc.property(fc.stringMatching(/^[1-9][0-9]{0,15}$/), text, text, (pii, shelf, title) => {
          const bytes = encodePart2([
            { oid: 1, value: pii },
            { oid: 6, value: shelf },
            { oid: 17, value: title },
          ]);
          const rec = decodePart2(bytes);
          expect(rec.elements.map((e) => e.value)).toEqual([pii, shelf, title]);
        }),
        { numRuns: runs, seed },
      );
    },
    timeout,
  );
  it(
    'ISO 28560-3 round-trips',
    () => {
      fc.assert(
        fc.property(
          fc.stringMatching(/^[A-Z0-9]{1,24}$/),
          fc.stringMatching(/^[A-Z0-9]{1,11}$/),
          fc.integer({ min: 1, max: 255 }),
          (pii, lib, parts) => {
            const data = {
              version: 1,
              typeOfUsage: 1,
              partsInItem: parts,
              partNumber: 1,
              primaryItemId: pii,
              country: 'FR',
              library: lib,
            };
            expect(decodeTag(encodeTag({ model: 'iso28560-3', data }))).toMatchObject(data);
          },
        ),
        { numRuns: runs, seed },
      );
    },
    timeout,
  );
});
