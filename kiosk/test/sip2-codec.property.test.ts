import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SipError,
  decodeFrame,
  encodeMessage,
  parseMessage,
  patronStatus,
  type CheckoutRequest,
  type SipCharset,
  type SipTimestamp,
} from '../src/node/sip2';

/**
 * Parser robustness: whatever arrives, the parser returns a typed message or throws a
 * SipError — never anything else. `npm test` runs a short seeded pass; `npm run fuzz`
 * sets FUZZ_RUNS (≥ 100,000) for the long one.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const params = { numRuns: RUNS, seed: SEED };
// The long fuzz run takes minutes; the short pass keeps Vitest's default budget.
const TIMEOUT = RUNS > 1000 ? 3_600_000 : 20_000;

function onlySipErrors(fn: () => unknown): true {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof SipError)) throw err;
  }
  return true;
}

const seeds = [
  '9900302.00AY1AZFCA5',
  '9300CNLoginUserID|COLoginPassword|CPLocationCode|AY5AZEC7B',
  '11YN20261126    101500                  AOFR-599990001|AA29990000012345|AB0123456789012|AC|ADsecret|AY2AZ0000',
  '101YNY20261126    101500AOFR-599990003|AB0123456789012|AQFR-599990001|AJLa poche|CTFR-599990001|CV04|AY4AZD341',
  '64' + ' '.repeat(14) + '00220261126    101500' + '0'.repeat(24) + 'AOa|AAb|AEc|AUx|AUy|AY7AZ0000',
  '180301  20261126    101500AB0340000000777|AJCoffret|ZP3|AY6AZDB9B',
  '97AZFEF5',
];

const timestamp: fc.Arbitrary<SipTimestamp> = fc.record({
  year: fc.integer({ min: 1970, max: 2199 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
  hour: fc.integer({ min: 0, max: 23 }),
  minute: fc.integer({ min: 0, max: 59 }),
  second: fc.integer({ min: 0, max: 59 }),
  zone: fc.constantFrom('    ', '   Z'),
});
// Values without the delimiter or line breaks, with French letters that all three charsets hold.
const value = fc
  .array(fc.constantFrom(..."abcdefXYZ0123456789 -:.,'éèàçôÉÀ".split('')), { maxLength: 40 })
  .map((cs) => cs.join(''));

describe('SIP2 parser properties', () => {
  it(
    'random strings: a message or a SipError',
    () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 200, unit: 'binary' }), (s) =>
          onlySipErrors(() => parseMessage(s)),
        ),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'random bytes in every charset: a message or a SipError',
    () => {
      fc.assert(
        fc.property(
          fc.uint8Array({ maxLength: 200 }),
          fc.constantFrom<SipCharset>('utf-8', 'latin1', 'cp850'),
          (b, cs) => onlySipErrors(() => decodeFrame(b, { charset: cs })),
        ),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'mutated real messages: a message or a SipError',
    () => {
      const mutation = fc.record({
        seed: fc.constantFrom(...seeds),
        at: fc.nat(),
        op: fc.constantFrom('replace', 'insert', 'delete', 'truncate'),
        ch: fc.constantFrom('|', 'A', 'Y', 'Z', ' ', '0', '9', 'é', '\u0000', '\r'),
      });
      fc.assert(
        fc.property(mutation, ({ seed, at, op, ch }) => {
          const i = at % (seed.length + 1);
          const s =
            op === 'replace'
              ? seed.slice(0, i) + ch + seed.slice(i + 1)
              : op === 'insert'
                ? seed.slice(0, i) + ch + seed.slice(i)
                : op === 'delete'
                  ? seed.slice(0, i) + seed.slice(i + 1)
                  : seed.slice(0, i);
          return onlySipErrors(() => parseMessage(s));
        }),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'checkout requests round-trip in every charset with a valid checksum',
    () => {
      const checkout: fc.Arbitrary<CheckoutRequest> = fc.record(
        {
          type: fc.constant('checkoutRequest' as const),
          scRenewalPolicy: fc.boolean(),
          noBlock: fc.boolean(),
          transactionDate: timestamp,
          nbDueDate: fc.option(timestamp, { nil: null }),
          institutionId: value,
          patronIdentifier: value,
          itemIdentifier: value,
          terminalPassword: value,
          patronPassword: value,
          feeAcknowledged: fc.boolean(),
        },
        {
          requiredKeys: [
            'type',
            'scRenewalPolicy',
            'noBlock',
            'transactionDate',
            'nbDueDate',
            'institutionId',
            'patronIdentifier',
            'itemIdentifier',
            'terminalPassword',
          ],
        },
      );
      fc.assert(
        fc.property(
          checkout,
          fc.constantFrom<SipCharset>('utf-8', 'latin1', 'cp850'),
          fc.nat(9),
          (m, charset, seq) => {
            const d = decodeFrame(encodeMessage(m, { charset, sequence: seq }), { charset });
            expect(d.message).toEqual(m);
            expect(d.checksumValid).toBe(true);
            expect(d.sequence).toBe(seq);
          },
        ),
        { ...params, numRuns: Math.min(RUNS, 2000) },
      );
    },
    TIMEOUT,
  );

  it(
    'patron status flags round-trip through the 14-character field',
    () => {
      fc.assert(
        fc.property(fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }), (bits) => {
          const flags = patronStatus();
          Object.keys(flags).forEach((k, i) => ((flags as Record<string, boolean>)[k] = bits[i]!));
          const m = {
            type: 'patronStatusResponse' as const,
            patronStatus: flags,
            language: '001',
            transactionDate: { year: 2026, month: 1, day: 2, hour: 3, minute: 4, second: 5, zone: '    ' },
            institutionId: 'I',
            patronIdentifier: 'P',
            personalName: 'N',
          };
          expect(parseMessage(encodeMessage(m).toString()).message).toEqual(m);
        }),
        { ...params, numRuns: Math.min(RUNS, 500) },
      );
    },
    TIMEOUT,
  );
});
