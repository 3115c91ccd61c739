/**
 * The library system port over SIP2. Works with any conforming system: refusals are classified from
 * the standard's own flags and statuses (patron status flags, item circulation status, hold queue),
 * never from screen-message text, which differs from one system and language to another.
 */
import type { Destination, RefusalCode } from '../../common/contracts';
import {
  LibraryOffline,
  type CheckinAnswer,
  type CheckoutAnswer,
  type ItemStatus,
  type LibrarySystem,
  type PatronAnswer,
  type RenewAnswer,
  type ReplayOptions,
  type Unsubscribe,
} from '../loan/ports';
import type { Sip2Client } from '../sip2/Sip2Client';
import { isSipError } from '../sip2/SipError';
import type { PatronStatusFlags } from '../sip2/fields';

/** SIP2 §2.00 Item Information Response, circulation status: values meaning "charged to a patron". */
const CHARGED = new Set(['04', '05', '07']);
/** 08: waiting on hold shelf. */
const ON_HOLD_SHELF = '08';

export interface Sip2LibraryOptions {
  /** The network asks for a PIN at the kiosk (SIP2 cannot say whether a card has one). */
  requirePin: boolean;
  /** Display names of member libraries by ISIL (or by the codes the system puts in `CT`). */
  libraryNames: ReadonlyMap<string, string>;
  /** Where this kiosk stands: `CT` equal to it means the item stays here. */
  here: string;
  /** Loans looked up one by one for titles and due dates on the account screen. */
  maxLoanDetails?: number;
}

/** A SIP2 date (`YYYYMMDD    HHMMSS`) or an ISO string, as an ISO 8601 date-time. */
export function sipDateToIso(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const sip = value.match(/^(\d{4})(\d{2})(\d{2})(.{4})(\d{2})(\d{2})(\d{2})$/);
  if (sip) {
    const [, y, mo, d, zone, h, mi, s] = sip;
    const utc = zone?.trim() === 'Z';
    const date = utc
      ? new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)))
      : new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
    return date.toISOString();
  }
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString();
}

export function blockFrom(flags: PatronStatusFlags): RefusalCode | undefined {
  if (flags.cardReportedLost) return 'card-blocked';
  if (flags.excessiveOutstandingFines || flags.excessiveOutstandingFees || flags.tooManyItemsBilled) {
    return 'fines-over-limit';
  }
  if (flags.tooManyItemsCharged) return 'loan-limit-reached';
  if (flags.chargePrivilegesDenied) return 'card-blocked';
  return undefined;
}

export function destinationFrom(
  answer: { destinationLocation?: string; alertType?: string },
  here: string,
  names: ReadonlyMap<string, string>,
): Destination {
  // CV alert type (3M extension): 01 hold for this library, 02 hold for another, 04 send to another.
  if (answer.alertType === '01') return { kind: 'hold-shelf' };
  const target = answer.destinationLocation;
  if (answer.alertType === '02') {
    return target
      ? { kind: 'transit', library: names.get(target) ?? target, isil: target }
      : { kind: 'hold-shelf' };
  }
  if (target && target !== here)
    return { kind: 'transit', library: names.get(target) ?? target, isil: target };
  return { kind: 'here' };
}

export class Sip2LibrarySystem implements LibrarySystem {
  constructor(
    private readonly client: Sip2Client,
    private readonly options: Sip2LibraryOptions,
  ) {}

  get online(): boolean {
    return this.client.state === 'online';
  }

  onDidChangeOnline(listener: (online: boolean) => void): Unsubscribe {
    return this.client.on('state', (state) => listener(state === 'online')) as Unsubscribe;
  }

  /** Runs a SIP2 exchange; an unreachable or silent system becomes `LibraryOffline`. */
  private async call<T>(exchange: () => Promise<T>): Promise<T> {
    try {
      return await exchange();
    } catch (err) {
      if (isSipError(err) && ['OFFLINE', 'CLOSED', 'TIMEOUT', 'CONNECTION_CLOSED'].includes(err.code)) {
        throw new LibraryOffline(err.message);
      }
      throw err;
    }
  }

