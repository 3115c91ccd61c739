import {
  formatTimestamp,
  patronStatus,
  timestampFromDate,
  timestampToDate,
  type AcsStatus,
  type CheckinRequest,
  type CheckinResponse,
  type CheckoutRequest,
  type CheckoutResponse,
  type EndPatronSessionRequest,
  type EndSessionResponse,
  type ItemInformationRequest,
  type ItemInformationResponse,
  type LoginRequest,
  type LoginResponse,
  type PatronInformationRequest,
  type PatronInformationResponse,
  type PatronStatusFlags,
  type PatronStatusRequest,
  type PatronStatusResponse,
  type RenewRequest,
  type RenewResponse,
  type SipMessage,
  type SipTimestamp,
} from '../node/sip2';
import { MEMBER_LIBRARIES, POLICY, libraryByIsilOrCode, type MemberLibrary } from './members';
import { verifyPin } from './pin';
import type { NetworkDb } from './schema';
import { localeOfSipLanguage, text, type Locale } from './texts';

/** What one connection has established: the terminal's login and where it stands. */
export interface TerminalSession {
  loggedIn: boolean;
  login?: string;
  library?: MemberLibrary;
}

interface PatronRow {
  card: string;
  name: string;
  pin_hash: string;
  home: number;
  expires: string;
  fines_cents: number;
  card_lost: number;
  language: string;
  email: string | null;
}
interface ItemRow {
  barcode: string;
  title: string;
  type: string;
  owner: number;
  location: number;
  parts: number;
  status: string;
  media_type: string;
  loan_days: number;
  max_renewals: number;
  floating: number;
}
interface LoanRow {
  item: string;
  card: string;
  due: string;
  renewals: number;
}
interface HoldRow {
  id: number;
  card: string;
  pickup: number;
  state: string;
}

const DAY = 86_400_000;
const SUPPORTED = 'YYYYYYYYYYYYYYYY'; // BX: the 16 messages of SIP2 §2.00, all answered or acknowledged
const isilOf = (id: number): string => MEMBER_LIBRARIES.find((l) => l.id === id)?.isil ?? '';
const nameOf = (id: number): string => MEMBER_LIBRARIES.find((l) => l.id === id)?.name ?? '';

/**
 * The library system: turns SIP2 requests into answers over the SQLite network.
 * Pure with respect to sockets: `SipNetworkServer` carries it over TCP.
 */
export class NetworkService {
  private readonly q;
  /** What the 98 tells kiosks: on-line flag, timeout (tenths of a second) and retries. */
  acs = { online: true, timeoutTenths: 50, retries: 3 };

  constructor(
    readonly db: NetworkDb,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.q = {
      patron: db.prepare<[string], PatronRow>('SELECT * FROM patrons WHERE card = ?'),
      item: db.prepare<[string], ItemRow>(
        'SELECT i.*, t.media_type, t.loan_days, t.max_renewals, t.floating FROM items i JOIN item_types t ON t.code = i.type WHERE barcode = ?',
      ),
      loan: db.prepare<[string], LoanRow>('SELECT item, card, due, renewals FROM loans WHERE item = ?'),
      loansOf: db.prepare<[string], LoanRow>(
        'SELECT item, card, due, renewals FROM loans WHERE card = ? ORDER BY due, item',
      ),
      countLoans: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM loans WHERE card = ?'),
      holdsOnItem: db.prepare<[string], HoldRow>(
        'SELECT id, card, pickup, state FROM holds WHERE item = ? ORDER BY id',
      ),
      holdsOf: db.prepare<[string], { item: string; state: string }>(
        'SELECT item, state FROM holds WHERE card = ? ORDER BY id',
      ),
      insertLoan: db.prepare(
        'INSERT INTO loans (item, card, library, checked_out, due, renewals) VALUES (?, ?, ?, ?, ?, 0)',
      ),
      deleteLoan: db.prepare('DELETE FROM loans WHERE item = ?'),
      renewLoan: db.prepare('UPDATE loans SET due = ?, renewals = renewals + 1 WHERE item = ?'),
      setItem: db.prepare('UPDATE items SET status = ?, location = ? WHERE barcode = ?'),
      deleteHold: db.prepare('DELETE FROM holds WHERE id = ?'),
      readyHold: db.prepare("UPDATE holds SET state = 'ready' WHERE id = ?"),
      addFine: db.prepare('UPDATE patrons SET fines_cents = fines_cents + ? WHERE card = ?'),
      applied: db.prepare<[string], { due: string }>('SELECT due FROM applied_transactions WHERE key = ?'),
      apply: db.prepare('INSERT INTO applied_transactions (key, due, applied) VALUES (?, ?, ?)'),
      terminal: db.prepare<[string], { password_hash: string; library: number }>(
        'SELECT password_hash, library FROM terminals WHERE login = ?',
      ),
    };
  }

