import { describe, expect, it } from 'vitest';
import {
  checkCrc,
  inventoryRequest,
  parseInventoryResponse,
  parseRequest,
  parseSystemInfo,
  readMultipleRequest,
  setEasRequest,
  systemInfoResponse,
  withCrc,
  writeAfiRequest,
  writeMultipleRequest,
} from './commands';
import { normaliseUid, uidToBytes, uidToString } from './uid';
import { requestTime, respondingSlotTime, exchangeTime } from './timing';
import { fromHex, toHex } from '../bytes';

const UID = 'E004010012345678';
const AIR = '78563412000104e0'; // the same UID, LSB first as on the air

describe('UID normalisation (ISO 15693-3 §4.1)', () => {
  it('turns air order into the public MSB-first form and back', () => {
    expect(uidToString(fromHex(AIR), 'air')).toBe(UID);
    expect(toHex(uidToBytes(UID, 'air'))).toBe(AIR);
    expect(uidToString(fromHex('e004010012345678'), 'msb-first')).toBe(UID);
  });
  it('accepts separators, lower case and an explicit air: prefix', () => {
    expect(normaliseUid('e0:04:01:00:12:34:56:78')).toBe(UID);
    expect(normaliseUid(`air:${AIR}`)).toBe(UID);
    expect(() => normaliseUid('E004')).toThrow(expect.objectContaining({ code: 'BAD_VALUE' }));
  });
});

describe('request PDUs', () => {
  it('inventory: 16 slots, high data rate, AFI filter (flags 0x16, ISO 15693-3 §10.3.1)', () => {
    expect(toHex(inventoryRequest())).toBe('060100');
    expect(toHex(inventoryRequest({ afi: 0x07 }))).toBe('16010700');
    expect(toHex(inventoryRequest({ maskLength: 4, mask: 0x8n }))).toBe('06010408');
  });
  it('read multiple blocks writes "number of blocks" as count − 1 (§10.3.3)', () => {
    expect(toHex(readMultipleRequest(UID, 0, 8))).toBe(`2223${AIR}0007`);
    const back = parseRequest(readMultipleRequest(UID, 2, 1));
    expect(back).toMatchObject({ flags: 0x22, command: 0x23, uid: UID });
    expect(Array.from(back.params)).toEqual([2, 0]);
  });
  it('write multiple blocks, write AFI and NXP set EAS (manufacturer byte 04 before the UID)', () => {
    expect(toHex(writeMultipleRequest(UID, 1, fromHex('0102030405060708')))).toBe(
      `2224${AIR}01010102030405060708`,
    );
    expect(toHex(writeAfiRequest(UID, 0xc2))).toBe(`2227${AIR}c2`);
    expect(toHex(setEasRequest(UID))).toBe(`22a204${AIR}`);
    expect(parseRequest(setEasRequest(UID))).toMatchObject({ command: 0xa2, manufacturer: 4, uid: UID });
  });
  it('air CRC is the complemented reflected CRC, LSB first; a flipped bit is CRC_MISMATCH', () => {
    const f = withCrc(inventoryRequest());
    expect(toHex(checkCrc(f))).toBe('060100');
    f[1]! ^= 1;
    expect(() => checkCrc(f)).toThrow(
      expect.objectContaining({ code: 'CRC_MISMATCH', details: expect.objectContaining({ offset: 3 }) }),
    );
  });
});

describe('responses', () => {
  it('inventory reply: flags, DSFID, UID (air order)', () => {
    expect(parseInventoryResponse(fromHex(`0000${AIR}`))).toEqual({ dsfid: 0, uid: UID });
  });
  it('error reply raises READER_STATUS with the ISO error code', () => {
    expect(() => parseInventoryResponse(fromHex('0110'))).toThrow(
      expect.objectContaining({ code: 'READER_STATUS', details: expect.objectContaining({ status: 0x10 }) }),
    );
  });
  it('system information round-trips (block count and size stored minus one)', () => {
    const info = { uid: UID, dsfid: 0, afi: 0x07, blockCount: 28, blockSize: 4, icReference: 1 };
    const pdu = systemInfoResponse(info);
    expect(toHex(pdu.subarray(10))).toBe('00071b0301');
    expect(parseSystemInfo(pdu)).toEqual(info);
  });
});

describe('air-time model (ISO 15693-2, high data rate, 1 of 4)', () => {
  it('gives the textbook figures', () => {
    expect(requestTime(3) / 1000).toBeCloseTo(1.62, 2); // 16-slot inventory request ≈ 1.6 ms
    expect(respondingSlotTime() / 1000).toBeCloseTo(4.35, 2); // one responding slot ≈ 4.4 ms
    expect(exchangeTime(12, 33) / 1000).toBeCloseTo(15.64, 2); // read 8 blocks ≈ 15.6 ms
    expect(exchangeTime(11, 1) / 1000).toBeCloseTo(5.67, 2); // write AFI ≈ 5.7 ms
  });
});