  async patron(card: string, pin?: string): Promise<PatronAnswer> {
    const info = await this.call(() =>
      this.client.patronInformation({
        patronIdentifier: card,
        ...(pin !== undefined ? { patronPassword: pin } : {}),
        summary: 'charged',
        startItem: 1,
        endItem: this.options.maxLoanDetails ?? 30,
      }),
    );
    if (info.validPatron === false) return { kind: 'unknown' };
    const loans = [];
    for (const itemId of (info.chargedItems ?? []).slice(0, this.options.maxLoanDetails ?? 30)) {
      const item = await this.call(() => this.client.itemInformation(itemId));
      const dueDate = sipDateToIso(item.dueDate);
      loans.push({
        itemId,
        ...(item.titleIdentifier ? { title: item.titleIdentifier } : {}),
        ...(dueDate ? { dueDate } : {}),
        overdue: dueDate !== undefined && Date.parse(dueDate) < Date.now(),
      });
    }
    const blocked = blockFrom(info.patronStatus);
    const fines = info.feeAmount ? Number.parseFloat(info.feeAmount.replace(',', '.')) : 0;
    return {
      kind: 'found',
      pinValid: pin === undefined ? null : info.validPatronPassword === true,
      patron: {
        name: info.personalName,
        pinRequired: this.options.requirePin,
        loans,
        holds: (info.holdItems ?? []).map((itemId) => ({ itemId, ready: false })),
        fines: Number.isFinite(fines) ? fines : 0,
        ...(blocked ? { blocked } : {}),
      },
    };
  }

  async checkout(card: string, itemId: string, replay?: ReplayOptions): Promise<CheckoutAnswer> {
    const answer = await this.call(() =>
      this.client.checkout({
        patronIdentifier: card,
        itemIdentifier: itemId,
        ...(replay ? { noBlock: replay.noBlock, transactionDate: replay.transactionDate } : {}),
      }),
    );
    const dueDate = sipDateToIso(answer.dueDate);
    const title = answer.titleIdentifier || undefined;
    if (answer.ok === '1') {
      return {
        ok: true,
        // A system that does not say (U) still lent it: disarm, or the gate alarms on a lent item.
        desensitize: answer.desensitize !== false,
        ...(dueDate ? { dueDate } : {}),
        ...(title ? { title } : {}),
      };
    }
    return {
      ok: false,
      desensitize: false,
      refusal: await this.whyRefused(card, itemId),
      ...(title ? { title } : {}),
    };
  }

  /** Classifies a refused checkout from the item's and the patron's standard status. */
  private async whyRefused(card: string, itemId: string): Promise<RefusalCode> {
    const item = await this.call(() => this.client.itemInformation(itemId));
    if (!item.titleIdentifier && item.circulationStatus === '01') return 'item-unknown';
    if (item.circulationStatus === ON_HOLD_SHELF || (item.holdQueueLength ?? 0) > 0)
      return 'item-on-hold-for-other';
    const status = await this.call(() => this.client.patronStatus(card));
    const blocked = blockFrom(status.patronStatus);
    if (blocked) return blocked;
    return 'item-not-loanable';
  }

  async checkin(itemId: string, replay?: ReplayOptions): Promise<CheckinAnswer> {
    const answer = await this.call(() =>
      this.client.checkin({
        itemIdentifier: itemId,
        ...(replay ? { noBlock: replay.noBlock, returnDate: replay.transactionDate } : {}),
      }),
    );
    const destination = destinationFrom(answer, this.options.here, this.options.libraryNames);
    const title = answer.titleIdentifier || undefined;
    if (answer.ok === '1')
      return { ok: true, resensitize: answer.resensitize, destination, ...(title ? { title } : {}) };
    const item = await this.call(() => this.client.itemInformation(itemId));
    return {
      ok: false,
      resensitize: answer.resensitize,
      destination,
      refusal: !item.titleIdentifier ? 'item-unknown' : 'item-not-on-loan',
      ...(title ? { title } : {}),
    };
  }

  async renew(card: string, itemId: string): Promise<RenewAnswer> {
    const answer = await this.call(() =>
      this.client.renew({ patronIdentifier: card, itemIdentifier: itemId }),
    );
    const dueDate = sipDateToIso(answer.dueDate);
    if (answer.ok === '1') return { ok: true, ...(dueDate ? { dueDate } : {}) };
    const item = await this.call(() => this.client.itemInformation(itemId));
    return { ok: false, refusal: (item.holdQueueLength ?? 0) > 0 ? 'renew-on-hold' : 'renew-limit-reached' };
  }

  async item(itemId: string): Promise<ItemStatus> {
    const item = await this.call(() => this.client.itemInformation(itemId));
    const known = Boolean(item.titleIdentifier) || item.circulationStatus !== '01';
    return {
      known,
      onLoan: CHARGED.has(item.circulationStatus),
      ...(item.titleIdentifier ? { title: item.titleIdentifier } : {}),
    };
  }

  async endSession(card: string): Promise<void> {
    await this.call(() => this.client.endPatronSession(card));
  }
}
