import type { SerialPort } from 'serialport';
import { RfidError } from '../errors';
import { Emitter } from './Emitter';
import type { Transport, TransportEvents, TransportInfo } from './Transport';

export interface SerialOptions {
  path: string;
  baudRate: number;
  dataBits?: 7 | 8;
  parity?: 'none' | 'even' | 'odd';
  stopBits?: 1 | 2;
}

/** A serial port through the `serialport` stack (USB-serial adapters, RS-232, PTYs). */
export class SerialTransport implements Transport {
  readonly info: TransportInfo;
  private events = new Emitter<TransportEvents>();
  private port: SerialPort | undefined;
  private closing = false;

  constructor(private readonly options: SerialOptions) {
    const bits =
      1 +
      (options.dataBits ?? 8) +
      (options.parity && options.parity !== 'none' ? 1 : 0) +
      (options.stopBits ?? 1);
    this.info = { kind: 'serial', path: options.path, baudRate: options.baudRate, bitsPerByte: bits };
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  async open(): Promise<void> {
    if (this.isOpen) return;
    const { SerialPort } = await import('serialport');
    const port = new SerialPort({
      path: this.options.path,
      baudRate: this.options.baudRate,
      dataBits: this.options.dataBits ?? 8,
      parity: this.options.parity ?? 'none',
      stopBits: this.options.stopBits ?? 1,
      autoOpen: false,
    });
    await new Promise<void>((resolve, reject) =>
      port.open((err) =>
        err
          ? reject(
              new RfidError('OPEN_FAILED', { path: this.options.path, actual: err.message }, { cause: err }),
            )
          : resolve(),
      ),
    );
    this.port = port;
    this.closing = false;
    port.on('data', (chunk: Buffer) => this.events.emit('data', new Uint8Array(chunk)));
    port.on('error', (err: Error) =>
      this.events.emit('error', new RfidError('DISCONNECTED', { path: this.options.path }, { cause: err })),
    );
    port.on('close', (err?: Error & { disconnected?: boolean }) => {
      if (this.port !== port) return;
      this.port = undefined;
      this.events.emit(
        'close',
        this.closing ? undefined : new RfidError('DISCONNECTED', { path: this.options.path }, { cause: err }),
      );
    });
  }

  async write(bytes: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) throw new RfidError('NOT_OPEN', { path: this.options.path });
    await new Promise<void>((resolve, reject) => {
      port.write(Buffer.from(bytes), (err) => {
        if (err) {
          const code = this.closing ? 'CANCELED' : 'DISCONNECTED';
          return reject(new RfidError(code, { path: this.options.path }, { cause: err }));
        }
        port.drain((e) =>
          e
            ? reject(
                new RfidError(
                  this.closing ? 'CANCELED' : 'DISCONNECTED',
                  { path: this.options.path },
                  { cause: e },
                ),
              )
            : resolve(),
        );
      });
    });
  }

  async close(): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) return;
    this.closing = true;
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  on<K extends keyof TransportEvents>(event: K, listener: TransportEvents[K]): () => void {
    return this.events.on(event, listener);
  }
}
