import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Loose } from '../../test/fixtures';
import { fixtureManifest, looseCopy } from '../../test/fixtures';
import { TourFormatError, decodeJson, parseManifest, parseSourceManifest } from '../index';
import { FUZZ_RUNS, FUZZ_SEED, FUZZ_TIMEOUT_MS } from './runs';

/** Runs the parser; only a Manifest or a TourFormatError may come out. */
function parseOrRefuse(raw: unknown): 'ok' | 'refused' {
  try {
    parseManifest(raw);
    return 'ok';
  } catch (err) {
    if (err instanceof TourFormatError) return 'refused';
    throw err;
  }
}

/** Paths to every node of a JSON value, to pick one to mutate. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  }
  return out;
}

type Mutation = { kind: 'delete' } | { kind: 'replace'; value: unknown } | { kind: 'retype' };

function mutate(doc: Loose, path: (string | number)[], m: Mutation): Loose {
  if (path.length === 0) return m.kind === 'replace' ? m.value : null;
  const parent = path.slice(0, -1).reduce((node: Loose, key) => node[key], doc);
  const key = path.at(-1) as string | number;
  if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (m.kind === 'replace') {
    parent[key] = m.value;
  } else {
    const v = parent[key];
    parent[key] = typeof v === 'string' ? 0 : typeof v === 'number' ? String(v) : Array.isArray(v) ? {} : [v];
  }
  return doc;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant({ kind: 'delete' as const }),
  fc.constant({ kind: 'retype' as const }),
  fc.jsonValue({ maxDepth: 3 }).map((value) => ({ kind: 'replace' as const, value })),
);

describe('property: no input makes the manifest reader throw anything but a TourFormatError', () => {
  it(
    'random JSON values',
    () => {
      fc.assert(
        fc.property(fc.jsonValue({ maxDepth: 6 }), (raw) => {
          expect(parseOrRefuse(raw)).toBe('refused');
        }),
        { seed: FUZZ_SEED, numRuns: FUZZ_RUNS },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'a valid manifest with one to three fields deleted, retyped or replaced',
    async () => {
      const { manifest } = await fixtureManifest();
      const all = paths(manifest);
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.nat(all.length - 1), mutation), { minLength: 1, maxLength: 3 }),
          (steps) => {
            let doc = looseCopy(manifest);
            for (const [i, m] of steps) {
              const candidates = paths(doc);
              doc = mutate(doc, candidates[i % candidates.length]!, m);
            }
            parseOrRefuse(doc);
            try {
              parseSourceManifest(doc);
            } catch (err) {
              if (!(err instanceof TourFormatError)) throw err;
            }
          },
        ),
        { seed: FUZZ_SEED, numRuns: FUZZ_RUNS },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'random and mutated bytes as manifest.json',
    async () => {
      const { manifest } = await fixtureManifest();
      const valid = new TextEncoder().encode(JSON.stringify(manifest));
      const bytes = fc.oneof(
        fc.uint8Array({ maxLength: 512 }),
        fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 1, max: 255 })).map(([i, mask]) => {
          const copy = valid.slice();
          copy[i]! ^= mask;
          return copy;
        }),
      );
      fc.assert(
        fc.property(bytes, (b) => {
          try {
            parseManifest(decodeJson(b, 'manifest.json'));
          } catch (err) {
            if (!(err instanceof TourFormatError)) throw err;
          }
        }),
        { seed: FUZZ_SEED, numRuns: FUZZ_RUNS },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
