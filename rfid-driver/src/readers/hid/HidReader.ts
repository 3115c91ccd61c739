import { RfidError } from '../../errors';
import type { Transport } from '../../transport/Transport';
import type { RfidReader, TagInfo } from '../Reader';
import { ReaderBase, type ReaderOptions } from '../ReaderBase';
import {
  easAlarmRequest,
  parseResponse,
  parseSystemInfo,
  readMultipleRequest,
  resetEasRequest,
  setEasRequest,
  systemInfoRequest,
  writeAfiRequest,
  writeMultipleRequest,
} from '../../iso15693/commands';
import { uidToString } from '../../iso15693/uid';
import { HID_CMD, HID_STATUS, SplitterHid, decodeFrame, encodeFrame } from './protocol';

/**
 * An RRHFOEM04-style HID reader: inventory by its own command, everything
 * else as ISO 15693 PDUs passed through (so this family exercises the
 * iso15693 layer end to end).
 */
export class HidReader extends ReaderBase implements RfidReader {
  readonly family = 'hid-rrhf';

  constructor(transport: Transport, options?: ReaderOptions) {
    super(transport, new SplitterHid(), options);
  }

  private async call(code: number, data: Uint8Array): Promise<Uint8Array> {
    const f = decodeFrame(await this.transact(encodeFrame({ code, data })));
    if (f.code === HID_STATUS.NO_ANSWER) throw new RfidError('TAG_NOT_FOUND', { status: f.code });
    if (f.code === HID_STATUS.AIR_CRC) throw new RfidError('CRC_MISMATCH', { field: 'air', status: f.code });
    if (f.code !== HID_STATUS.OK) throw new RfidError('READER_STATUS', { status: f.code });
    return f.data;
  }

  /** One ISO 15693 exchange; returns the response data after the flags byte. */
  async transceive(pdu: Uint8Array): Promise<Uint8Array> {
    return parseResponse(await this.call(HID_CMD.TRANSPARENT, pdu));
  }

  async version(): Promise<string> {
    return 'rrhf-hid';
  }

  async inventory(options: { afi?: number } = {}): Promise<TagInfo[]> {
    const d = await this.call(
      HID_CMD.INVENTORY,
      Uint8Array.of(options.afi === undefined ? 0 : 1, options.afi ?? 0),
    );
    const n = d[0] ?? 0;
    if (d.length !== 1 + 9 * n) throw new RfidError('BAD_LENGTH', { field: 'inventory', actual: n });
    return Array.from({ length: n }, (_, i) => ({
      dsfid: d[1 + 9 * i]!,
      uid: uidToString(d.subarray(2 + 9 * i, 10 + 9 * i), 'air'),
    }));
  }

  async readBlocks(uid: string, first: number, count: number): Promise<Uint8Array> {
    const d = await this.transceive(readMultipleRequest(uid, first, count));
    if (d.length !== count * 4)
      throw new RfidError('BAD_LENGTH', { field: 'read multiple', actual: d.length });
    return d;
  }

  async writeBlocks(uid: string, first: number, data: Uint8Array): Promise<void> {
    await this.transceive(writeMultipleRequest(uid, first, data));
  }

  async writeAfi(uid: string, afi: number): Promise<void> {
    await this.transceive(writeAfiRequest(uid, afi));
  }

  async readAfi(uid: string): Promise<number> {
    const info = parseSystemInfo(Uint8Array.of(0, ...(await this.transceive(systemInfoRequest(uid)))));
    return info.afi ?? 0;
  }

  async setEas(uid: string, on: boolean): Promise<void> {
    await this.transceive(on ? setEasRequest(uid) : resetEasRequest(uid));
  }

  async checkEas(uid: string): Promise<boolean> {
    try {
      await this.transceive(easAlarmRequest(uid));
      return true;
    } catch (e) {
      if (e instanceof RfidError && e.code === 'TAG_NOT_FOUND') return false;
      throw e;
    }
  }
}
