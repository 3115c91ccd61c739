import { RfidError } from '../../errors';
import type { Transport } from '../../transport/Transport';
import type { RfidReader, TagInfo } from '../Reader';
import { ReaderBase, type ReaderOptions } from '../ReaderBase';
import { START_VERSION, Splitter3m, answer, decodeFrame, encodeFrame, request } from './protocol';

/** A 3M 810/210 pad over any transport (normally serial 19200 8N1). */
export class ThreeMReader extends ReaderBase implements RfidReader {
  readonly family = '3m';

  constructor(transport: Transport, options?: ReaderOptions) {
    super(transport, new Splitter3m(), options);
  }

  private async call(payload: Uint8Array, start?: number): Promise<Uint8Array> {
    return decodeFrame(await this.transact(encodeFrame(payload, start))).payload;
  }

  async version(): Promise<string> {
    return answer.version(await this.call(request.version(), START_VERSION));
  }

  async inventory(options: { afi?: number } = {}): Promise<TagInfo[]> {
    const uids = answer.inventory(await this.call(request.inventory()));
    if (options.afi === undefined) return uids.map((uid) => ({ uid }));
    // The 3M inventory has no AFI filter: read each tag's AFI instead.
    const out: TagInfo[] = [];
    for (const uid of uids) if ((await this.readAfi(uid)) === options.afi) out.push({ uid });
    return out;
  }

  async readBlocks(uid: string, first: number, count: number): Promise<Uint8Array> {
    return answer.read(await this.call(request.read(uid, first, count)), first, count);
  }

  async writeBlocks(uid: string, first: number, data: Uint8Array): Promise<void> {
    if (data.length % 4) throw new RfidError('BAD_LENGTH', { field: 'data', actual: data.length });
    answer.write(await this.call(request.write(uid, first, data)));
  }

  async writeAfi(uid: string, afi: number): Promise<void> {
    answer.writeAfi(await this.call(request.writeAfi(uid, afi)));
  }

  async readAfi(uid: string): Promise<number> {
    return answer.readAfi(await this.call(request.readAfi(uid)));
  }

  async setEas(uid: string, on: boolean): Promise<void> {
    answer.setEas(await this.call(request.setEas(uid, on)));
  }

  async checkEas(uid: string): Promise<boolean> {
    return answer.checkEas(await this.call(request.checkEas(uid)));
  }
}
