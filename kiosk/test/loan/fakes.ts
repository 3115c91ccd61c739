/**
 * In-memory doubles of the library system and the reader pad, with the rules the loan session relies
 * on (holds, blocks, PINs, return anywhere, idempotent replay). They record what happened, so tests
 * can check the invariant "a tag is disarmed iff its item is on loan".
 */
import type { Destination } from '../../src/common/contracts';
import {
  LibraryOffline,
  PadWriteError,
  type CheckinAnswer,
  type CheckoutAnswer,
  type ItemStatus,
  type LibrarySystem,
  type Pad,
  type PadCard,
  type PadItem,
  type PatronAnswer,
  type RenewAnswer,
  type ReplayOptions,
  type Unsubscribe,
} from '../../src/node/loan/ports';

interface FakeItem {
  title: string;
  owner: string;
  onLoanTo: string | null;
  holdFor: string | null;
  dueDate: string | null;
}

interface FakePatron {
  name: string;
  pin: string | null;
  blocked?: 'card-blocked' | 'card-expired' | 'fines-over-limit';
}

export class FakeLibrary implements LibrarySystem {
  online = true;
  here: string;
  items = new Map<string, FakeItem>();
  patrons = new Map<string, FakePatron>();
  /** Every transaction the system applied, in order. */
  applied: string[] = [];
  private replays = new Set<string>();
  private listeners = new Set<(o: boolean) => void>();

  constructor(here = 'FR-LOCAL') {
    this.here = here;
  }

  addItem(itemId: string, item: Partial<FakeItem> = {}): this {
    this.items.set(itemId, {
      title: `Title ${itemId}`,
      owner: this.here,
      onLoanTo: null,
      holdFor: null,
      dueDate: null,
      ...item,
    });
    return this;
  }

  addPatron(card: string, patron: Partial<FakePatron> = {}): this {
    this.patrons.set(card, { name: `Patron ${card.slice(-2)}`, pin: null, ...patron });
    return this;
  }

  setOnline(online: boolean): void {
    this.online = online;
    this.listeners.forEach((l) => l(online));
  }

  onDidChangeOnline(listener: (o: boolean) => void): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private check(): void {
    if (!this.online) throw new LibraryOffline('library system unreachable');
  }

  async patron(card: string, pin?: string): Promise<PatronAnswer> {
    this.check();
    const p = this.patrons.get(card);
    if (!p) return { kind: 'unknown' };
    const loans = [...this.items.entries()]
      .filter(([, i]) => i.onLoanTo === card)
      .map(([itemId, i]) => ({ itemId, title: i.title, dueDate: i.dueDate ?? undefined, overdue: false }));
    return {
      kind: 'found',
      pinValid: pin === undefined ? null : pin === p.pin,
      patron: {
        name: p.name,
        pinRequired: p.pin !== null,
        loans,
        holds: [],
        fines: 0,
        ...(p.blocked ? { blocked: p.blocked } : {}),
      },
    };
  }

  async checkout(card: string, itemId: string, replay?: ReplayOptions): Promise<CheckoutAnswer> {
    this.check();
    const item = this.items.get(itemId);
    const patron = this.patrons.get(card);
    if (!item) return { ok: false, desensitize: false, refusal: 'item-unknown' };
    if (replay) {
      const key = `${card}|${itemId}|${replay.transactionDate.toISOString()}`;
      if (this.replays.has(key))
        return { ok: true, desensitize: true, title: item.title, dueDate: item.dueDate ?? '' };
      this.replays.add(key);
    }
    if (!replay?.noBlock) {
      if (!patron) return { ok: false, desensitize: false, refusal: 'card-unknown' };
      if (patron.blocked) return { ok: false, desensitize: false, refusal: patron.blocked };
      if (item.holdFor && item.holdFor !== card) {
        return { ok: false, desensitize: false, title: item.title, refusal: 'item-on-hold-for-other' };
      }
    }
    item.onLoanTo = card;
    item.dueDate = '2026-12-17T00:00:00.000Z';
    this.applied.push(`checkout ${itemId} ${card}${replay ? ' replay' : ''}`);
    return { ok: true, desensitize: true, title: item.title, dueDate: item.dueDate };
  }

