import { describe, expect, it } from 'vitest';
import { decodePart3, encodePart3, type Part3Data } from './part3';
import { fromHex, reverseBlocks, toHex } from '../bytes';
import { RfidError } from '../errors';

/**
 * The 32-byte truncated form (ISO 28560-3 §5, Danish data model v1):
 *   11                    version 1 | type of usage 1 (circulating)
 *   01 01                 1 part in item, part 1
 *   31313232333334340…00  primary item id "11223344", NUL padded to 16 bytes
 *   51 3e                 CRC-16/CCITT-FALSE 0x3E51, LSB first, over 0–18 and 21–33 (32–33 taken as zero)
 *   44 45                 owner country "DE"
 *   37 30 35 00…          library "705", NUL padded (9 bytes in the truncated form)
 */
const truncated = {
  name: 'truncated 32-byte form',
  bytes: '11010131313232333334340000000000000000513e4445373035000000000000',
  value: {
    version: 1,
    typeOfUsage: 1,
    partsInItem: 1,
    partNumber: 1,
    primaryItemId: '11223344',
    country: 'DE',
    library: '705',
  } satisfies Part3Data,
};

describe('ISO 28560-3 basic block', () => {
  it('decodes the truncated form', () => {
    const rec = decodePart3(fromHex(truncated.bytes));
    expect(rec).toMatchObject({
      ...truncated.value,
      ownerIsil: 'DE-705',
      truncated: true,
      blockOrder: 'normal',
    });
  });

  it('encodes the truncated form to the same bytes', () => {
    expect(toHex(encodePart3(truncated.value, { truncated: true }))).toBe(truncated.bytes);
  });

  it('round-trips the full 34-byte form (padded to 36 bytes = 9 blocks)', () => {
    const value: Part3Data = { ...truncated.value, library: '70512345678' };
    const bytes = encodePart3(value);
    expect(bytes.length).toBe(36);
    expect(decodePart3(bytes)).toMatchObject({ ...value, truncated: false });
  });

  it('accepts tags whose vendor stored every 4-byte block reversed, and says so', () => {
    const rec = decodePart3(reverseBlocks(fromHex(truncated.bytes)));
    expect(rec.primaryItemId).toBe('11223344');
    expect(rec.blockOrder).toBe('reversed');
    expect(toHex(encodePart3(truncated.value, { truncated: true, blockOrder: 'reversed' }))).toBe(
      toHex(reverseBlocks(fromHex(truncated.bytes))),
    );
  });

  it('carries a primary item id longer than 16 characters in extension block 1', () => {
    const value: Part3Data = { ...truncated.value, primaryItemId: '0123456789ABCDEF0123' };
    const bytes = encodePart3(value);
    expect(bytes[34]).toBe(4 + 4); // extension length: header 4 + "0123"
    expect(decodePart3(bytes).primaryItemId).toBe('0123456789ABCDEF0123');
  });

  it('keeps other extension blocks, with their XOR checksum', () => {
    const ext = { id: 0x0102, data: fromHex('deadbeef') };
    const rec = decodePart3(encodePart3({ ...truncated.value, extensions: [ext] }));
    expect(rec.extensions).toEqual([ext]);
  });

  it.each([
    ['a changed CRC byte', (b: Uint8Array) => (b[19]! ^= 0x01), 'CRC_MISMATCH', 19],
    ['a changed item id byte', (b: Uint8Array) => (b[5]! ^= 0x20), 'CRC_MISMATCH', 19],
  ])('rejects %s as %s at offset %i', (_n, mutate, code, offset) => {
    const b = fromHex(truncated.bytes);
    mutate(b);
    const err = (() => {
      try {
        decodePart3(b);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(RfidError);
    expect((err as RfidError).code).toBe(code);
    expect((err as RfidError).details.offset).toBe(offset);
  });

  it('rejects short input as TRUNCATED with the length reached', () => {
    expect(() => decodePart3(fromHex('1101'))).toThrow(
      expect.objectContaining({ code: 'TRUNCATED', details: expect.objectContaining({ offset: 2 }) }),
    );
  });

  it('rejects a bad extension checksum with its offset', () => {
    const b = encodePart3({ ...truncated.value, extensions: [{ id: 7, data: fromHex('0102') }] });
    b[38]! ^= 0xff;
    expect(() => decodePart3(b)).toThrow(
      expect.objectContaining({ code: 'BAD_CHECKSUM', details: expect.objectContaining({ offset: 37 }) }),
    );
  });

  it('refuses values that do not fit their fields', () => {
    expect(() => encodePart3({ ...truncated.value, country: 'DEU' })).toThrow(
      expect.objectContaining({ code: 'BAD_LENGTH' }),
    );
    expect(() => encodePart3({ ...truncated.value, typeOfUsage: 16 })).toThrow(
      expect.objectContaining({ code: 'BAD_VALUE' }),
    );
  });
});