  /** Answer one request; null for messages a server does not answer (96/97 are the transport's). */
  handle(msg: SipMessage, session: TerminalSession): SipMessage | null {
    switch (msg.type) {
      case 'loginRequest':
        return this.login(msg, session);
      case 'scStatus':
        return this.status(session);
      case 'patronStatusRequest':
        return this.patronStatus(msg);
      case 'patronInformationRequest':
        return this.patronInformation(msg);
      case 'checkoutRequest':
        return this.checkout(msg, session);
      case 'checkinRequest':
        return this.checkin(msg, session);
      case 'renewRequest':
        return this.renew(msg);
      case 'itemInformationRequest':
        return this.itemInformation(msg);
      case 'endPatronSessionRequest':
        return this.endSession(msg);
      default:
        return null;
    }
  }

  private now(): SipTimestamp {
    return timestampFromDate(this.clock(), 'utc');
  }

  private due(iso: string): string {
    return formatTimestamp(timestampFromDate(new Date(iso), 'utc'));
  }

  login(msg: LoginRequest, session: TerminalSession): LoginResponse {
    const row = this.q.terminal.get(msg.loginUserId);
    const ok = row !== undefined && verifyPin(msg.loginPassword, row.password_hash);
    session.loggedIn = ok;
    if (ok) {
      session.login = msg.loginUserId;
      session.library =
        libraryByIsilOrCode(msg.locationCode) ?? MEMBER_LIBRARIES.find((l) => l.id === row.library);
    }
    return { type: 'loginResponse', ok: ok ? '1' : '0' };
  }

  status(session: TerminalSession): AcsStatus {
    return {
      type: 'acsStatus',
      onlineStatus: this.acs.online,
      checkinOk: this.acs.online,
      checkoutOk: this.acs.online,
      acsRenewalPolicy: true,
      statusUpdateOk: false,
      offlineOk: true,
      timeoutPeriod: this.acs.timeoutTenths,
      retriesAllowed: this.acs.retries,
      dateTimeSync: this.now(),
      protocolVersion: '2.00',
      institutionId: session.library?.isil ?? 'LES-BALISES',
      libraryName: session.library ? `Les Balises — ${session.library.name}` : 'Les Balises',
      supportedMessages: SUPPORTED,
      ...(session.library ? { terminalLocation: session.library.isil } : {}),
    };
  }

  private blocks(p: PatronRow, charged: number): { flags: PatronStatusFlags; reason?: keyof typeof REASON } {
    const expired = new Date(p.expires).getTime() < this.clock().getTime();
    const fines = p.fines_cents >= POLICY.fineBlockCents;
    const lost = p.card_lost === 1;
    const tooMany = charged >= POLICY.maxChargedItems;
    const denied = expired || fines || lost || tooMany;
    const flags = patronStatus({
      chargePrivilegesDenied: denied,
      renewalPrivilegesDenied: expired || fines || lost,
      holdPrivilegesDenied: expired || lost,
      cardReportedLost: lost,
      tooManyItemsCharged: tooMany,
      excessiveOutstandingFines: fines,
    });
    const reason = lost ? 'lost' : expired ? 'expired' : fines ? 'fines' : tooMany ? 'tooMany' : undefined;
    return reason ? { flags, reason } : { flags };
  }

