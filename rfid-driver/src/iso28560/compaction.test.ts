import { describe, expect, it } from 'vitest';
import { chooseCompaction, compact, expand, type Compaction } from './compaction';
import { isilCompact, isilExpand } from './isil';
import { fromHex, toHex } from '../bytes';

/** { name, value, bytes } per scheme, ISO/IEC 15962 §8 and ISO 28560-2 Annex C/D. */
const vectors: { scheme: Compaction; value: string; bytes: string; why: string }[] = [
  {
    scheme: 'integer',
    value: '123456789012',
    bytes: '1cbe991a14',
    why: 'ISO 28560-2 Annex D primary item id',
  },
  { scheme: 'integer', value: '1203', bytes: '04b3', why: 'Annex D set information' },
  { scheme: 'integer', value: '10', bytes: '0a', why: 'one byte' },
  {
    scheme: 'numeric',
    value: '010',
    bytes: '010f',
    why: 'leading zero kept; odd count padded with nibble F',
  },
  { scheme: 'numeric', value: '00', bytes: '00', why: 'two digits per byte' },
  { scheme: '5-bit', value: 'ABC', bytes: '0886', why: '00001 00010 00011 + pad 0' },
  { scheme: '6-bit', value: 'QA268.L55', bytes: '441cb6e2e335d6', why: 'Annex D shelf location, pad 10' },
  {
    scheme: '6-bit',
    value: 'ABC1234',
    bytes: '0420f1cb3d20',
    why: 'a whole pad symbol (100000) in the last byte',
  },
  { scheme: '7-bit', value: '12345678', bytes: '62c99b46ad9bb8', why: 'ends on a byte boundary' },
  { scheme: '7-bit', value: '123456781234567', bytes: '62c99b46ad9bb862c99b46ad9bff', why: 'pad 1 bits' },
  { scheme: 'octet', value: 'deadbeef', bytes: 'deadbeef', why: 'bytes as they are' },
  {
    scheme: 'utf-8',
    value: 'Dunkerque–Malo',
    bytes: '44756e6b6572717565e280934d616c6f',
    why: 'en dash is 3 bytes',
  },
  {
    scheme: 'application',
    value: 'US-InU-Mu',
    bytes: 'acc09ebaa06f6b',
    why: 'ISIL compaction, Annex D owner',
  },
  { scheme: 'application', value: 'DE-Heu1', bytes: '21408e16bf1f', why: 'latch lower, shift digit, pad 1s' },
];

describe('ISO/IEC 15962 compaction', () => {
  it.each(vectors)('$scheme "$value" ↔ $bytes ($why)', ({ scheme, value, bytes }) => {
    expect(toHex(compact(scheme, value))).toBe(bytes);
    expect(expand(scheme, fromHex(bytes))).toBe(value);
  });

  it.each(['CN-120104-C-YBL', 'FR-593506101', 'NL-AmRMA', 'GB-UkOxU:a/b', 'A', '-'])(
    'ISIL "%s" round-trips',
    (isil) => expect(isilExpand(isilCompact(isil))).toBe(isil),
  );

  it('chooses integer, numeric, ISIL, 6-bit and UTF-8 as the standard suggests', () => {
    expect(chooseCompaction('123456789012', 1)).toBe('integer');
    expect(chooseCompaction('0042', 1)).toBe('numeric');
    expect(chooseCompaction('FR-593506101', 3)).toBe('application');
    expect(chooseCompaction('QA268.L55', 6)).toBe('6-bit');
    expect(chooseCompaction('Opération Dynamo', 17)).toBe('utf-8');
  });

  it('flags invalid input with codes', () => {
    expect(() => compact('integer', '0123')).toThrow(expect.objectContaining({ code: 'BAD_VALUE' }));
    expect(() => expand('numeric', fromHex('a1'), 5)).toThrow(
      expect.objectContaining({ code: 'BAD_COMPACTION', details: expect.objectContaining({ offset: 5 }) }),
    );
    expect(() => expand('utf-8', fromHex('ff'))).toThrow(expect.objectContaining({ code: 'BAD_COMPACTION' }));
  });
});
