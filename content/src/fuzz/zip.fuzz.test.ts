import fc from 'fast-check';
import { describe, it } from 'vitest';
import { TourFormatError, readPackageZip, writePackageZip } from '../index';
import { FUZZ_RUNS, FUZZ_SEED, FUZZ_TIMEOUT_MS } from './runs';

function readOrRefuse(bytes: Uint8Array): void {
  try {
    readPackageZip(bytes, { maxPackageBytes: 1024 * 1024 });
  } catch (err) {
    if (!(err instanceof TourFormatError)) throw err;
  }
}

const valid = writePackageZip([
  {
    name: 'manifest.json',
    bytes: new TextEncoder().encode('{"id":"x","title":{"fr":"Dunkerque"}}'.repeat(20)),
  },
  { name: 'manifest.sig', bytes: new TextEncoder().encode('{}') },
  { name: 'assets/a.webp', bytes: Uint8Array.from({ length: 400 }, (_, i) => (i * 7) & 0xff) },
]);

describe('property: no bytes make the zip reader throw anything but a TourFormatError', () => {
  it(
    'random bytes',
    () => {
      fc.assert(fc.property(fc.uint8Array({ maxLength: 2048 }), readOrRefuse), {
        seed: FUZZ_SEED,
        numRuns: FUZZ_RUNS,
      });
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'a valid package zip with bytes flipped, cut or spliced',
    () => {
      const edit = fc.oneof(
        fc
          .array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 1, max: 255 })), {
            minLength: 1,
            maxLength: 8,
          })
          .map((flips) => {
            const copy = valid.slice();
            for (const [i, mask] of flips) copy[i]! ^= mask;
            return copy;
          }),
        fc.nat(valid.length).map((n) => valid.slice(0, n)),
        fc.tuple(fc.nat(valid.length), fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([at, junk]) => {
          const copy = new Uint8Array(valid.length + junk.length);
          copy.set(valid.subarray(0, at));
          copy.set(junk, at);
          copy.set(valid.subarray(at), at + junk.length);
          return copy;
        }),
      );
      fc.assert(fc.property(edit, readOrRefuse), { seed: FUZZ_SEED, numRuns: FUZZ_RUNS });
    },
    FUZZ_TIMEOUT_MS,
  );
});
