import { describe, expect, it } from 'vitest';
import { decodeTag, encodeTag } from './tag';
import { encodeLegacy3m } from './legacy3m';
import { fromHex, toHex } from '../bytes';
import { isSecured, securityPlan } from './security';

const part3 = '11010131313232333334340000000000000000513e4445373035000000000000';

describe('decodeTag finds the model', () => {
  it('ISO 28560-3', () => expect(decodeTag(fromHex(part3)).model).toBe('iso28560-3'));

  it('ISO 28560-3 with a broken CRC reports CRC_MISMATCH, not an unknown format', () => {
    const b = fromHex(part3);
    b[20]! ^= 0x80;
    expect(() => decodeTag(b)).toThrow(
      expect.objectContaining({ code: 'CRC_MISMATCH', details: expect.objectContaining({ offset: 19 }) }),
    );
  });

  it('ISO 28560-2', () => {
    const bytes = encodeTag({
      model: 'iso28560-2',
      data: { primaryItemId: '30001234', ownerIsil: 'FR-593506101' },
    });
    expect(decodeTag(bytes)).toMatchObject({ model: 'iso28560-2', primaryItemId: '30001234' });
  });

  it('legacy 3M (04 | set | 00 | type | id | branch/library | custom)', () => {
    const data = {
      partNumber: 1,
      partsInItem: 2,
      itemType: 1,
      primaryItemId: '1301234567',
      branch: 3,
      library: 42,
      custom: -1,
    };
    const bytes = encodeLegacy3m(data);
    expect(toHex(bytes.subarray(0, 4))).toBe('04120001');
    expect(toHex(bytes.subarray(20, 24))).toBe('0030002a');
    expect(decodeTag(bytes)).toEqual({ model: '3m-legacy', ...data });
  });

  it.each([
    ['zero', '00'.repeat(32)],
    ['erased', 'ff'.repeat(32)],
    ['3m-blank', '55'.repeat(24) + '00'.repeat(4)],
  ])('blank tags: %s', (kind, hex) => expect(decodeTag(fromHex(hex))).toEqual({ model: 'blank', kind }));

  it('unknown content is UNKNOWN_FORMAT at offset 0', () => {
    expect(() => decodeTag(fromHex('e7e7e7e7'))).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_FORMAT', details: expect.objectContaining({ offset: 0 }) }),
    );
  });
});

describe('security plan', () => {
  it('uses the AFI pair (default 0x07 on shelf, 0xC2 on loan) and the EAS bit', () => {
    expect(securityPlan(true)).toEqual({ afi: 0x07, eas: true });
    expect(securityPlan(false)).toEqual({ afi: 0xc2, eas: false });
    expect(securityPlan(false, { afi: { onShelf: 0x07, onLoan: 0xda }, eas: false })).toEqual({ afi: 0xda });
    expect(isSecured(0x07, true)).toBe(true);
    expect(isSecured(0xc2, false)).toBe(false);
  });
});
