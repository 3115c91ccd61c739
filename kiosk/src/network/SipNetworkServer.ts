import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import {
  SipFrameReader,
  decodeFrame,
  encodeMessage,
  type SipCharset,
  type SipCodecOptions,
  type SipMessage,
} from '../node/sip2';
import { NetworkService, type TerminalSession } from './NetworkService';
import { openNetworkDb, type NetworkDb } from './schema';

/**
 * Faults to inject into the next answers — for tests and demos of the kiosk's
 * offline handling. Each fault applies to `times` answers (default 1), then is spent.
 */
export type NetworkFault =
  /** Close the connection instead of answering. */
  | { kind: 'drop'; times?: number }
  /** Answer after `ms` milliseconds. */
  | { kind: 'delay'; ms: number; times?: number }
  /** Send the answer with a wrong checksum (a resend request then gets the right bytes). */
  | { kind: 'corrupt-checksum'; times?: number }
  /** Never answer. */
  | { kind: 'silence'; times?: number };

export interface SipNetworkServerOptions {
  /** SQLite file (created if absent), or an open database. */
  db: string | NetworkDb;
  port?: number;
  host?: string;
  charset?: SipCharset;
  terminator?: 'cr' | 'crlf';
  clock?: () => Date;
  /** Serve SIP2 over TLS with this key and certificate (PEM). */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** 98 timeout period in tenths of a second (default 50 = 5 s) and retries allowed (default 3). */
  acsTimeoutTenths?: number;
  acsRetries?: number;
  /** Refuse every request but login and status until the terminal has logged in (default true). */
  requireLogin?: boolean;
}

export interface SipNetworkServer {
  readonly host: string;
  readonly port: number;
  readonly service: NetworkService;
  readonly db: NetworkDb;
  /** Queue a fault for the next answers. */
  inject(fault: NetworkFault): void;
  /** Make the 98 say the library system is off-line (N) or on-line (Y). */
  setAcsOnline(online: boolean): void;
  /**
   * Counters since start: requests answered, resend requests received (97) and sent (96), and
   * the time inside the server from a complete request frame to its answer written (last 100,000).
   */
  stats(): {
    requests: number;
    acsResends: number;
    scResends: number;
    serviceMs: { p50: number; p99: number; max: number };
  };
  /** Start the counters and timings afresh. */
  resetStats(): void;
  /** Number of live connections. */
  connections(): number;
  close(): Promise<void>;
}

/** The embedded Les Balises library system, speaking SIP2 over TCP. */
export async function startSipNetworkServer(opts: SipNetworkServerOptions): Promise<SipNetworkServer> {
  const db = typeof opts.db === 'string' ? openNetworkDb(opts.db) : opts.db;
  const service = new NetworkService(db, opts.clock);
  service.acs.timeoutTenths = opts.acsTimeoutTenths ?? 50;
  service.acs.retries = opts.acsRetries ?? 3;
  const counters = { requests: 0, acsResends: 0, scResends: 0 };
  const serviceMs = new Float64Array(100_000);
  let timed = 0;
  const faults: (NetworkFault & { left: number })[] = [];
  const sockets = new Set<Socket>();
  const codec: SipCodecOptions = { charset: opts.charset ?? 'utf-8', terminator: opts.terminator ?? 'cr' };
  const requireLogin = opts.requireLogin ?? true;

  const takeFault = (): NetworkFault | undefined => {
    const f = faults[0];
    if (!f) return undefined;
    if (--f.left <= 0) faults.shift();
    return f;
  };

  const onConnection = (socket: Socket): void => {
    sockets.add(socket);
    socket.setNoDelay(true);
    const session: TerminalSession = { loggedIn: false };
    const reader = new SipFrameReader();
    let last: Buffer | undefined;
    let queue = Promise.resolve();

    const send = (bytes: Buffer) => {
      last = bytes;
      if (!socket.destroyed) socket.write(bytes);
    };

    const answer = async (frame: Buffer): Promise<void> => {
      let request: SipMessage;
      let sequence: number | null;
      let errorDetection: boolean;
      try {
        const d = decodeFrame(frame, codec);
        if (d.checksumValid === false) {
          // SIP2 §2.00: a garbled request is answered by Request SC Resend (96).
          counters.scResends++;
          socket.write(encodeMessage({ type: 'requestScResend' }, codec));
          return;
        }
        request = d.message;
        sequence = d.sequence;
        errorDetection = d.checksum !== null;
      } catch {
        counters.scResends++;
        socket.write(encodeMessage({ type: 'requestScResend' }, codec));
        return;
      }
      if (request.type === 'requestAcsResend') {
        counters.acsResends++;
        if (last) socket.write(last);
        return;
      }
      const fault = takeFault();
      if (fault?.kind === 'drop') {
        socket.destroy();
        return;
      }
      if (fault?.kind === 'silence') return;
      if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
      const started = performance.now();

      const allowed =
        !requireLogin || session.loggedIn || request.type === 'loginRequest' || request.type === 'scStatus';
      const response = allowed ? service.handle(request, session) : null;
      counters.requests++;
      if (!response) {
        // SIP2 has no error message: a request before login gets a refused login (94, ok 0).
        if (!allowed) socket.write(encodeMessage({ type: 'loginResponse', ok: '0' }, codec));
        return;
      }
      const bytes = encodeMessage(response, { ...codec, errorDetection, sequence: sequence ?? 0 });
      last = bytes;
      if (fault?.kind === 'corrupt-checksum') {
        const garbled = Buffer.from(bytes);
        const at = garbled.length - (codec.terminator === 'crlf' ? 3 : 2);
        garbled[at] = garbled[at] === 0x30 ? 0x31 : 0x30;
        if (!socket.destroyed) socket.write(garbled);
        return;
      }
      send(bytes);
      serviceMs[timed++ % serviceMs.length] = performance.now() - started;
    };

    socket.on('data', (chunk) => {
      let frames: Buffer[];
      try {
        frames = reader.push(chunk);
      } catch {
        socket.destroy();
        return;
      }
      for (const frame of frames) {
        // One answer at a time per connection, in order.
        queue = queue.then(() => answer(frame)).catch(() => void socket.destroy());
      }
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
  };
  const server: Server = opts.tls
    ? createTlsServer({ key: opts.tls.key, cert: opts.tls.cert }, onConnection)
    : createServer(onConnection);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;

  return {
    host: address.address,
    port: address.port,
    service,
    db,
    inject: (fault) => faults.push({ ...fault, left: fault.times ?? 1 }),
    setAcsOnline: (online) => {
      service.acs.online = online;
    },
    stats: () => {
      const sorted = serviceMs.slice(0, Math.min(timed, serviceMs.length)).sort();
      const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
      return { ...counters, serviceMs: { p50: at(0.5), p99: at(0.99), max: at(1) } };
    },
    resetStats: () => {
      counters.requests = counters.acsResends = counters.scResends = 0;
      timed = 0;
    },
    connections: () => sockets.size,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (typeof opts.db === 'string') db.close();
    },
  };
}
