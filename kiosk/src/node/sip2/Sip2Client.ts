import { EventEmitter } from 'node:events';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import type { SipCharset } from './charset';
import { decodeFrame, encodeMessage, type SipCodecOptions } from './codec';
import { SipFrameReader } from './framing';
import {
  RESPONSE_OF,
  type AcsStatus,
  type CheckinResponse,
  type CheckoutResponse,
  type EndSessionResponse,
  type ItemInformationResponse,
  type PatronInformationResponse,
  type PatronStatusResponse,
  type RenewResponse,
  type ResponseTo,
  type SipMessage,
  type SipMessageOf,
  type SipRequestType,
} from './messages';
import type { SummaryItems } from './fields';
import { SipError } from './SipError';
import { timestampFromDate, type SipTimestamp } from './timestamp';

export interface Sip2ClientOptions {
  host: string;
  port: number;
  /** TLS: true for defaults, or node:tls options (CA, client certificate, servername). */
  tls?: boolean | ConnectionOptions;
  charset?: SipCharset;
  terminator?: 'cr' | 'crlf';
  /** `AY`/`AZ` on every request (default true). */
  errorDetection?: boolean;
  /** Terminal login (93). Omit for systems that authenticate by address. */
  login?: { userId: string; password: string; locationCode?: string };
  /** `AO` sent with every request. */
  institutionId: string;
  /** `AC` sent with every request that has it (default empty). */
  terminalPassword?: string;
  /** `AP` current location for checkin (default: the login's location code, else `institutionId`). */
  location?: string;
  /** SIP2 language code for patron requests (default `002`, French). */
  language?: string;
  /** Answer timeout until the 98 gives one (default 5000 ms). */
  timeoutMs?: number;
  /** Retries after a timeout until the 98 gives a number (default 2). */
  retries?: number;
  /** Resend requests (97) on a bad checksum before it counts as a failed try (default 3). */
  maxResends?: number;
  /** SC Status polling while idle (default 30,000 ms; 0 = off). */
  statusIntervalMs?: number;
  connectTimeoutMs?: number;
  /** Reconnect backoff: initial delay, ceiling, growth factor (defaults 500 ms, 30 s, 2). */
  backoff?: { initialMs?: number; maxMs?: number; factor?: number };
  /** Zone written in transaction dates (default `local`: blank zone, as most systems expect). */
  zone?: 'local' | 'utc';
  /** Injected clock (tests). */
  now?: () => Date;
}

/**
 * `connecting`: opening the connection and logging in; `online`: requests are accepted;
 * `offline`: the library system cannot be reached, or says it is off-line (98 with N) —
 * every request fails at once with `OFFLINE` while the client keeps reconnecting;
 * `closed`: `close()` was called.
 */
export type Sip2ClientState = 'idle' | 'connecting' | 'online' | 'offline' | 'closed';

export interface Sip2ClientEvents {
  state: [state: Sip2ClientState, reason?: SipError];
  online: [status: AcsStatus];
  offline: [reason: SipError];
}

interface Pending {
  message: SipMessage;
  expect: string;
  resolve: (m: SipMessage) => void;
  reject: (e: SipError) => void;
}

/**
 * SIP2 client for a long-running kiosk: one connection, one request in flight, sequence
 * numbers and checksums (SIP2 §2.00 error detection), resend on a bad checksum, timeouts
 * and retries from the ACS Status (98), status polling, reconnect with backoff.
 */
export class Sip2Client {
  private readonly events = new EventEmitter();
  private socket: Socket | undefined;
  private reader = new SipFrameReader();
  private queue: Pending[] = [];
  private inFlight:
    (Pending & { bytes: Buffer; tries: number; resends: number; timer?: NodeJS.Timeout }) | undefined;
  private sequence = 0;
  private timeoutMs: number;
  private retries: number;
  private attempt = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private currentState: Sip2ClientState = 'idle';
  private lastStatus: AcsStatus | undefined;
  private readonly codec: SipCodecOptions;
  private firstSettle: ((s: Sip2ClientState) => void) | undefined;

