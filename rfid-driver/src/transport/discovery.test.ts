import { describe, expect, it } from 'vitest';
import { createTransport, matchFamily } from './discovery';

describe('discovery', () => {
  it('recognises the RRHFOEM04 by its USB ids', () => {
    expect(matchFamily({ bus: 'hid', path: '/dev/hidraw0', vendorId: 0x1781, productId: 0x0c10 })).toBe(
      'hid-rrhf',
    );
  });
  it('recognises FEIG serial readers by vendor id alone', () => {
    expect(matchFamily({ bus: 'serial', path: '/dev/ttyACM0', vendorId: 0x0ab1, productId: 0x0002 })).toBe(
      'feig',
    );
  });
  it('leaves generic USB-serial bridges unknown unless configuration says otherwise', () => {
    const ftdi = { bus: 'serial' as const, path: '/dev/ttyUSB0', vendorId: 0x0403, productId: 0x6001 };
    expect(matchFamily(ftdi)).toBeUndefined();
    expect(matchFamily(ftdi, [{ match: '0403:6001', family: '3m' }])).toBe('3m');
    expect(matchFamily(ftdi, [{ match: '/dev/ttyUSB0', family: 'feig' }])).toBe('feig');
  });
  it('builds serial transports with each family line settings', () => {
    expect(createTransport({ protocol: '3m', path: '/dev/x' }).info).toMatchObject({
      baudRate: 19200,
      bitsPerByte: 10,
    });
    expect(createTransport({ protocol: 'feig', path: '/dev/x' }).info).toMatchObject({
      baudRate: 38400,
      bitsPerByte: 11,
    });
    expect(() => createTransport({ protocol: 'feig' })).toThrow(expect.objectContaining({ code: 'CONFIG' }));
  });
});
