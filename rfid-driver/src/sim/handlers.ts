/**
 * Reader firmware of the simulator: one handler per family turns a request
 * frame into the answer frame, doing the ISO 15693 exchanges a real reader
 * would do on the pad (so the air time comes from real PDUs).
 */
import { concat, reverseBlocks } from '../bytes';
import { RfidError } from '../errors';
import {
  easAlarmRequest,
  parseResponse,
  parseSystemInfo,
  readMultipleRequest,
  resetEasRequest,
  setEasRequest,
  systemInfoRequest,
  writeAfiRequest,
  lockAfiRequest,
  writeMultipleRequest,
} from '../iso15693/commands';
import { uidToBytes, uidToString } from '../iso15693/uid';
import * as m3 from '../readers/3m/protocol';
import * as feig from '../readers/feig/protocol';
import * as hid from '../readers/hid/protocol';
import type { FrameSplitter } from '../readers/splitter';
import type { VirtualPad } from './VirtualPad';

export type SimProtocol = '3m' | 'feig' | 'hid-rrhf';

export interface HandlerResult {
  answer: Uint8Array;
  airTimeUs: number;
}

export interface SimContext {
  pad: VirtualPad;
  /** Fault: the next inventory loses the tags of its first collided slot (reader gave up). */
  dropCollided: boolean;
}

export interface FamilyHandler {
  splitter(): FrameSplitter;
  handle(frame: Uint8Array, ctx: SimContext): HandlerResult;
}

function inventory(ctx: SimContext, afi?: number) {
  const r = ctx.pad.inventory(afi);
  if (ctx.dropCollided && r.tags.length > 1) {
    ctx.dropCollided = false;
    r.tags = r.tags.slice(Math.ceil(r.tags.length / 2));
  }
  return r;
}

/** One exchange; the tag's data (after flags) or undefined if it did not answer or answered an error. */
function exchange(ctx: SimContext, pdu: Uint8Array): { data: Uint8Array | undefined; air: number } {
  const r = ctx.pad.exchange(pdu);
  if (!r.response) return { data: undefined, air: r.airTimeUs };
  try {
    return { data: parseResponse(r.response), air: r.airTimeUs };
  } catch {
    return { data: undefined, air: r.airTimeUs };
  }
}

const h3m: FamilyHandler = {
  splitter: () => new m3.Splitter3m(),
  handle(frame, ctx) {
    const { start, payload: p } = m3.decodeFrame(frame);
    const reply = (payload: (number[] | Uint8Array)[], air: number, s = m3.START) => ({
      answer: m3.encodeFrame(concat(...payload), s),
      airTimeUs: air,
    });
    const cmd = p[0]!;
    if (start === m3.START_VERSION)
      return reply([[m3.CMD.VERSION, 0x00, 0x11, 10, 5, 0, 2]], 0, m3.START_VERSION);
    if (cmd === m3.CMD.INVENTORY) {
      const r = inventory(ctx);
      return reply(
        [[cmd, 0x00, 0x00, 0x05, r.tags.length], ...r.tags.map((t) => uidToBytes(t.uid, 'air'))],
        r.airTimeUs,
      );
    }
    if (p.length < 9) return reply([[cmd, 0x01]], 0);
    const uidAir = p.subarray(1, 9);
    const uid = uidToString(uidAir, 'air');
    const fail = (air: number) => reply([[cmd, m3.STATUS_TAG_ERROR], uidAir], air);
    switch (cmd) {
      case m3.CMD.READ: {
        const first = p[9] ?? 0;
        const count = p[10] ?? 0;
        const r = exchange(ctx, readMultipleRequest(uid, first, count));
        if (!r.data) return fail(r.air);
        const blocks: number[] = [];
        for (let i = 0; i < count; i++)
          blocks.push((first + i) & 0xff, (first + i) >> 8, ...r.data.subarray(4 * i, 4 * i + 4));
        return reply([[cmd, 0x00], uidAir, [count], blocks], r.air);
      }
      case m3.CMD.WRITE: {
        const first = p[9] ?? 0;
        const r = exchange(ctx, writeMultipleRequest(uid, first, p.subarray(12)));
        return r.data ? reply([[cmd, 0x00], uidAir, [p[10] ?? 0]], r.air) : fail(r.air);
      }
      case m3.CMD.WRITE_AFI: {
        const r = exchange(ctx, writeAfiRequest(uid, p[9] ?? 0));
        return r.data ? reply([[cmd, 0x00], uidAir], r.air) : fail(r.air);
      }
      case m3.CMD.READ_AFI: {
        const r = exchange(ctx, systemInfoRequest(uid));
        if (!r.data) return fail(r.air);
        return reply([[cmd, 0x00], uidAir, [parseSystemInfo(concat([0], r.data)).afi ?? 0]], r.air);
      }
      case m3.CMD.CHECK_EAS: {
        if (!ctx.pad.get(uid)) return fail(0);
        const r = exchange(ctx, easAlarmRequest(uid));
        return reply([[cmd, 0x00], uidAir, [r.data ? 1 : 0]], r.air);
      }
      case m3.CMD.SET_EAS: {
        const r = exchange(ctx, p[9] ? setEasRequest(uid) : resetEasRequest(uid));
        return r.data ? reply([[cmd, 0x00], uidAir], r.air) : fail(r.air);
      }
      default:
        return reply([[cmd, 0x01]], 0);
    }
  },
};