  constructor(private readonly opts: Sip2ClientOptions) {
    this.timeoutMs = opts.timeoutMs ?? 5000;
    this.retries = opts.retries ?? 2;
    this.codec = {
      charset: opts.charset ?? 'utf-8',
      terminator: opts.terminator ?? 'cr',
      errorDetection: opts.errorDetection ?? true,
    };
    this.events.setMaxListeners(50);
  }

  get state(): Sip2ClientState {
    return this.currentState;
  }

  /** The last ACS Status (98) received. */
  get acsStatus(): AcsStatus | undefined {
    return this.lastStatus;
  }

  /** Answer timeout and retries in force (from the 98 once received). */
  get limits(): { timeoutMs: number; retries: number } {
    return { timeoutMs: this.timeoutMs, retries: this.retries };
  }

  on<E extends keyof Sip2ClientEvents>(
    event: E,
    listener: (...args: Sip2ClientEvents[E]) => void,
  ): () => void {
    this.events.on(event, listener as (...args: unknown[]) => void);
    return () => this.events.off(event, listener as (...args: unknown[]) => void);
  }

  /** Connect, log in and fetch the ACS status. Resolves with the first settled state (`online` or `offline`); reconnects continue after. */
  start(): Promise<Sip2ClientState> {
    if (this.currentState !== 'idle') return Promise.resolve(this.currentState);
    return new Promise((resolve) => {
      this.firstSettle = resolve;
      void this.connect();
    });
  }

  async close(): Promise<void> {
    this.setState('closed');
    clearTimeout(this.reconnectTimer);
    clearInterval(this.pollTimer);
    this.failAll(new SipError('CLOSED', 'client closed'));
    const s = this.socket;
    this.socket = undefined;
    if (s && !s.destroyed) await new Promise<void>((r) => s.end(() => r()));
    s?.destroy();
  }

  // ------------------------------------------------------------------ typed requests

  private ts(date?: Date): SipTimestamp {
    return timestampFromDate(date ?? this.opts.now?.() ?? new Date(), this.opts.zone ?? 'local');
  }

  private get ao(): string {
    return this.opts.institutionId;
  }

  private get ac(): string {
    return this.opts.terminalPassword ?? '';
  }

  status(): Promise<AcsStatus> {
    return this.request({ type: 'scStatus', statusCode: '0', maxPrintWidth: 40, protocolVersion: '2.00' });
  }

  patronStatus(patronIdentifier: string, patronPassword = ''): Promise<PatronStatusResponse> {
    return this.request({
      type: 'patronStatusRequest',
      language: this.opts.language ?? '002',
      transactionDate: this.ts(),
      institutionId: this.ao,
      patronIdentifier,
      terminalPassword: this.ac,
      patronPassword,
    });
  }

  patronInformation(args: {
    patronIdentifier: string;
    patronPassword?: string;
    summary?: SummaryItems;
    startItem?: number;
    endItem?: number;
    language?: string;
  }): Promise<PatronInformationResponse> {
    return this.request({
      type: 'patronInformationRequest',
      language: args.language ?? this.opts.language ?? '002',
      transactionDate: this.ts(),
      summary: args.summary ?? null,
      institutionId: this.ao,
      patronIdentifier: args.patronIdentifier,
      terminalPassword: this.ac,
      ...(args.patronPassword !== undefined ? { patronPassword: args.patronPassword } : {}),
      ...(args.startItem !== undefined ? { startItem: args.startItem } : {}),
      ...(args.endItem !== undefined ? { endItem: args.endItem } : {}),
    });
  }

  /**
   * Checkout (11). For an offline replay set `noBlock` and the original `transactionDate`:
   * the embedded network applies it once per (card, item, date).
   */
  checkout(args: {
    patronIdentifier: string;
    itemIdentifier: string;
    patronPassword?: string;
    noBlock?: boolean;
    transactionDate?: Date;
    feeAcknowledged?: boolean;
  }): Promise<CheckoutResponse> {
    return this.request({
      type: 'checkoutRequest',
      scRenewalPolicy: true,
      noBlock: args.noBlock ?? false,
      transactionDate: this.ts(args.transactionDate),
      nbDueDate: null,
      institutionId: this.ao,
      patronIdentifier: args.patronIdentifier,
      itemIdentifier: args.itemIdentifier,
      terminalPassword: this.ac,
      ...(args.patronPassword !== undefined ? { patronPassword: args.patronPassword } : {}),
      ...(args.feeAcknowledged !== undefined ? { feeAcknowledged: args.feeAcknowledged } : {}),
    });
  }