  private locale(p: PatronRow | undefined, language?: string): Locale {
    return localeOfSipLanguage(language) ?? localeOfSipLanguage(p?.language) ?? 'fr';
  }

  private where(session: TerminalSession, ...candidates: (string | undefined)[]): MemberLibrary {
    for (const c of candidates) {
      const l = libraryByIsilOrCode(c);
      if (l) return l;
    }
    return session.library ?? MEMBER_LIBRARIES[0]!;
  }

  private euros(cents: number): string {
    return (cents / 100).toFixed(2);
  }

  patronStatus(msg: PatronStatusRequest): PatronStatusResponse {
    const p = this.q.patron.get(msg.patronIdentifier);
    const locale = this.locale(p, msg.language);
    const base = {
      type: 'patronStatusResponse' as const,
      language: msg.language,
      transactionDate: this.now(),
      institutionId: msg.institutionId,
      patronIdentifier: msg.patronIdentifier,
    };
    if (!p) {
      return {
        ...base,
        patronStatus: patronStatus({
          chargePrivilegesDenied: true,
          renewalPrivilegesDenied: true,
          recallPrivilegesDenied: true,
          holdPrivilegesDenied: true,
        }),
        personalName: '',
        validPatron: false,
        validPatronPassword: false,
        screenMessage: [text('unknownPatron', locale)],
      };
    }
    const { flags, reason } = this.blocks(p, this.q.countLoans.get(p.card)!.n);
    return {
      ...base,
      patronStatus: flags,
      personalName: p.name,
      validPatron: true,
      validPatronPassword: msg.patronPassword !== '' && verifyPin(msg.patronPassword, p.pin_hash),
      currencyType: POLICY.currency,
      feeAmount: this.euros(p.fines_cents),
      ...(reason ? { screenMessage: [text(REASON[reason], locale)] } : {}),
    };
  }

  patronInformation(msg: PatronInformationRequest): PatronInformationResponse {
    const p = this.q.patron.get(msg.patronIdentifier);
    const locale = this.locale(p, msg.language);
    const zero = {
      holdItemsCount: 0,
      overdueItemsCount: 0,
      chargedItemsCount: 0,
      fineItemsCount: 0,
      recallItemsCount: 0,
      unavailableHoldsCount: 0,
    };
    if (!p) {
      return {
        type: 'patronInformationResponse',
        patronStatus: patronStatus({
          chargePrivilegesDenied: true,
          renewalPrivilegesDenied: true,
          recallPrivilegesDenied: true,
          holdPrivilegesDenied: true,
        }),
        language: msg.language,
        transactionDate: this.now(),
        ...zero,
        institutionId: msg.institutionId,
        patronIdentifier: msg.patronIdentifier,
        personalName: '',
        validPatron: false,
        validPatronPassword: false,
        screenMessage: [text('unknownPatron', locale)],
      };
    }
    const loans = this.q.loansOf.all(p.card);
    const now = this.clock().getTime();
    const overdue = loans.filter((l) => new Date(l.due).getTime() < now);
    const holds = this.q.holdsOf.all(p.card);
    const ready = holds.filter((h) => h.state === 'ready');
    const waiting = holds.filter((h) => h.state !== 'ready');
    const { flags, reason } = this.blocks(p, loans.length);
    const pinOk = msg.patronPassword !== undefined && verifyPin(msg.patronPassword, p.pin_hash);
    // SIP2 §2.00: BP/BQ are 1-based positions in the list the summary asks for.
    const slice = (xs: string[]) => xs.slice((msg.startItem ?? 1) - 1, msg.endItem ?? xs.length);
    const messages = [text('welcome', locale, p.name.split(' ')[0])];
    if (!pinOk && msg.patronPassword !== undefined) messages.push(text('badPin', locale));
    if (reason) messages.push(text(REASON[reason], locale));
    return {
      type: 'patronInformationResponse',
      patronStatus: flags,
      language: msg.language === '000' ? p.language : msg.language,
      transactionDate: this.now(),
      holdItemsCount: ready.length,
      overdueItemsCount: overdue.length,
      chargedItemsCount: loans.length,
      fineItemsCount: p.fines_cents > 0 ? 1 : 0,
      recallItemsCount: 0,
      unavailableHoldsCount: waiting.length,
      institutionId: msg.institutionId,
      patronIdentifier: p.card,
      personalName: p.name,
      holdItemsLimit: POLICY.maxHolds,
      chargedItemsLimit: POLICY.maxChargedItems,
      validPatron: true,
      validPatronPassword: pinOk,
      currencyType: POLICY.currency,
      feeAmount: this.euros(p.fines_cents),
      feeLimit: this.euros(POLICY.fineBlockCents),
      ...(msg.summary === 'charged' ? { chargedItems: slice(loans.map((l) => l.item)) } : {}),
      ...(msg.summary === 'overdue' ? { overdueItems: slice(overdue.map((l) => l.item)) } : {}),
      ...(msg.summary === 'hold' ? { holdItems: slice(ready.map((h) => h.item)) } : {}),
      ...(msg.summary === 'unavailableHold'
        ? { unavailableHoldItems: slice(waiting.map((h) => h.item)) }
        : {}),
      ...(msg.summary === 'fine' && p.fines_cents > 0
        ? { fineItems: [`${this.euros(p.fines_cents)} ${POLICY.currency}`] }
        : {}),
      ...(p.email ? { emailAddress: p.email } : {}),
      screenMessage: messages,
    };
  }

