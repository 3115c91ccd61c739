import { describe, expect, it } from 'vitest';
import { VirtualPad } from './VirtualPad';
import {
  readMultipleRequest,
  writeMultipleRequest,
  parseResponse,
  writeAfiRequest,
  easAlarmRequest,
  setEasRequest,
} from '../iso15693/commands';
import { toHex, fromHex } from '../bytes';

const uid = (n: number) => `E0040100${n.toString(16).padStart(8, '0').toUpperCase()}`;

describe('virtual pad', () => {
  it('finds every tag, resolving collisions with longer masks', () => {
    // tags 0x10, 0x20, 0x30 share slot 0 in round one (low nibble 0)
    const pad = new VirtualPad([0x10, 0x20, 0x30, 0x01].map((n) => ({ uid: uid(n) })));
    const r = pad.inventory();
    expect(r.tags.map((t) => t.uid).sort()).toEqual([0x01, 0x10, 0x20, 0x30].map(uid).sort());
    expect(r.collisions).toBe(1);
    expect(r.airTimeUs).toBeGreaterThan(2 * 16 * 400);
  });
  it('filters by AFI', () => {
    const pad = new VirtualPad([
      { uid: uid(1), afi: 0x07 },
      { uid: uid(2), afi: 0xc2 },
    ]);
    expect(pad.inventory(0x07).tags.map((t) => t.uid)).toEqual([uid(1)]);
  });
  it('reads and writes blocks, AFI and EAS as a tag would', () => {
    const pad = new VirtualPad([{ uid: uid(1), data: '01020304' }]);
    expect(toHex(parseResponse(pad.exchange(readMultipleRequest(uid(1), 0, 1)).response!))).toBe('01020304');
    pad.exchange(writeMultipleRequest(uid(1), 1, fromHex('aabbccdd')));
    pad.exchange(writeAfiRequest(uid(1), 0xc2));
    expect(pad.exchange(easAlarmRequest(uid(1))).response).toBeUndefined();
    pad.exchange(setEasRequest(uid(1)));
    expect(pad.exchange(easAlarmRequest(uid(1))).response).toBeDefined();
    expect(pad.get(uid(1))!.state()).toMatchObject({
      afi: 0xc2,
      eas: true,
      data: expect.stringMatching(/^01020304aabbccdd/),
    });
  });
  it('a tag lifted mid-write keeps the blocks written so far and leaves the pad', () => {
    const pad = new VirtualPad([{ uid: uid(1) }]);
    pad.liftDuringWrite(uid(1), 2);
    const tag = pad.get(uid(1))!;
    expect(
      pad.exchange(writeMultipleRequest(uid(1), 0, fromHex('11111111222222223333333344444444'))).response,
    ).toBeUndefined();
    expect(toHex(tag.memory.subarray(0, 16))).toBe('111111112222222200000000' + '00000000');
    expect(pad.state()).toEqual([]);
  });
});