  checkin(args: {
    itemIdentifier: string;
    noBlock?: boolean;
    returnDate?: Date;
    location?: string;
  }): Promise<CheckinResponse> {
    const when = this.ts(args.returnDate);
    return this.request({
      type: 'checkinRequest',
      noBlock: args.noBlock ?? false,
      transactionDate: this.ts(),
      returnDate: when,
      currentLocation: args.location ?? this.opts.location ?? this.opts.login?.locationCode ?? this.ao,
      institutionId: this.ao,
      itemIdentifier: args.itemIdentifier,
      terminalPassword: this.ac,
    });
  }

  renew(args: {
    patronIdentifier: string;
    itemIdentifier: string;
    patronPassword?: string;
  }): Promise<RenewResponse> {
    return this.request({
      type: 'renewRequest',
      thirdPartyAllowed: false,
      noBlock: false,
      transactionDate: this.ts(),
      nbDueDate: null,
      institutionId: this.ao,
      patronIdentifier: args.patronIdentifier,
      itemIdentifier: args.itemIdentifier,
      terminalPassword: this.ac,
      ...(args.patronPassword !== undefined ? { patronPassword: args.patronPassword } : {}),
    });
  }

  itemInformation(itemIdentifier: string): Promise<ItemInformationResponse> {
    return this.request({
      type: 'itemInformationRequest',
      transactionDate: this.ts(),
      institutionId: this.ao,
      itemIdentifier,
      terminalPassword: this.ac,
    });
  }

  endPatronSession(patronIdentifier: string, patronPassword?: string): Promise<EndSessionResponse> {
    return this.request({
      type: 'endPatronSessionRequest',
      transactionDate: this.ts(),
      institutionId: this.ao,
      patronIdentifier,
      terminalPassword: this.ac,
      ...(patronPassword !== undefined ? { patronPassword } : {}),
    });
  }

  /** Send any request and get its typed answer. Fails at once with `OFFLINE` unless online. */
  request<K extends SipRequestType>(message: SipMessageOf<K>): Promise<ResponseTo<K>> {
    if (this.currentState !== 'online') {
      return Promise.reject(
        new SipError(this.currentState === 'closed' ? 'CLOSED' : 'OFFLINE', 'library system offline', {
          state: this.currentState,
        }),
      );
    }
    // The table RESPONSE_OF guarantees the answer's type; TypeScript cannot follow K through it.
    return this.exchange(message as unknown as SipMessage) as unknown as Promise<ResponseTo<K>>;
  }

  // ------------------------------------------------------------------ connection

  private setState(state: Sip2ClientState, reason?: SipError): void {
    if (this.currentState === 'closed' && state !== 'closed') return;
    const previous = this.currentState;
    this.currentState = state;
    if (previous !== state) {
      this.events.emit('state', state, reason);
      if (state === 'online' && this.lastStatus) this.events.emit('online', this.lastStatus);
      if (state === 'offline')
        this.events.emit('offline', reason ?? new SipError('OFFLINE', 'library system offline'));
    }
    if ((state === 'online' || state === 'offline') && this.firstSettle) {
      const settle = this.firstSettle;
      this.firstSettle = undefined;
      settle(state);
    }
  }

  private isClosed(): boolean {
    return this.currentState === 'closed';
  }