  checkout(msg: CheckoutRequest, session: TerminalSession): CheckoutResponse {
    const at = this.where(session, msg.institutionId);
    const p = this.q.patron.get(msg.patronIdentifier);
    const item = this.q.item.get(msg.itemIdentifier);
    const locale = this.locale(p);
    const refuse = (key: Parameters<typeof text>[0]): CheckoutResponse => ({
      type: 'checkoutResponse',
      ok: '0',
      renewalOk: false,
      magneticMedia: false,
      desensitize: false,
      transactionDate: this.now(),
      institutionId: msg.institutionId,
      patronIdentifier: msg.patronIdentifier,
      itemIdentifier: msg.itemIdentifier,
      titleIdentifier: item?.title ?? '',
      dueDate: '',
      ...(item ? { mediaType: item.media_type, partsCount: item.parts } : {}),
      screenMessage: [text(key, locale)],
    });
    if (!p) return refuse('unknownPatron');
    if (msg.patronPassword !== undefined && !verifyPin(msg.patronPassword, p.pin_hash))
      return refuse('badPin');
    if (!item) return refuse('unknownItem');
    const granted = (dueIso: string, key: Parameters<typeof text>[0], renewal = false): CheckoutResponse => ({
      type: 'checkoutResponse',
      ok: '1',
      renewalOk: renewal,
      magneticMedia: false,
      desensitize: true,
      transactionDate: this.now(),
      institutionId: msg.institutionId,
      patronIdentifier: p.card,
      itemIdentifier: item.barcode,
      titleIdentifier: item.title,
      dueDate: this.due(dueIso),
      mediaType: item.media_type,
      transactionId: `${item.barcode}-${Date.parse(dueIso)}`,
      partsCount: item.parts,
      screenMessage: [text(key, locale)],
    });

    // Offline replay: applied once per (card, item, transaction date as sent).
    const replayKey = msg.noBlock
      ? `checkout|${p.card}|${item.barcode}|${formatTimestamp(msg.transactionDate)}`
      : undefined;
    return this.db.transaction((): CheckoutResponse => {
      if (replayKey) {
        const done = this.q.applied.get(replayKey);
        if (done) return granted(done.due, 'checkedOut');
      }
      const loan = this.q.loan.get(item.barcode);
      if (loan && loan.card === p.card && !replayKey) return granted(loan.due, 'alreadyYours');
      if (loan && loan.card !== p.card && !msg.noBlock) return refuse('onLoanToOther');
      if (!msg.noBlock) {
        const { reason } = this.blocks(p, this.q.countLoans.get(p.card)!.n);
        if (reason) return refuse(REASON[reason]);
      }
      const holds = this.q.holdsOnItem.all(item.barcode);
      const first = holds[0];
      if (first && first.card !== p.card && !msg.noBlock) return refuse('onHoldForOther');
      const mine = holds.find((h) => h.card === p.card);
      if (mine) this.q.deleteHold.run(mine.id);
      if (loan) this.q.deleteLoan.run(item.barcode);
      // An offline loan starts when it happened, not when it was replayed.
      const start = msg.noBlock ? timestampToDate(msg.transactionDate) : this.clock();
      const dueIso = new Date(start.getTime() + item.loan_days * DAY).toISOString();
      this.q.insertLoan.run(item.barcode, p.card, at.id, start.toISOString(), dueIso);
      this.q.setItem.run('loaned', at.id, item.barcode);
      if (replayKey) this.q.apply.run(replayKey, dueIso, this.clock().toISOString());
      return granted(dueIso, 'checkedOut');
    })();
  }

