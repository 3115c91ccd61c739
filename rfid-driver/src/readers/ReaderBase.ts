import { RfidError } from '../errors';
import { Emitter } from '../transport/Emitter';
import type { Transport } from '../transport/Transport';
import type { ReaderEvents } from './Reader';
import type { FrameSplitter } from './splitter';
import { DEFAULT_SECURITY, type SecurityConfig } from '../iso28560/security';

export interface ReaderOptions {
  /** Per-command answer timeout. Default 1000 ms. */
  timeoutMs?: number;
  /** Retries after a CRC error or a timeout (commands here are idempotent). Default 1. */
  retries?: number;
  /** Reopen the transport after a disconnect, every `intervalMs` (default 250). false to disable. */
  reconnect?: false | { intervalMs?: number };
  /** AFI pair and EAS use for `setSecured` / `getSecured` (default 0x07 / 0xC2, EAS on). */
  security?: SecurityConfig;
}

interface Pending {
  resolve: (frame: Uint8Array) => void;
  reject: (e: RfidError) => void;
}

/**
 * Command/answer over a transport: one command at a time, frames cut by the
 * family's splitter, timeouts, retries, and reconnection after an unplug.
 */
export abstract class ReaderBase {
  protected readonly events = new Emitter<ReaderEvents>();
  private pending: Pending | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private closedByUser = false;
  private connected = false;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private wireErrors: RfidError[] = [];
  private hasBeenOpen = false;
  /** Bumped by close(): commands queued before it are canceled, not run. */
  private generation = 0;

  constructor(
    readonly transportImpl: Transport,
    private readonly splitter: FrameSplitter,
    protected readonly options: ReaderOptions = {},
  ) {
    transportImpl.on('data', (chunk) => this.onData(chunk));
    transportImpl.on('close', (reason) => this.onClose(reason));
  }

  get transport() {
    return this.transportImpl.info;
  }

  /** The security configuration this reader was opened with. */
  get security(): SecurityConfig {
    return this.options.security ?? DEFAULT_SECURITY;
  }

  get isConnected(): boolean {
    return this.connected;
  }

  on<K extends keyof ReaderEvents>(event: K, listener: ReaderEvents[K]): () => void {
    return this.events.on(event, listener);
  }

  async open(): Promise<void> {
    this.closedByUser = false;
    await this.transportImpl.open();
    this.connected = true;
    this.hasBeenOpen = true;
  }

  async close(): Promise<void> {
    this.closedByUser = true;
    this.generation++;
    clearTimeout(this.reconnectTimer);
    this.pending?.reject(new RfidError('CANCELED', { path: this.transport.path }));
    this.pending = undefined;
    await this.transportImpl.close();
    this.connected = false;
  }

  /** Sends a request frame and resolves with the next whole frame, serialised with other commands. */
  protected transact(request: Uint8Array, timeoutMs = this.options.timeoutMs ?? 1000): Promise<Uint8Array> {
    const generation = this.generation;
    const run = async (): Promise<Uint8Array> => {
      if (generation !== this.generation) throw new RfidError('CANCELED', { path: this.transport.path });
      const retries = this.options.retries ?? 1;
      for (let attempt = 0; ; attempt++) {
        try {
          return await this.once(request, timeoutMs);
        } catch (e) {
          const retriable =
            e instanceof RfidError &&
            (e.code === 'CRC_MISMATCH' || e.code === 'BAD_FRAME' || e.code === 'TIMEOUT');
          if (!retriable || attempt >= retries) throw e;
        }
      }
    };
    const p = this.queue.then(run, run);
    this.queue = p.catch(() => undefined);
    return p;
  }

  private async once(request: Uint8Array, timeoutMs: number): Promise<Uint8Array> {
    if (!this.transportImpl.isOpen) {
      throw new RfidError(this.closedByUser || !this.hasBeenOpen ? 'NOT_OPEN' : 'DISCONNECTED', {
        path: this.transport.path,
      });
    }
    this.splitter.reset();
    this.wireErrors = [];
    const answer = new Promise<Uint8Array>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = undefined;
        reject(this.wireErrors[0] ?? new RfidError('TIMEOUT', { path: this.transport.path }));
      }, timeoutMs);
      this.pending = {
        resolve: (f) => {
          clearTimeout(timer);
          resolve(f);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
    });
    // The answer may fail (close, unplug) while the write is still draining: mark it handled now.
    answer.catch(() => undefined);
    try {
      await this.transportImpl.write(request);
    } catch (e) {
      this.pending?.reject(e as RfidError);
      this.pending = undefined;
    }
    return answer;
  }

  private onData(chunk: Uint8Array): void {
    const { frames, errors } = this.splitter.push(chunk);
    this.wireErrors.push(...errors);
    const p = this.pending;
    if (!p) return;
    if (frames[0]) {
      this.pending = undefined;
      p.resolve(frames[0]);
    } else if (errors[0]) {
      this.pending = undefined;
      p.reject(errors[0]);
    }
  }

  private onClose(reason?: RfidError): void {
    const wasConnected = this.connected;
    this.connected = false;
    const err = reason ?? new RfidError('CANCELED', { path: this.transport.path });
    this.pending?.reject(err);
    this.pending = undefined;
    if (!reason?.disconnected || this.closedByUser) return;
    if (wasConnected) this.events.emit('disconnect', reason);
    if (this.options.reconnect !== false) this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    const interval = (this.options.reconnect || {}).intervalMs ?? 250;
    this.reconnectTimer = setTimeout(async () => {
      if (this.closedByUser) return;
      try {
        await this.transportImpl.open();
        this.connected = true;
        this.events.emit('reconnect');
      } catch {
        this.scheduleReconnect();
      }
    }, interval);
  }
}