  private async connect(): Promise<void> {
    if (this.currentState === 'closed') return;
    this.setState(this.currentState === 'offline' ? 'offline' : 'connecting');
    let opened: Socket | undefined;
    try {
      const socket = await this.openSocket();
      opened = socket;
      if (this.isClosed()) {
        socket.destroy();
        return;
      }
      this.socket = socket;
      this.reader = new SipFrameReader();
      socket.on('data', (chunk: Buffer) => this.onData(chunk));
      socket.on('close', () => this.onClose(socket));
      socket.on('error', () => socket.destroy());
      if (this.opts.login) {
        const r = (await this.exchange({
          type: 'loginRequest',
          uidAlgorithm: '0',
          pwdAlgorithm: '0',
          loginUserId: this.opts.login.userId,
          loginPassword: this.opts.login.password,
          ...(this.opts.login.locationCode ? { locationCode: this.opts.login.locationCode } : {}),
        })) as SipMessageOf<'loginResponse'>;
        if (r.ok !== '1')
          throw new SipError('LOGIN_REFUSED', 'the library system refused the terminal login');
      }
      await this.applyStatus(
        (await this.exchange({
          type: 'scStatus',
          statusCode: '0',
          maxPrintWidth: 40,
          protocolVersion: '2.00',
        })) as AcsStatus,
      );
      this.attempt = 0;
      this.startPolling();
    } catch (err) {
      // If the socket's own close already dropped it, a reconnect is scheduled: do not schedule twice.
      if (opened && this.socket !== opened) return;
      const reason = err instanceof SipError ? err : new SipError('OFFLINE', (err as Error).message);
      this.dropConnection(reason);
    }
  }