  async checkin(itemId: string, replay?: ReplayOptions): Promise<CheckinAnswer> {
    this.check();
    const item = this.items.get(itemId);
    if (!item)
      return { ok: false, resensitize: false, destination: { kind: 'here' }, refusal: 'item-unknown' };
    if (replay && !replay.cancel) {
      const key = `checkin|${itemId}|${replay.transactionDate.toISOString()}`;
      if (this.replays.has(key)) return { ok: true, resensitize: true, destination: { kind: 'here' } };
      this.replays.add(key);
    }
    item.onLoanTo = null;
    item.dueDate = null;
    this.applied.push(`checkin ${itemId}${replay?.cancel ? ' cancel' : replay ? ' replay' : ''}`);
    const destination: Destination = item.holdFor
      ? { kind: 'hold-shelf' }
      : item.owner === this.here
        ? { kind: 'here' }
        : { kind: 'transit', library: `Library ${item.owner}`, isil: item.owner };
    return { ok: true, resensitize: true, destination, title: item.title };
  }

  async renew(card: string, itemId: string): Promise<RenewAnswer> {
    this.check();
    const item = this.items.get(itemId);
    if (!item || item.onLoanTo !== card) return { ok: false, refusal: 'item-not-on-loan' };
    if (item.holdFor) return { ok: false, refusal: 'renew-on-hold' };
    item.dueDate = '2027-01-07T00:00:00.000Z';
    return { ok: true, dueDate: item.dueDate };
  }

  async item(itemId: string): Promise<ItemStatus> {
    this.check();
    const item = this.items.get(itemId);
    return item
      ? { known: true, onLoan: item.onLoanTo !== null, title: item.title }
      : { known: false, onLoan: false };
  }

  async endSession(): Promise<void> {
    this.check();
  }
}

export interface FakeTag extends PadItem {
  onPad: boolean;
}

export class FakePad implements Pad {
  connected = true;
  tags = new Map<string, FakeTag>();
  patronCards: PadCard[] = [];
  /** Lift this tag the moment a write to it starts (the visitor snatching it). */
  liftOnWrite: string | null = null;
  writes: string[] = [];
  private itemListeners = new Set<(i: PadItem[]) => void>();
  private cardListeners = new Set<(c: PadCard[]) => void>();
  private connListeners = new Set<(c: boolean) => void>();

  addTag(uid: string, itemId: string, extra: Partial<FakeTag> = {}): this {
    this.tags.set(uid, {
      uid,
      itemId,
      ownerIsil: 'FR-LOCAL',
      set: null,
      typeOfUsage: 0x10,
      secured: true,
      onPad: false,
      ...extra,
    });
    return this;
  }

  place(...uids: string[]): void {
    for (const uid of uids) this.tags.get(uid)!.onPad = true;
    this.fire();
  }

  lift(...uids: string[]): void {
    for (const uid of uids) this.tags.get(uid)!.onPad = false;
    this.fire();
  }

  placeCard(card: PadCard): void {
    this.patronCards = [card];
    this.cardListeners.forEach((l) => l(this.cards()));
  }

  private fire(): void {
    const items = this.items();
    this.itemListeners.forEach((l) => l(items));
  }

  items(): PadItem[] {
    return [...this.tags.values()].filter((t) => t.onPad).map(({ onPad: _onPad, ...item }) => ({ ...item }));
  }

  cards(): PadCard[] {
    return this.patronCards;
  }

  onDidChangeItems(listener: (i: PadItem[]) => void): Unsubscribe {
    this.itemListeners.add(listener);
    return () => this.itemListeners.delete(listener);
  }

  onDidChangeCards(listener: (c: PadCard[]) => void): Unsubscribe {
    this.cardListeners.add(listener);
    return () => this.cardListeners.delete(listener);
  }

  onDidChangeConnection(listener: (c: boolean) => void): Unsubscribe {
    this.connListeners.add(listener);
    return () => this.connListeners.delete(listener);
  }

  async setSecured(uid: string, secured: boolean): Promise<void> {
    const tag = this.tags.get(uid);
    if (this.liftOnWrite === uid && tag) {
      tag.onPad = false;
      this.liftOnWrite = null;
    }
    if (!tag || !tag.onPad) throw new PadWriteError('tag-lifted', `tag ${uid} is not on the pad`);
    tag.secured = secured;
    this.writes.push(`${uid}=${secured ? 'armed' : 'disarmed'}`);
  }

  async readSecured(uid: string): Promise<boolean | null> {
    const tag = this.tags.get(uid);
    return tag?.onPad ? tag.secured : null;
  }
}

/** The invariant of DESIGN.md, item by item: disarmed ⇔ on loan. */
export function disagreements(library: FakeLibrary, pad: FakePad): string[] {
  const out: string[] = [];
  for (const tag of pad.tags.values()) {
    const item = library.items.get(tag.itemId);
    const onLoan = item?.onLoanTo != null;
    if (onLoan === tag.secured) {
      out.push(
        `${tag.itemId} (${tag.uid}): ${onLoan ? 'on loan' : 'not on loan'} but ${tag.secured ? 'armed' : 'disarmed'}`,
      );
    }
  }
  return out;
}
