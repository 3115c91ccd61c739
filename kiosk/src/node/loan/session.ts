/**
 * The loan session: the kiosk's behaviour from "welcome" to "receipt", with no Electron, no browser
 * and no SIP2 details. Every checkout and checkin goes through the journal in the order
 *   journal intent → library system → journal answer → journal target tag state → tag → journal done
 * so that recovery can always bring tag and loan record back into agreement.
 *
 * The session implements the `kiosk` service contract; the shells only carry it.
 */
import type { ItemView, KioskState, Locale, Mode, RefusalCode } from '../../common/contracts';
import type { Journal } from '../journal/journal';
import {
  LibraryOffline,
  PadWriteError,
  type LibrarySystem,
  type Pad,
  type PadItem,
  type PatronRecord,
  type Printer,
  type Unsubscribe,
} from './ports';
import { recover, replayQueue } from './recovery';

export interface SessionConfig {
  library: { name: string; isil: string };
  /** ISIL codes of the network's member libraries: items owned elsewhere are refused. */
  networkIsils: string[];
  defaultLocale: Locale;
  /** Seconds without a touch or a pad change before the session is forgotten (EN 301 549: adjustable). */
  idleSeconds: number;
  /** The warning is shown (and sounded) this many seconds before the end. */
  idleWarningSeconds: number;
  /** How long the receipt screen stays before the kiosk resets. */
  receiptSeconds: number;
  maxPinAttempts: number;
  offline: {
    enabled: boolean;
    maxCheckoutsPerCard: number;
    /** ISO 28560 types of usage that must never be lent offline. */
    refusedTypesOfUsage: number[];
  };
}

export const defaultSessionConfig: Omit<SessionConfig, 'library' | 'networkIsils'> = {
  defaultLocale: 'fr',
  idleSeconds: 60,
  idleWarningSeconds: 20,
  receiptSeconds: 10,
  maxPinAttempts: 3,
  offline: { enabled: true, maxCheckoutsPerCard: 5, refusedTypesOfUsage: [] },
};

