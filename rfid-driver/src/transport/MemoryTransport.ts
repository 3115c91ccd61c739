import { RfidError } from '../errors';
import { Emitter } from './Emitter';
import type { Transport, TransportEvents, TransportInfo } from './Transport';

/**
 * Two in-memory transports wired to each other, like a null-modem cable.
 * `unplug()` drops the link as a USB unplug would; `replug()` restores it.
 * Delivery is asynchronous (a macrotask), as with a real port.
 */
export class MemoryLink {
  readonly a: MemoryTransport;
  readonly b: MemoryTransport;
  private plugged = true;

  constructor(name = 'memory', baudRate?: number) {
    this.a = new MemoryTransport(this, `${name}:a`, baudRate);
    this.b = new MemoryTransport(this, `${name}:b`, baudRate);
  }

  get isPlugged(): boolean {
    return this.plugged;
  }

  peerOf(t: MemoryTransport): MemoryTransport {
    return t === this.a ? this.b : this.a;
  }

  unplug(): void {
    if (!this.plugged) return;
    this.plugged = false;
    this.a.dropped();
    this.b.dropped();
  }

  replug(): void {
    this.plugged = true;
  }
}

export class MemoryTransport implements Transport {
  readonly info: TransportInfo;
  private events = new Emitter<TransportEvents>();
  private opened = false;

  constructor(
    private readonly link: MemoryLink,
    path: string,
    baudRate?: number,
  ) {
    this.info = { kind: 'memory', path, ...(baudRate ? { baudRate } : {}) };
  }

  get isOpen(): boolean {
    return this.opened;
  }

  async open(): Promise<void> {
    if (this.opened) return;
    if (!this.link.isPlugged) throw new RfidError('OPEN_FAILED', { path: this.info.path });
    this.opened = true;
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (!this.opened) throw new RfidError('NOT_OPEN', { path: this.info.path });
    if (!this.link.isPlugged) throw new RfidError('DISCONNECTED', { path: this.info.path });
    const copy = bytes.slice();
    const peer = this.link.peerOf(this);
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (peer.isOpen && this.link.isPlugged) peer.events.emit('data', copy);
  }

  async close(): Promise<void> {
    if (!this.opened) return;
    this.opened = false;
    this.events.emit('close');
  }

  /** Called by the link on unplug. */
  dropped(): void {
    if (!this.opened) return;
    this.opened = false;
    this.events.emit('close', new RfidError('DISCONNECTED', { path: this.info.path }));
  }

  on<K extends keyof TransportEvents>(event: K, listener: TransportEvents[K]): () => void {
    return this.events.on(event, listener);
  }
}
