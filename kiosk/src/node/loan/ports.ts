/**
 * What the loan session needs from the outside world, and nothing more. The SIP2 client and the RFID
 * driver are adapted to these ports (see `adapters/`), so the loan rules and the crash-safety
 * guarantees are tested against in-memory doubles and hold for any library system or reader.
 */
import type { Destination, RefusalCode } from '../../common/contracts';

export type Unsubscribe = () => void;

export interface PatronRecord {
  name: string;
  /** Refusal that blocks all loans (card blocked, expired, fines over the limit). */
  blocked?: RefusalCode;
  pinRequired: boolean;
  loans: { itemId: string; title?: string; dueDate?: string; overdue: boolean }[];
  holds: { itemId?: string; title?: string; ready: boolean; pickupLibrary?: string }[];
  fines: number;
}

export type PatronAnswer =
  { kind: 'found'; patron: PatronRecord; pinValid: boolean | null } | { kind: 'unknown' };

export interface CheckoutAnswer {
  ok: boolean;
  /** The library system asks the kiosk to disarm the tag (SIP2 12 `desensitize`). */
  desensitize: boolean;
  dueDate?: string;
  title?: string;
  refusal?: RefusalCode;
}

export interface CheckinAnswer {
  ok: boolean;
  /** The library system asks the kiosk to re-arm the tag (SIP2 10 `resensitize`). */
  resensitize: boolean;
  destination: Destination;
  title?: string;
  refusal?: RefusalCode;
}

export interface RenewAnswer {
  ok: boolean;
  dueDate?: string;
  title?: string;
  refusal?: RefusalCode;
}

export interface ItemStatus {
  known: boolean;
  onLoan: boolean;
  title?: string;
}

/** Options of a transaction replayed after an offline period (SIP2 `no block` + original date). */
export interface ReplayOptions {
  noBlock: boolean;
  transactionDate: Date;
  /** SIP2 `BI` cancel: this checkin undoes a checkout whose tag could not be disarmed. */
  cancel?: boolean;
}

/**
 * The library system. Any method may throw `LibraryOffline` when the system cannot be reached or does
 * not answer in time: the outcome of that call is then unknown, and the journal treats it so.
 */
export interface LibrarySystem {
  readonly online: boolean;
  onDidChangeOnline(listener: (online: boolean) => void): Unsubscribe;
  patron(card: string, pin?: string): Promise<PatronAnswer>;
  checkout(card: string, itemId: string, replay?: ReplayOptions): Promise<CheckoutAnswer>;
  checkin(itemId: string, replay?: ReplayOptions): Promise<CheckinAnswer>;
  renew(card: string, itemId: string): Promise<RenewAnswer>;
  item(itemId: string): Promise<ItemStatus>;
  endSession(card: string): Promise<void>;
}

export class LibraryOffline extends Error {
  override readonly name = 'LibraryOffline';
  readonly code = 'library-system-offline';
}

/** A document's tag as the pad reports it (ISO 28560 data already decoded). */
export interface PadItem {
  /** Tag UID, hex, MSB first. */
  uid: string;
  itemId: string;
  ownerIsil: string | null;
  /** ISO 28560 set information: part `part` of `parts`. */
  set: { part: number; parts: number } | null;
  /** ISO 28560 type of usage (e.g. 0x10 loanable item), for offline rules. */
  typeOfUsage: number | null;
  /**
   * The tag's security state when known: the hardware manager does not read it on detection (that
   * would cost two reader commands per tag on the visitor's time) but knows it once it has written it.
   */
  secured: boolean | null;
}

/** A card placed on the pad: an RFID patron card rather than a document. */
export interface PadCard {
  uid: string;
  card: string;
}

export type PadError = 'tag-lifted' | 'tag-write-failed' | 'reader-disconnected';

export class PadWriteError extends Error {
  override readonly name = 'PadWriteError';
  constructor(
    readonly code: PadError,
    message: string,
  ) {
    super(message);
  }
}

/** The reader pad, through the hardware manager. */
export interface Pad {
  readonly connected: boolean;
  items(): PadItem[];
  cards(): PadCard[];
  onDidChangeItems(listener: (items: PadItem[]) => void): Unsubscribe;
  onDidChangeCards(listener: (cards: PadCard[]) => void): Unsubscribe;
  onDidChangeConnection(listener: (connected: boolean) => void): Unsubscribe;
  /** Sets the tag's security (AFI and EAS together); throws `PadWriteError`. */
  setSecured(uid: string, secured: boolean): Promise<void>;
  /** Reads the tag's security state now; `null` when the tag is not on the pad. */
  readSecured(uid: string): Promise<boolean | null>;
}

export interface Printer {
  readonly connected: boolean;
  print(lines: string[]): Promise<void>;
}