export interface Clock {
  now(): Date;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemClock: Clock = {
  now: () => new Date(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Named moments between two journal writes, for the crash-point tests. */
/** The step boundaries of a loan or a return where a test may kill the kiosk, in the order they are passed. */
export const CRASH_POINTS = [
  'checkout:intent-recorded',
  'checkout:answer-recorded',
  'checkout:target-recorded',
  'checkout:tag-partly-written',
  'checkout:tag-written',
  'checkin:intent-recorded',
  'checkin:answer-recorded',
  'checkin:target-recorded',
  'checkin:tag-partly-written',
  'checkin:tag-written',
] as const;

export type CrashPoint = (typeof CRASH_POINTS)[number];

export interface SessionDeps {
  library: LibrarySystem;
  pad: Pad;
  journal: Journal;
  printer?: Printer;
  config: SessionConfig;
  clock?: Clock;
  /** Called at each step boundary; the crash test kills the process there. */
  crashPoint?: (point: CrashPoint) => void;
  log?: (message: string, data?: Record<string, unknown>) => void;
}

interface Tracked {
  view: ItemView;
  /** All tags of the document (one, or every part of a set). */
  uids: string[];
  /** Processed: lent, returned or finally refused; pad changes no longer matter. */
  settled: boolean;
  /** Lifted during the tag write: kept on screen with its refusal, processed again if put back. */
  retryWhenBack?: boolean;
}

export class LoanSession {
  private readonly library: LibrarySystem;
  private readonly pad: Pad;
  private readonly journal: Journal;
  private readonly printer: Printer | undefined;
  private readonly config: SessionConfig;
  private readonly clock: Clock;
  private readonly crash: (point: CrashPoint) => void;
  private readonly log: (message: string, data?: Record<string, unknown>) => void;

  private state: KioskState;
  private card: string | null = null;
  private pinAttempts = 0;
  /** Documents of this session, keyed by item id (a set's parts share one). */
  private tracked = new Map<string, Tracked>();
  private work: Promise<void> = Promise.resolve();
  private idleTimer: unknown = null;
  private tickTimer: unknown = null;
  private idleDeadline = 0;
  private receiptTimer: unknown = null;
  private readonly listeners = new Set<(s: KioskState) => void>();
  private readonly subscriptions: Unsubscribe[] = [];
  private emitScheduled = false;

  constructor(deps: SessionDeps) {
    this.library = deps.library;
    this.pad = deps.pad;
    this.journal = deps.journal;
    this.printer = deps.printer;
    this.config = deps.config;
    this.clock = deps.clock ?? systemClock;
    this.crash = deps.crashPoint ?? (() => {});
    this.log = deps.log ?? (() => {});
    this.state = this.blankState(this.config.defaultLocale);
    this.subscriptions.push(
      this.pad.onDidChangeItems(() => this.onPadChanged()),
      this.pad.onDidChangeCards((cards) => {
        const first = cards[0];
        if (first && (this.state.screen === 'welcome' || this.state.screen === 'identify') && !this.card) {
          if (this.state.screen === 'welcome') this.state.mode = 'borrow';
          void this.identify({ card: first.card });
        }
      }),
      this.pad.onDidChangeConnection((connected) => {
        this.state.readerConnected = connected;
        this.emit();
        if (!connected) return;
        // Steps left pending while the reader was away can be settled now.
        if (this.journal.unfinished().length > 0) void this.enqueue(() => this.settleJournal());
        this.onPadChanged();
      }),
      this.library.onDidChangeOnline((online) => {
        this.state.online = online;
        this.emit();
        if (online) void this.enqueue(() => this.settleJournal());
      }),
    );
  }

  /** Runs recovery once at start-up, before the first visitor. */
  async start(): Promise<void> {
    await this.enqueue(() => this.settleJournal());
  }

  /** Recovery of unfinished steps and replay of the offline queue, now (staff "replay now"). */
  settle(): Promise<void> {
    return this.enqueue(() => this.settleJournal());
  }

  async stop(): Promise<void> {
    this.subscriptions.splice(0).forEach((u) => u());
    this.stopIdle();
    if (this.receiptTimer) this.clock.clearTimeout(this.receiptTimer);
    await this.work;
  }

  // ---- the kiosk service contract -------------------------------------------------------------

  async getState(): Promise<KioskState> {
    return this.snapshot();
  }

  onDidChangeState(listener: (s: KioskState) => void): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async setLocale(locale: Locale): Promise<void> {
    this.state.locale = locale;
    this.touch();
    this.emit();
  }

  async begin(mode: Mode): Promise<void> {
    if (this.state.screen !== 'welcome') await this.cancel();
    this.state.mode = mode;
    this.state.screen = mode === 'return' ? 'return' : 'identify';
    this.touch();
    this.emit();
    if (mode === 'return') this.onPadChanged();
  }

  async identify(input: { card: string }): Promise<void> {
    await this.enqueue(async () => {
      if (this.state.screen !== 'identify' && this.state.screen !== 'welcome') return;
      this.touch();
      this.state.busy = true;
      this.state.notice = null;
      this.emit();
      try {
        const answer = await this.library.patron(input.card);
        if (answer.kind === 'unknown') return this.refuseSession('card-unknown');
        this.card = input.card;
        this.pinAttempts = 0;
        if (answer.patron.pinRequired) {
          this.state.screen = 'pin';
          return;
        }
        this.admit(answer.patron);
      } catch (err) {
        if (!(err instanceof LibraryOffline)) throw err;
        if (this.state.mode === 'borrow' && this.config.offline.enabled) {
          // Offline: the card cannot be checked; loans are accepted within the offline limits.
          this.card = input.card;
          this.state.patron = { name: '', loans: [], holds: [], fines: 0 };
          this.state.screen = 'borrow';
          this.state.notice = { code: 'library-system-offline', params: {} };
          this.onPadChanged();
        } else {
          this.refuseSession('library-system-offline');
        }
      } finally {
        this.state.busy = false;
        this.emit();
      }
    });
  }

  async enterPin(pin: string): Promise<void> {
    await this.enqueue(async () => {
      if (this.state.screen !== 'pin' || !this.card) return;
      this.touch();
      this.state.busy = true;
      this.emit();
      try {
        const answer = await this.library.patron(this.card, pin);
        if (answer.kind === 'unknown') return this.refuseSession('card-unknown');
        if (answer.pinValid === false) {
          this.pinAttempts++;
          if (this.pinAttempts >= this.config.maxPinAttempts) {
            this.reset();
            this.state.notice = { code: 'pin-wrong', params: {} };
            return;
          }
          this.state.notice = {
            code: 'pin-wrong',
            params: { attemptsLeft: String(this.config.maxPinAttempts - this.pinAttempts) },
          };
          return;
        }
        this.admit(answer.patron);
      } catch (err) {
        if (!(err instanceof LibraryOffline)) throw err;
        this.refuseSession('library-system-offline');
      } finally {
        this.state.busy = false;
        this.emit();
      }
    });
  }

  async renew(itemIds: string[]): Promise<void> {
    await this.enqueue(async () => {
      if (this.state.screen !== 'account' || !this.card || !this.state.patron) return;
      this.touch();
      for (const itemId of itemIds) {
        const loan = this.state.patron.loans.find((l) => l.itemId === itemId);
        if (!loan) continue;
        try {
          const answer = await this.library.renew(this.card, itemId);
          if (answer.ok) {
            if (answer.dueDate) loan.dueDate = answer.dueDate;
            loan.overdue = false;
            this.state.notice = null;
          } else {
            this.state.notice = { code: answer.refusal ?? 'renew-limit-reached', params: { itemId } };
          }
        } catch (err) {
          if (!(err instanceof LibraryOffline)) throw err;
          this.state.notice = { code: 'library-system-offline', params: {} };
          break;
        }
        this.emit();
      }
      this.emit();
    });
  }

  async finish(receipt: 'print' | 'none'): Promise<void> {
    await this.enqueue(async () => {
      if (this.state.screen === 'welcome' || this.state.screen === 'receipt') return;
      const incomplete = [...this.tracked.values()].find(
        (t) => !t.settled && t.view.refusal === 'set-incomplete',
      );
      if (incomplete) {
        // A set cannot leave half lent: say which parts are missing and stay.
        this.state.notice = {
          code: 'set-incomplete',
          params: {
            itemId: incomplete.view.itemId ?? '',
            missing: incomplete.view.set?.missing.join(', ') ?? '',
          },
        };
        this.emit();
        return;
      }
      let printed: KioskState['receipt'] = 'none';
      if (receipt === 'print') {
        if (this.printer?.connected) {
          try {
            await this.printer.print(this.receiptLines());
            printed = 'printed';
          } catch {
            printed = 'printer-unavailable';
          }
        } else {
          printed = 'printer-unavailable';
        }
      }
      await this.endLibrarySession();
      // The visitor is leaving: their data leaves memory and screen now, not when the receipt fades.
      const locale = this.state.locale;
      this.reset();
      this.state.locale = locale;
      this.state.receipt = printed;
      this.state.screen = 'receipt';
      this.emit();
      this.receiptTimer = this.clock.setTimeout(() => {
        this.receiptTimer = null;
        this.reset();
        this.emit();
      }, this.config.receiptSeconds * 1000);
    });
  }

  async cancel(): Promise<void> {
    await this.enqueue(async () => {
      await this.endLibrarySession();
      this.reset();
      this.emit();
    });
  }

  async stillHere(): Promise<void> {
    this.touch();
    this.emit();
  }

  // ---- what the shells and the staff screen read --------------------------------------------

  snapshot(): KioskState {
    return structuredClone(this.state);
  }

  /** Waits until every queued piece of work has run (tests, shutdown). */
  idle(): Promise<void> {
    return this.work;
  }

  // ---- internals ------------------------------------------------------------------------------

  private blankState(locale: Locale): KioskState {
    return {
      screen: 'welcome',
      mode: null,
      locale,
      library: this.config.library,
      online: this.library.online,
      readerConnected: this.pad.connected,
      offlineQueue: this.journal.queued().length,
      patron: null,
      items: [],
      busy: false,
      notice: null,
      idle: { warning: false, secondsLeft: this.config.idleSeconds },
      receipt: null,
    };
  }

  /** Forget the visitor: patron, card and items leave memory and screen. */
  private reset(): void {
    this.stopIdle();
    if (this.receiptTimer) {
      this.clock.clearTimeout(this.receiptTimer);
      this.receiptTimer = null;
    }
    this.card = null;
    this.pinAttempts = 0;
    this.tracked.clear();
    this.state = this.blankState(this.config.defaultLocale);
  }

  private admit(patron: PatronRecord): void {
    this.state.notice = null;
    this.state.patron = {
      name: patron.name,
      loans: patron.loans,
      holds: patron.holds,
      fines: patron.fines,
      ...(patron.blocked ? { blocked: patron.blocked } : {}),
    };
    if (this.state.mode === 'account') {
      this.state.screen = 'account';
      return;
    }
    if (patron.blocked) {
      this.state.screen = 'account';
      this.state.notice = { code: patron.blocked, params: {} };
      return;
    }
    this.state.screen = 'borrow';
    this.onPadChanged();
  }

  private refuseSession(code: RefusalCode): void {
    this.state.notice = { code, params: {} };
  }

  private async endLibrarySession(): Promise<void> {
    if (!this.card) return;
    try {
      await this.library.endSession(this.card);
    } catch {
      // Ending a SIP2 session is a courtesy; the library system times sessions out by itself.
    }
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.work.then(task).catch((err: unknown) => {
      this.log('session task failed', { error: (err as Error).message });
      this.state.busy = false;
      this.emit();
    });
    this.work = run;
    return run;
  }

  private emit(): void {
    this.state.offlineQueue = this.journal.queued().length;
    if (this.emitScheduled) return;
    this.emitScheduled = true;
    queueMicrotask(() => {
      this.emitScheduled = false;
      const snap = this.snapshot();
      this.listeners.forEach((l) => l(snap));
    });
  }

  // ---- idle timeout ---------------------------------------------------------------------------

  private touch(): void {
    if (this.state.screen === 'welcome' && this.state.mode === null) return;
    this.stopIdle();
    this.idleDeadline = this.clock.now().getTime() + this.config.idleSeconds * 1000;
    this.state.idle = { warning: false, secondsLeft: this.config.idleSeconds };
    const warnIn = (this.config.idleSeconds - this.config.idleWarningSeconds) * 1000;
    this.idleTimer = this.clock.setTimeout(() => this.tick(), Math.max(0, warnIn));
  }

  private tick(): void {
    const left = Math.max(0, Math.ceil((this.idleDeadline - this.clock.now().getTime()) / 1000));
    if (left <= 0) {
      this.idleTimer = null;
      void this.cancel();
      return;
    }
    this.state.idle = { warning: true, secondsLeft: left };
    this.emit();
    this.idleTimer = this.clock.setTimeout(() => this.tick(), 1000);
  }

  private stopIdle(): void {
    if (this.idleTimer) this.clock.clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.state.idle = { warning: false, secondsLeft: this.config.idleSeconds };
  }

  // ---- items on the pad -----------------------------------------------------------------------

  private onPadChanged(): void {
    const screen = this.state.screen;
    if (screen !== 'borrow' && screen !== 'return') return;
    void this.enqueue(async () => {
      if (this.state.screen !== screen) return;
      const onPad = this.pad.items();
      if (onPad.length > 0) this.touch();
      const groups = new Map<string, PadItem[]>();
      for (const item of onPad) groups.set(item.itemId, [...(groups.get(item.itemId) ?? []), item]);

      // Lifted before being processed: it simply leaves the list.
      for (const [itemId, t] of this.tracked) {
        if (!t.settled && !t.retryWhenBack && !groups.has(itemId)) this.tracked.delete(itemId);
      }

      // Two documents in flight: one is asked of the library system while the other's tags are
      // written, so the visitor waits for the reader, not for the reader plus the network and the
      // journal's fsyncs. Each document still goes through its own journal steps in order.
      const inFlight: Promise<void>[] = [];
      const failures: unknown[] = [];
      // Every document on the pad shows at once as detected; then each is processed in turn.
      const todo: { t: Tracked; parts: PadItem[] }[] = [];
      for (const [itemId, parts] of groups) {
        const existing = this.tracked.get(itemId);
        if (existing?.settled && !existing.retryWhenBack) continue;
        const first = parts[0]!;
        const view: ItemView = { key: first.uid, itemId, status: 'detected' };
        const set = first.set;
        if (set && set.parts > 1) {
          const present = new Set(parts.map((p) => p.set?.part));
          const missing: number[] = [];
          for (let n = 1; n <= set.parts; n++) if (!present.has(n)) missing.push(n);
          view.set = { part: set.part, parts: set.parts, missing };
        }
        const t: Tracked = { view, uids: parts.map((p) => p.uid), settled: false };
        this.tracked.set(itemId, t);
        todo.push({ t, parts });
      }
      this.sync();
      for (const { t, parts } of todo) {
        inFlight.push(
          this.process(t, parts).then(
            () => this.sync(),
            (error: unknown) => void failures.push(error),
          ),
        );
        if (inFlight.length >= 2) await inFlight.shift();
      }
      await Promise.all(inFlight);
      this.sync();
      if (failures.length > 0) throw failures[0];
    });
  }

  private sync(): void {
    this.state.items = [...this.tracked.values()].map((t) => ({ ...t.view }));
    this.emit();
  }

  private refuse(t: Tracked, code: RefusalCode, final: boolean): void {
    t.view.status = 'refused';
    t.view.refusal = code;
    t.settled = final;
  }

  private async process(t: Tracked, parts: PadItem[]): Promise<void> {
    const first = parts[0]!;
    if (first.ownerIsil && !this.config.networkIsils.includes(first.ownerIsil)) {
      return this.refuse(t, 'item-not-from-network', true);
    }
    if (t.view.set && t.view.set.missing.length > 0) {
      // Not final: the missing parts may still be placed.
      return this.refuse(t, 'set-incomplete', false);
    }
    t.view.status = 'pending';
    this.sync();
    if (this.state.screen === 'borrow') await this.checkout(t, first);
    else await this.checkin(t);
  }

  private async checkout(t: Tracked, first: PadItem): Promise<void> {
    const card = this.card;
    const itemId = t.view.itemId!;
    if (!card) return;
    if (!this.library.online) return this.checkoutOffline(t, first, card);

    const step = this.journal.begin('checkout', { itemId, tagUids: t.uids, card, mode: 'online' });
    this.crash('checkout:intent-recorded');
    let answer;
    try {
      answer = await this.library.checkout(card, itemId);
    } catch (err) {
      if (!(err instanceof LibraryOffline)) throw err;
      // Outcome unknown: the step stays 'intended' and recovery settles it with the library system.
      return this.refuse(t, 'library-system-offline', false);
    }
    this.journal.answered(step, { ok: answer.ok, ...(answer.dueDate ? { dueDate: answer.dueDate } : {}) });
    this.crash('checkout:answer-recorded');
    if (answer.title) t.view.title = answer.title;
    if (!answer.ok) return this.refuse(t, answer.refusal ?? 'item-not-loanable', true);

    if (answer.desensitize) {
      this.journal.securing(step, false);
      this.crash('checkout:target-recorded');
      const written = await this.writeTags(t.uids, false, 'checkout:tag-partly-written');
      if (written !== true) {
        // Lent but still armed would ring the gate: undo the loan and re-arm what was disarmed.
        this.journal.compensating(step, written.code);
        await this.writeTags(t.uids, true);
        try {
          const undo = await this.library.checkin(itemId, {
            noBlock: true,
            transactionDate: this.clock.now(),
            cancel: true,
          });
          if (undo.ok) this.journal.compensated(step);
        } catch {
          // Left 'compensating': recovery finishes the rollback when the library system answers.
        }
        this.refuse(t, written.code === 'tag-lifted' ? 'tag-lifted' : 'tag-write-failed', true);
        t.retryWhenBack = written.code === 'tag-lifted';
        return;
      }
      this.crash('checkout:tag-written');
    }
    this.journal.done(step);
    t.view.status = 'done';
    if (answer.dueDate) t.view.dueDate = answer.dueDate;
    t.settled = true;
  }

  private async checkoutOffline(t: Tracked, first: PadItem, card: string): Promise<void> {
    if (!this.config.offline.enabled) return this.refuse(t, 'library-system-offline', false);
    if (first.typeOfUsage !== null && this.config.offline.refusedTypesOfUsage.includes(first.typeOfUsage)) {
      return this.refuse(t, 'offline-not-allowed', true);
    }
    if (this.journal.offlineCheckouts(card) >= this.config.offline.maxCheckoutsPerCard) {
      return this.refuse(t, 'offline-limit-reached', true);
    }
    const step = this.journal.begin('checkout', {
      itemId: t.view.itemId!,
      tagUids: t.uids,
      card,
      mode: 'offline',
      at: this.clock.now(),
    });
    this.crash('checkout:intent-recorded');
    this.journal.securing(step, false);
    this.crash('checkout:target-recorded');
    const written = await this.writeTags(t.uids, false, 'checkout:tag-partly-written');
    if (written !== true) {
      await this.writeTags(t.uids, true);
      this.journal.replayed(step, { ok: false, error: `cancelled: ${written.code}` });
      this.journal.compensated(step);
      return this.refuse(t, written.code === 'tag-lifted' ? 'tag-lifted' : 'tag-write-failed', true);
    }
    this.crash('checkout:tag-written');
    this.journal.done(step);
    t.view.status = 'done';
    t.view.offline = true;
    t.settled = true;
  }

  private async checkin(t: Tracked): Promise<void> {
    const itemId = t.view.itemId!;
    const offline = !this.library.online;
    const step = this.journal.begin('checkin', {
      itemId,
      tagUids: t.uids,
      card: null,
      mode: offline ? 'offline' : 'online',
      at: this.clock.now(),
    });
    this.crash('checkin:intent-recorded');
    let resensitize = true;
    if (!offline) {
      let answer;
      try {
        answer = await this.library.checkin(itemId);
      } catch (err) {
        if (!(err instanceof LibraryOffline)) throw err;
        return this.refuse(t, 'library-system-offline', false);
      }
      this.journal.answered(step, { ok: answer.ok, destination: answer.destination });
      this.crash('checkin:answer-recorded');
      if (answer.title) t.view.title = answer.title;
      if (!answer.ok) return this.refuse(t, answer.refusal ?? 'item-not-on-loan', true);
      t.view.destination = answer.destination;
      resensitize = answer.resensitize;
    } else {
      t.view.destination = { kind: 'here' };
      t.view.offline = true;
    }
    if (resensitize) {
      this.journal.securing(step, true);
      this.crash('checkin:target-recorded');
      const written = await this.writeTags(t.uids, true, 'checkin:tag-partly-written');
      if (written !== true) {
        // Returned but disarmed: recovery re-arms it when the tag is seen again.
        this.journal.pending(step, written.code);
        return this.refuse(t, written.code === 'tag-lifted' ? 'tag-lifted' : 'tag-write-failed', true);
      }
      this.crash('checkin:tag-written');
    }
    this.journal.done(step);
    t.view.status = 'done';
    t.settled = true;
  }

  /** Writes every tag of a document; `true`, or the first failure. */
  private async writeTags(
    uids: string[],
    secured: boolean,
    partly?: 'checkout:tag-partly-written' | 'checkin:tag-partly-written',
  ): Promise<true | PadWriteError> {
    for (const [index, uid] of uids.entries()) {
      try {
        await this.pad.setSecured(uid, secured);
      } catch (err) {
        return err instanceof PadWriteError
          ? err
          : new PadWriteError('tag-write-failed', (err as Error).message);
      }
      if (partly && index < uids.length - 1) this.crash(partly);
    }
    return true;
  }

  /** Recovery of unfinished steps, then the offline queue. Runs at start and whenever the system returns. */
  private async settleJournal(): Promise<void> {
    const outcome = await recover(this.journal, this.library, this.pad, () => this.clock.now());
    if (outcome.errors.length) this.log('recovery finished with errors', { errors: outcome.errors });
    if (this.library.online) await replayQueue(this.journal, this.library);
    this.emit();
  }

  private receiptLines(): string[] {
    const lines = [this.config.library.name, this.clock.now().toISOString().slice(0, 16).replace('T', ' ')];
    for (const t of this.tracked.values()) {
      if (t.view.status !== 'done') continue;
      const what = t.view.title ?? t.view.itemId ?? t.view.key;
      lines.push(t.view.dueDate ? `${what} — ${t.view.dueDate.slice(0, 10)}` : what);
    }
    return lines;
  }
}
