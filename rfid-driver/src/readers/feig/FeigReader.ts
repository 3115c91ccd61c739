import { RfidError } from '../../errors';
import type { Transport } from '../../transport/Transport';
import type { RfidReader, TagInfo } from '../Reader';
import { ReaderBase, type ReaderOptions } from '../ReaderBase';
import { BROADCAST, SUB, SplitterFeig, answer, dataOf, decodeFrame, encodeFrame, request } from './protocol';

export interface FeigOptions extends ReaderOptions {
  /** COM-ADR of the reader; 0xFF reaches any (default). */
  address?: number;
}

/** A FEIG ID CPR / ID ISC reader speaking the ISO Host protocol. */
export class FeigReader extends ReaderBase implements RfidReader {
  readonly family = 'feig';
  private readonly address: number;

  constructor(transport: Transport, options: FeigOptions = {}) {
    super(transport, new SplitterFeig(), options);
    this.address = options.address ?? BROADCAST;
  }

  private async call(req: { command: number; body: Uint8Array }): Promise<Uint8Array> {
    const frame = decodeFrame(await this.transact(encodeFrame({ address: this.address, ...req })));
    return dataOf(frame, req.command);
  }

  async version(): Promise<string> {
    return answer.version(await this.call(request.version()));
  }

  async inventory(options: { afi?: number } = {}): Promise<TagInfo[]> {
    try {
      return answer.inventory(await this.call(request.inventory(options.afi)));
    } catch (e) {
      if (e instanceof RfidError && e.code === 'TAG_NOT_FOUND') return []; // status 01: nobody in the field
      throw e;
    }
  }

  async readBlocks(uid: string, first: number, count: number): Promise<Uint8Array> {
    return answer.readMultiple(await this.call(request.readMultiple(uid, first, count)), count);
  }

  async writeBlocks(uid: string, first: number, data: Uint8Array): Promise<void> {
    if (data.length % 4) throw new RfidError('BAD_LENGTH', { field: 'data', actual: data.length });
    await this.call(request.writeMultiple(uid, first, data));
  }

  async writeAfi(uid: string, afi: number): Promise<void> {
    await this.call(request.writeAfi(uid, afi));
  }

  async lockAfi(uid: string): Promise<void> {
    await this.call(request.lockAfi(uid));
  }

  async systemInfo(uid: string) {
    return answer.systemInfo(await this.call(request.systemInfo(uid)));
  }

  async readAfi(uid: string): Promise<number> {
    return (await this.systemInfo(uid)).afi;
  }

  async setEas(uid: string, on: boolean): Promise<void> {
    await this.call(request.eas(on ? SUB.SET_EAS : SUB.RESET_EAS, uid));
  }

  /** EAS alarm: the tag answers only when its EAS bit is set (status 01 otherwise). */
  async checkEas(uid: string): Promise<boolean> {
    try {
      await this.call(request.eas(SUB.EAS_ALARM, uid));
      return true;
    } catch (e) {
      if (e instanceof RfidError && e.code === 'TAG_NOT_FOUND') return false;
      throw e;
    }
  }
}
