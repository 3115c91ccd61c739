/**
 * A simulated reader on the far end of a transport: it reads request frames,
 * runs them against a virtual pad, and answers after the time a real reader
 * would take — ISO 15693 air time plus the serial byte time of both frames.
 */
import { RfidError } from '../errors';
import type { Transport } from '../transport/Transport';
import { serialTime } from '../iso15693/timing';
import { handlerFor, type SimContext, type SimProtocol } from './handlers';
import { VirtualPad } from './VirtualPad';

export interface SimulatorOptions {
  protocol: SimProtocol;
  pad?: VirtualPad;
  /** Wait the modelled time before answering (default true). */
  realTime?: boolean;
  /** Line rate used for the serial byte time; default: the transport's, else the family's. */
  baudRate?: number;
  bitsPerByte?: number;
  /** Busy-wait (yielding) for the last `spinMs` before an answer is due, for timing accuracy on a loaded machine. Default 4. */
  spinMs?: number;
}

export interface SimulatorStats {
  requests: number;
  airTimeUs: number;
  serialTimeUs: number;
  crcErrorsInjected: number;
  /** How late answers left compared with the modelled time (timer and scheduling lag of the simulator itself). */
  lateUs: number;
}

const DEFAULT_LINE: Record<SimProtocol, { baudRate: number; bitsPerByte: number } | undefined> = {
  '3m': { baudRate: 19200, bitsPerByte: 10 },
  feig: { baudRate: 38400, bitsPerByte: 11 },
  'hid-rrhf': undefined, // USB full speed: byte time negligible against air time
};

/** Sleeps until `deadline` (performance.now() ms) with sub-millisecond accuracy. */
async function sleepUntil(deadline: number, spinMs: number): Promise<void> {
  const coarse = deadline - performance.now() - spinMs;
  if (coarse > 0) await new Promise((r) => setTimeout(r, coarse));
  while (performance.now() < deadline) await new Promise((r) => setImmediate(r));
}

export class ReaderSimulator {
  readonly pad: VirtualPad;
  readonly stats: SimulatorStats = {
    requests: 0,
    airTimeUs: 0,
    serialTimeUs: 0,
    crcErrorsInjected: 0,
    lateUs: 0,
  };
  private readonly ctx: SimContext;
  private crcFaults = 0;
  private readonly splitter;
  private readonly handler;
  private chain: Promise<void> = Promise.resolve();
  private offData: (() => void) | undefined;

  constructor(
    private transport: Transport,
    private readonly options: SimulatorOptions,
  ) {
    this.pad = options.pad ?? new VirtualPad();
    this.ctx = { pad: this.pad, dropCollided: false };
    this.handler = handlerFor(options.protocol);
    this.splitter = this.handler.splitter();
  }

  /** Starts listening (opens the transport if needed). */
  async start(): Promise<void> {
    await this.transport.open();
    this.splitter.reset();
    this.offData?.();
    this.offData = this.transport.on('data', (chunk) => this.onData(chunk, performance.now()));
  }

  async stop(): Promise<void> {
    this.offData?.();
    this.offData = undefined;
    await this.transport.close();
  }

  /** Swap the transport (after a re-plug made a new one) and start again. */
  async attach(transport: Transport): Promise<void> {
    this.offData?.();
    this.transport = transport;
    await this.start();
  }

  /** Fault: corrupt the CRC of the next `n` answers on the wire. */
  injectCrcError(n = 1): void {
    this.crcFaults += n;
  }

  /** Fault: the next inventory misses the tags of a collision the reader failed to resolve. */
  injectCollision(): void {
    this.ctx.dropCollided = true;
  }

  /** Fault: the tag leaves the pad after `blocks` more blocks are written. */
  liftDuringWrite(uid: string, blocks: number): void {
    this.pad.liftDuringWrite(uid, blocks);
  }

  private line() {
    const d = DEFAULT_LINE[this.options.protocol];
    const baudRate = this.options.baudRate ?? this.transport.info.baudRate ?? d?.baudRate;
    const bitsPerByte = this.options.bitsPerByte ?? this.transport.info.bitsPerByte ?? d?.bitsPerByte ?? 10;
    return baudRate ? { baudRate, bitsPerByte } : undefined;
  }

  private onData(chunk: Uint8Array, at: number): void {
    const { frames } = this.splitter.push(chunk);
    for (const frame of frames) this.chain = this.chain.then(() => this.answer(frame, at));
  }

  private async answer(frame: Uint8Array, receivedAt: number): Promise<void> {
    let result;
    try {
      result = this.handler.handle(frame, this.ctx);
    } catch (e) {
      if (e instanceof RfidError) return; // a real reader ignores frames it cannot parse
      throw e;
    }
    const line = this.line();
    // The request's bytes reached us instantly over the PTY; a real line would have taken this long.
    const serialUs = line
      ? serialTime(frame.length + result.answer.length, line.baudRate, line.bitsPerByte)
      : 0;
    this.stats.requests++;
    this.stats.airTimeUs += result.airTimeUs;
    this.stats.serialTimeUs += serialUs;
    let bytes = result.answer;
    if (this.crcFaults > 0) {
      this.crcFaults--;
      this.stats.crcErrorsInjected++;
      bytes = bytes.slice();
      const last = bytes.length - 1 - [...bytes].reverse().findIndex((b) => b !== 0); // last frame byte (HID has zero fill)
      bytes[last] = bytes[last]! ^ 0xff;
    }
    if (this.options.realTime ?? true) {
      const deadline = receivedAt + (result.airTimeUs + serialUs) / 1000;
      await sleepUntil(deadline, this.options.spinMs ?? 4);
      this.stats.lateUs += Math.max(0, performance.now() - deadline) * 1000;
    }
    if (this.transport.isOpen) await this.transport.write(bytes).catch(() => undefined);
  }
}