  private openSocket(): Promise<Socket> {
    const { host, port } = this.opts;
    const timeout = this.opts.connectTimeoutMs ?? 5000;
    return new Promise((resolve, reject) => {
      const tlsOpts = this.opts.tls === true ? {} : this.opts.tls;
      const socket: Socket = tlsOpts
        ? tlsConnect({ host, port, ...tlsOpts }, () => done())
        : netConnect({ host, port }, () => done());
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new SipError('OFFLINE', `no connection to ${host}:${port} within ${timeout} ms`));
      }, timeout);
      const done = () => {
        clearTimeout(timer);
        socket.setNoDelay(true);
        socket.removeListener('error', fail);
        resolve(socket);
      };
      const fail = (err: Error) => {
        clearTimeout(timer);
        reject(new SipError('OFFLINE', `cannot reach ${host}:${port}: ${err.message}`));
      };
      socket.once('error', fail);
    });
  }

  private async applyStatus(status: AcsStatus): Promise<void> {
    this.lastStatus = status;
    // SIP2 §2.00: timeout in tenths of a second, 000 = no timeout wanted, 999 = unknown.
    if (status.timeoutPeriod > 0 && status.timeoutPeriod < 999) this.timeoutMs = status.timeoutPeriod * 100;
    if (status.retriesAllowed < 999) this.retries = status.retriesAllowed;
    if (status.onlineStatus) this.setState('online');
    else
      this.setState(
        'offline',
        new SipError('OFFLINE', 'the library system reports it is off-line', { acsOnline: false }),
      );
  }

  private startPolling(): void {
    clearInterval(this.pollTimer);
    const every = this.opts.statusIntervalMs ?? 30_000;
    if (every <= 0) return;
    this.pollTimer = setInterval(() => {
      if (this.inFlight || this.queue.length > 0 || !this.socket) return;
      this.exchange({ type: 'scStatus', statusCode: '0', maxPrintWidth: 40, protocolVersion: '2.00' })
        .then((s) => this.applyStatus(s as AcsStatus))
        .catch(() => undefined);
    }, every);
    this.pollTimer.unref();
  }

  private dropConnection(reason: SipError): void {
    clearInterval(this.pollTimer);
    const s = this.socket;
    this.socket = undefined;
    s?.destroy();
    this.failAll(
      reason.code === 'TIMEOUT' || reason.code === 'CONNECTION_CLOSED'
        ? reason
        : new SipError('OFFLINE', reason.message, { cause: reason.code }),
    );
    if (this.currentState === 'closed') return;
    this.setState('offline', reason);
    const b = this.opts.backoff ?? {};
    const base = Math.min(b.maxMs ?? 30_000, (b.initialMs ?? 500) * (b.factor ?? 2) ** this.attempt);
    const delay = Math.round(base * (0.8 + Math.random() * 0.4));
    this.attempt++;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => void this.connect(), delay);
    this.reconnectTimer.unref();
  }

  private onClose(socket: Socket): void {
    if (socket !== this.socket) return;
    this.dropConnection(new SipError('CONNECTION_CLOSED', 'the library system closed the connection'));
  }

  private failAll(err: SipError): void {
    const f = this.inFlight;
    this.inFlight = undefined;
    if (f) {
      clearTimeout(f.timer);
      f.reject(err);
    }
    const q = this.queue;
    this.queue = [];
    for (const p of q)
      p.reject(new SipError(err.code === 'CLOSED' ? 'CLOSED' : 'OFFLINE', 'library system offline'));
  }

  // ------------------------------------------------------------------ one request in flight

  private exchange(message: SipMessage): Promise<SipMessage> {
    const expect = (RESPONSE_OF as Record<string, string>)[message.type];
    if (!expect)
      return Promise.reject(new SipError('UNEXPECTED_RESPONSE', `${message.type} is not a request`));
    return new Promise((resolve, reject) => {
      this.queue.push({ message, expect, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    if (this.inFlight || !this.socket) return;
    const next = this.queue.shift();
    if (!next) return;
    this.sequence = (this.sequence + 1) % 10;
    let bytes: Buffer;
    try {
      bytes = encodeMessage(next.message, { ...this.codec, sequence: this.sequence });
    } catch (err) {
      next.reject(err as SipError);
      this.pump();
      return;
    }
    this.inFlight = { ...next, bytes, tries: 0, resends: 0 };
    this.write(bytes);
  }

  private write(bytes: Buffer): void {
    const f = this.inFlight;
    if (!f || !this.socket) return;
    clearTimeout(f.timer);
    f.timer = setTimeout(() => this.onTimeout(), this.timeoutMs);
    this.socket.write(bytes);
  }

  private onTimeout(): void {
    const f = this.inFlight;
    if (!f) return;
    if (f.tries < this.retries) {
      f.tries++;
      f.resends = 0;
      this.write(f.bytes);
      return;
    }
    // The connection's state is unknown after silence: start again from a clean one.
    this.dropConnection(
      new SipError(
        'TIMEOUT',
        `no answer to ${f.message.type} within ${this.timeoutMs} ms after ${f.tries} retries`,
        {
          messageId: f.bytes.subarray(0, 2).toString('latin1'),
        },
      ),
    );
  }

  private onData(chunk: Buffer): void {
    let frames: Buffer[];
    try {
      frames = this.reader.push(chunk);
    } catch (err) {
      this.dropConnection(err as SipError);
      return;
    }
    for (const frame of frames) this.onFrame(frame);
  }

  private onFrame(frame: Buffer): void {
    const f = this.inFlight;
    if (!f) return; // nothing asked: an unsolicited or stale answer
    let decoded;
    try {
      decoded = decodeFrame(frame, this.codec);
    } catch {
      decoded = undefined;
    }
    if (!decoded || decoded.checksumValid === false) {
      // SIP2 §2.00: ask the ACS to resend its last message (97).
      if (f.resends < (this.opts.maxResends ?? 3)) {
        f.resends++;
        this.write(encodeMessage({ type: 'requestAcsResend' }, this.codec));
      } else {
        this.onTimeout();
      }
      return;
    }
    const m = decoded.message;
    if (m.type === 'requestScResend') {
      this.write(f.bytes);
      return;
    }
    if (m.type !== f.expect) {
      // A late answer to an earlier request, or a login refusal of an unauthenticated one.
      if (m.type === 'loginResponse' && f.expect !== 'loginResponse') {
        this.finish(f, undefined, new SipError('LOGIN_REFUSED', 'the library system wants a login first'));
      }
      return;
    }
    if (
      this.codec.errorDetection !== false &&
      decoded.sequence !== null &&
      decoded.sequence !== this.sequence
    )
      return;
    this.finish(f, m);
  }

  private finish(f: NonNullable<typeof this.inFlight>, message?: SipMessage, err?: SipError): void {
    clearTimeout(f.timer);
    this.inFlight = undefined;
    if (message) f.resolve(message);
    else f.reject(err ?? new SipError('UNEXPECTED_RESPONSE', 'no answer'));
    this.pump();
  }
}