  checkin(msg: CheckinRequest, session: TerminalSession): CheckinResponse {
    // Where the kiosk stands: AP current location, else the login's location, else AO.
    const here = this.where(session, msg.currentLocation, session.library?.isil, msg.institutionId);
    const item = this.q.item.get(msg.itemIdentifier);
    if (!item) {
      return {
        type: 'checkinResponse',
        ok: '0',
        resensitize: false,
        magneticMedia: null,
        alert: true,
        transactionDate: this.now(),
        institutionId: msg.institutionId,
        itemIdentifier: msg.itemIdentifier,
        permanentLocation: '',
        alertType: '99',
        screenMessage: [text('unknownItem', 'fr')],
      };
    }
    return this.db.transaction((): CheckinResponse => {
      const loan = this.q.loan.get(item.barcode);
      const p = loan ? this.q.patron.get(loan.card) : undefined;
      const locale = this.locale(p);
      const messages: string[] = [text(loan ? 'checkedIn' : 'notOnLoan', locale)];
      if (loan) {
        const returned = msg.noBlock ? timestampToDate(msg.returnDate) : this.clock();
        const lateDays = Math.floor((returned.getTime() - new Date(loan.due).getTime()) / DAY);
        if (lateDays > 0) {
          this.q.addFine.run(
            Math.min(POLICY.overdueFineCapCents, lateDays * POLICY.overdueFineCentsPerDay),
            loan.card,
          );
        }
        this.q.deleteLoan.run(item.barcode);
      }
      // Routing (3M extension CV): a waiting hold first, then the owner (unless the type floats), else it stays.
      const hold = this.q.holdsOnItem.all(item.barcode)[0];
      let alertType: string | undefined;
      let destination: MemberLibrary | undefined;
      let status = 'available';
      if (hold && hold.pickup === here.id) {
        alertType = '01';
        destination = here;
        status = 'hold-shelf';
        this.q.readyHold.run(hold.id);
        messages.push(text('holdHere', locale));
      } else if (hold) {
        alertType = '02';
        destination = libraryByIsilOrCode(String(hold.pickup));
        status = 'transit';
        messages.push(text('holdElsewhere', locale, nameOf(hold.pickup)));
      } else if (item.owner !== here.id && item.floating === 0) {
        alertType = '04';
        destination = libraryByIsilOrCode(String(item.owner));
        status = 'transit';
        messages.push(text('transit', locale, nameOf(item.owner)));
      }
      this.q.setItem.run(status, destination?.id ?? here.id, item.barcode);
      return {
        type: 'checkinResponse',
        ok: '1',
        resensitize: true,
        magneticMedia: false,
        alert: alertType !== undefined,
        transactionDate: this.now(),
        institutionId: msg.institutionId,
        itemIdentifier: item.barcode,
        permanentLocation: isilOf(item.owner),
        titleIdentifier: item.title,
        ...(loan ? { patronIdentifier: loan.card } : {}),
        mediaType: item.media_type,
        ...(destination ? { destinationLocation: destination.isil } : {}),
        ...(alertType ? { alertType } : {}),
        ...(hold ? { holdPatronId: hold.card } : {}),
        partsCount: item.parts,
        screenMessage: messages,
      };
    })();
  }

