import type { HIDAsync } from 'node-hid';
import { RfidError } from '../errors';
import { Emitter } from './Emitter';
import type { Transport, TransportEvents, TransportInfo } from './Transport';

export interface HidOptions {
  /** hidraw path from discovery, or vendor/product ids. */
  path?: string;
  vendorId?: number;
  productId?: number;
  /** Output report size in bytes, without the report id. Default 64. */
  reportSize?: number;
}

/**
 * A USB HID reader through `node-hid`. Each `write()` is sent as whole
 * output reports (report id 0 prefixed, zero-filled to `reportSize`); input
 * reports arrive as `data` chunks of `reportSize` bytes.
 */
export class HidTransport implements Transport {
  readonly info: TransportInfo;
  private events = new Emitter<TransportEvents>();
  private device: HIDAsync | undefined;
  private closing = false;

  constructor(private readonly options: HidOptions) {
    if (!options.path && !(options.vendorId && options.productId)) {
      throw new RfidError('CONFIG', { field: 'path or vendorId/productId' });
    }
    this.info = {
      kind: 'hid',
      path: options.path ?? `hid:${options.vendorId!.toString(16)}:${options.productId!.toString(16)}`,
    };
  }

  get reportSize(): number {
    return this.options.reportSize ?? 64;
  }

  get isOpen(): boolean {
    return this.device !== undefined;
  }

  async open(): Promise<void> {
    if (this.device) return;
    const { HIDAsync } = await import('node-hid');
    try {
      this.device = this.options.path
        ? await HIDAsync.open(this.options.path)
        : await HIDAsync.open(this.options.vendorId!, this.options.productId!);
    } catch (err) {
      throw new RfidError('OPEN_FAILED', { path: this.info.path }, { cause: err });
    }
    this.closing = false;
    const dev = this.device;
    dev.on('data', (chunk: Buffer) => this.events.emit('data', new Uint8Array(chunk)));
    dev.on('error', (err: unknown) => {
      if (this.device !== dev) return;
      this.device = undefined;
      this.events.emit('close', new RfidError('DISCONNECTED', { path: this.info.path }, { cause: err }));
    });
  }

  async write(bytes: Uint8Array): Promise<void> {
    const dev = this.device;
    if (!dev) throw new RfidError('NOT_OPEN', { path: this.info.path });
    for (let o = 0; o < Math.max(bytes.length, 1); o += this.reportSize) {
      const report = new Uint8Array(this.reportSize + 1);
      report.set(bytes.subarray(o, o + this.reportSize), 1);
      try {
        await dev.write(Buffer.from(report));
      } catch (err) {
        throw new RfidError(
          this.closing ? 'CANCELED' : 'DISCONNECTED',
          { path: this.info.path },
          { cause: err },
        );
      }
    }
  }

  async close(): Promise<void> {
    const dev = this.device;
    if (!dev) return;
    this.closing = true;
    this.device = undefined;
    await dev.close().catch(() => undefined);
    this.events.emit('close');
  }

  on<K extends keyof TransportEvents>(event: K, listener: TransportEvents[K]): () => void {
    return this.events.on(event, listener);
  }
}