const hFeig: FamilyHandler = {
  splitter: () => new feig.SplitterFeig(),
  handle(frame, ctx) {
    const f = feig.decodeFrame(frame);
    const reply = (status: number, data: (number[] | Uint8Array)[], air: number) => ({
      answer: feig.encodeFrame({
        advanced: f.advanced,
        address: f.address,
        command: f.command,
        body: concat([status], ...data),
      }),
      airTimeUs: air,
    });
    const b = f.body;
    if (f.command === feig.CMD.SOFTWARE_VERSION) return reply(0, [[3, 0x10, 0, 0x4c, 0x01, 0x00, 0x08]], 0);
    if (f.command === feig.CMD.RF_RESET) return reply(0, [], 0);
    const uidAt = (o: number) => uidToString(b.subarray(o, o + 8), 'msb-first');
    if (f.command === feig.CMD.ISO_CUSTOM) {
      if (b.length < 11 || b[0] !== 0x04) return reply(feig.STATUS.LENGTH_ERROR, [], 0);
      const uid = uidAt(3);
      const pdu =
        b[1] === feig.SUB.SET_EAS
          ? setEasRequest(uid)
          : b[1] === feig.SUB.RESET_EAS
            ? resetEasRequest(uid)
            : easAlarmRequest(uid);
      const r = exchange(ctx, pdu);
      return r.data
        ? reply(0, [b[1] === feig.SUB.EAS_ALARM ? r.data : []], r.air)
        : reply(feig.STATUS.NO_TRANSPONDER, [], r.air);
    }
    if (f.command !== feig.CMD.ISO_HOST) return reply(feig.STATUS.UNKNOWN_COMMAND, [], 0);
    const sub = b[0];
    if (sub === feig.SUB.INVENTORY) {
      const afi = (b[1] ?? 0) & feig.MODE_AFI ? b[2] : undefined;
      const r = inventory(ctx, afi);
      if (r.tags.length === 0) return reply(feig.STATUS.NO_TRANSPONDER, [], r.airTimeUs);
      const recs = r.tags.map((t) =>
        concat([feig.TR_TYPE_ISO15693, t.dsfid], uidToBytes(t.uid, 'msb-first')),
      );
      return reply(0, [[r.tags.length], ...recs], r.airTimeUs);
    }
    if (b.length < 10 || !((b[1] ?? 0) & feig.MODE_ADDRESSED)) return reply(feig.STATUS.LENGTH_ERROR, [], 0);
    const uid = uidAt(2);
    switch (sub) {
      case feig.SUB.READ_MULTIPLE: {
        const first = b[10] ?? 0;
        const count = b[11] ?? 0;
        const r = exchange(ctx, readMultipleRequest(uid, first, count));
        if (!r.data) return reply(feig.STATUS.NO_TRANSPONDER, [], r.air);
        const rev = reverseBlocks(r.data);
        const recs: number[] = [];
        for (let i = 0; i < count; i++) recs.push(0x00, ...rev.subarray(4 * i, 4 * i + 4));
        return reply(0, [[count, 4], recs], r.air);
      }
      case feig.SUB.WRITE_MULTIPLE: {
        const first = b[10] ?? 0;
        const size = b[12] ?? 4;
        const r = exchange(ctx, writeMultipleRequest(uid, first, reverseBlocks(b.subarray(13), size), size));
        return reply(r.data ? 0 : feig.STATUS.NO_TRANSPONDER, [], r.air);
      }
      case feig.SUB.WRITE_AFI:
      case feig.SUB.LOCK_AFI: {
        const r = exchange(
          ctx,
          sub === feig.SUB.WRITE_AFI ? writeAfiRequest(uid, b[10] ?? 0) : lockAfiRequest(uid),
        );
        return reply(r.data ? 0 : feig.STATUS.NO_TRANSPONDER, [], r.air);
      }
      case feig.SUB.SYSTEM_INFO: {
        const r = exchange(ctx, systemInfoRequest(uid));
        if (!r.data) return reply(feig.STATUS.NO_TRANSPONDER, [], r.air);
        const i = parseSystemInfo(concat([0], r.data));
        return reply(
          0,
          [
            [i.dsfid ?? 0],
            uidToBytes(i.uid, 'msb-first'),
            [i.afi ?? 0, (i.blockSize ?? 4) - 1, (i.blockCount ?? 1) - 1, i.icReference ?? 0],
          ],
          r.air,
        );
      }
      default:
        return reply(feig.STATUS.UNKNOWN_COMMAND, [], 0);
    }
  },
};

const hHid: FamilyHandler = {
  splitter: () => new hid.SplitterHid(),
  handle(frame, ctx) {
    const f = hid.decodeFrame(frame);
    const reply = (code: number, data: (number[] | Uint8Array)[], air: number) => ({
      answer: hid.encodeFrame({ code, data: concat(...data) }),
      airTimeUs: air,
    });
    if (f.code === hid.HID_CMD.INVENTORY) {
      const r = inventory(ctx, f.data[0] ? f.data[1] : undefined);
      return reply(
        hid.HID_STATUS.OK,
        [[r.tags.length], ...r.tags.map((t) => concat([t.dsfid], uidToBytes(t.uid, 'air')))],
        r.airTimeUs,
      );
    }
    if (f.code === hid.HID_CMD.TRANSPARENT) {
      const r = ctx.pad.exchange(f.data);
      return r.response
        ? reply(hid.HID_STATUS.OK, [r.response], r.airTimeUs)
        : reply(hid.HID_STATUS.NO_ANSWER, [], r.airTimeUs);
    }
    return reply(hid.HID_STATUS.UNKNOWN, [], 0);
  },
};

export const HANDLERS: Record<SimProtocol, FamilyHandler> = { '3m': h3m, feig: hFeig, 'hid-rrhf': hHid };

export function handlerFor(protocol: string): FamilyHandler {
  const h = HANDLERS[protocol as SimProtocol];
  if (!h) throw new RfidError('CONFIG', { field: 'protocol', actual: protocol });
  return h;
}