  renew(msg: RenewRequest): RenewResponse {
    const p = this.q.patron.get(msg.patronIdentifier);
    const item = msg.itemIdentifier ? this.q.item.get(msg.itemIdentifier) : undefined;
    const locale = this.locale(p);
    const base = {
      type: 'renewResponse' as const,
      magneticMedia: false,
      transactionDate: this.now(),
      institutionId: msg.institutionId,
      patronIdentifier: msg.patronIdentifier,
      itemIdentifier: msg.itemIdentifier ?? '',
      titleIdentifier: item?.title ?? '',
      ...(item ? { mediaType: item.media_type } : {}),
    };
    const refuse = (key: Parameters<typeof text>[0]): RenewResponse => ({
      ...base,
      ok: '0',
      renewalOk: false,
      desensitize: false,
      dueDate: '',
      screenMessage: [text(key, locale)],
    });
    if (!p) return refuse('unknownPatron');
    if (msg.patronPassword !== undefined && !verifyPin(msg.patronPassword, p.pin_hash))
      return refuse('badPin');
    if (!item) return refuse('unknownItem');
    return this.db.transaction((): RenewResponse => {
      const loan = this.q.loan.get(item.barcode);
      if (!loan || loan.card !== p.card) return refuse('notYourLoan');
      const { reason, flags } = this.blocks(p, 0);
      if (reason && flags.renewalPrivilegesDenied) return refuse(REASON[reason]);
      if (loan.renewals >= item.max_renewals) return refuse('renewLimit');
      if (this.q.holdsOnItem.all(item.barcode).length > 0) return refuse('onHoldForOther');
      const from = Math.max(this.clock().getTime(), new Date(loan.due).getTime());
      const dueIso = new Date(from + item.loan_days * DAY).toISOString();
      this.q.renewLoan.run(dueIso, item.barcode);
      return {
        ...base,
        ok: '1',
        renewalOk: true,
        desensitize: true,
        dueDate: this.due(dueIso),
        transactionId: `${item.barcode}-${Date.parse(dueIso)}`,
        screenMessage: [text('renewed', locale)],
      };
    })();
  }

  itemInformation(msg: ItemInformationRequest): ItemInformationResponse {
    const item = this.q.item.get(msg.itemIdentifier);
    if (!item) {
      return {
        type: 'itemInformationResponse',
        circulationStatus: '01',
        securityMarker: '00',
        feeType: '01',
        transactionDate: this.now(),
        itemIdentifier: msg.itemIdentifier,
        titleIdentifier: '',
        screenMessage: [text('unknownItem', 'fr')],
      };
    }
    const loan = this.q.loan.get(item.barcode);
    const holds = this.q.holdsOnItem.all(item.barcode);
    const circulation =
      { available: '03', loaned: '04', 'hold-shelf': '08', transit: '10', lost: '12' }[item.status] ?? '01';
    return {
      type: 'itemInformationResponse',
      circulationStatus: circulation,
      securityMarker: '02',
      feeType: '01',
      transactionDate: this.now(),
      holdQueueLength: holds.length,
      ...(loan ? { dueDate: this.due(loan.due) } : {}),
      itemIdentifier: item.barcode,
      titleIdentifier: item.title,
      owner: isilOf(item.owner),
      mediaType: item.media_type,
      permanentLocation: isilOf(item.owner),
      currentLocation: isilOf(item.location),
      partsCount: item.parts,
    };
  }

  endSession(msg: EndPatronSessionRequest): EndSessionResponse {
    const p = this.q.patron.get(msg.patronIdentifier);
    return {
      type: 'endSessionResponse',
      endSession: true,
      transactionDate: this.now(),
      institutionId: msg.institutionId,
      patronIdentifier: msg.patronIdentifier,
      screenMessage: [text('goodbye', this.locale(p))],
    };
  }
}

const REASON = { lost: 'cardLost', expired: 'cardExpired', fines: 'fines', tooMany: 'tooMany' } as const;
