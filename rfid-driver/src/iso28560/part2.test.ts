import { describe, expect, it } from 'vitest';
import { decodePart2, encodePart2 } from './part2';
import { fromHex, toHex } from '../bytes';

/**
 * ISO 28560-2 Annex D worked example (also printed in GB/T 35660.2-2017, and
 * used as a unit test vector by public ISO 28560 implementations), 9 blocks:
 *   91 00 05 1cbe991a14          PII, offset flag, integer, 0 pad bytes: "123456789012"
 *   02 01 d0                     content parameter, bit map 1101 0000 → OIDs 3, 4, 6
 *   14 02 04b3                   set information, integer: "1203"
 *   46 07 441cb6e2e335d6         shelf location, 6-bit: "QA268.L55"
 *   83 02 07 acc09ebaa06f6b 0000 owner ISIL, ISIL compaction, 2 pad bytes: "US-InU-Mu"
 * The pad bytes end the PII and ISIL data sets on block boundaries so that
 * those blocks can be locked.
 */
const annexD = '910005 1cbe991a14 0201d0 140204b3 4607441cb6e2e335d6 830207acc09ebaa06f6b0000'.replace(
  / /g,
  '',
);

describe('ISO 28560-2 data sets', () => {
  it('decodes the Annex D example', () => {
    const rec = decodePart2(fromHex(annexD));
    expect(rec).toMatchObject({
      primaryItemId: '123456789012',
      setInformation: '1203',
      shelfLocation: 'QA268.L55',
      ownerIsil: 'US-InU-Mu',
      contentParameter: [3, 4, 6],
    });
  });

  it('re-encodes the Annex D example to the same bytes', () => {
    expect(toHex(encodePart2(decodePart2(fromHex(annexD))))).toBe(annexD);
  });

  it('encodes from plain fields with automatic compaction and a content parameter', () => {
    const bytes = encodePart2({ primaryItemId: '123456789012', ownerIsil: 'FR-593506101', typeOfUsage: '1' });
    const rec = decodePart2(bytes);
    expect(rec).toMatchObject({
      primaryItemId: '123456789012',
      ownerIsil: 'FR-593506101',
      typeOfUsage: '1',
      contentParameter: [3, 5],
    });
    expect(bytes.length % 4).toBe(0);
  });

  it('writes relative OIDs above 14 with an extension byte (precursor OID bits = 15)', () => {
    const bytes = encodePart2([
      { oid: 1, value: '42' },
      { oid: 17, value: 'Dunkirk 1940', compaction: '7-bit' },
    ]);
    expect(toHex(bytes.subarray(3, 5))).toBe('5f02'); // 7-bit (5) | OID 15, then 17 − 15
    expect(decodePart2(bytes).elements[1]).toMatchObject({ oid: 17, value: 'Dunkirk 1940' });
  });

  it('uses two length bytes for data of 128 bytes or more', () => {
    const title = 'x'.repeat(200);
    const bytes = encodePart2([
      { oid: 1, value: '1' },
      { oid: 17, value: title, compaction: 'utf-8' },
    ]);
    expect(decodePart2(bytes).elements[1]!.value).toBe(title);
  });

  it.each([
    ['a first data set that is not the PII', '1402 04b3', 'BAD_PRECURSOR', 0],
    ['a length past the end', '1109 01', 'TRUNCATED', 2],
    ['a repeated OID', '1101 01 1101 02', 'DUPLICATE_OID', 3],
    ['garbage after the terminator', '1101 01 00 05', 'BAD_PRECURSOR', 4],
    ['non-zero padding', '9101 01 05 07', 'BAD_PRECURSOR', 4],
    ['a zero length', '1100', 'BAD_LENGTH', 1],
  ])('rejects %s (%s) as %s at offset %i', (_n, hex, code, offset) => {
    expect(() => decodePart2(fromHex(hex))).toThrow(
      expect.objectContaining({ code, details: expect.objectContaining({ offset }) }),
    );
  });
});
