/**
 * The hardware manager: turns an RFID reader into the session's `Pad`. It opens the configured reader,
 * polls the pad at a steady rate, reads and decodes each new tag once, debounces tags that flicker
 * (a tag is gone only after several inventories in a row miss it), and reconnects after an unplug
 * with a growing pause. Tag commands and inventories never interleave on the wire.
 */
import {
  DEFAULT_SECURITY,
  isRfidError,
  readTag,
  getSecured,
  setSecured,
  type RfidReader,
  type SecurityConfig,
  type TagRecord,
} from '@dunkirk/rfid-driver';
import { PadWriteError, type Pad, type PadCard, type PadItem, type Unsubscribe } from '../loan/ports';

export interface PadManagerOptions {
  /** Opens (or re-opens) the reader; called again after a disconnect. */
  openReader(): Promise<RfidReader>;
  pollMs?: number;
  /**
   * Period while the pad is empty (default a third of `pollMs`): an inventory that finds nobody costs a
   * few milliseconds of air and line time, and a visitor's stack is then noticed sooner.
   */
  emptyPollMs?: number;
  /** Consecutive inventories without a tag before it counts as lifted. */
  goneAfterMisses?: number;
  /**
   * While the session is writing tags, inventories wait (up to this long after the last one) so that they
   * do not sit between a visitor's security writes: a write itself notices a lifted tag, an inventory of a
   * full pad costs as much air and line time as several writes, and documents put down meanwhile could not
   * be processed before the current ones anyway. Default 1000 ms; 0 polls at a steady rate regardless.
   */
  maxQuietMs?: number;
  security?: SecurityConfig;
  maxBackoffMs?: number;
  log?: (message: string, data?: Record<string, unknown>) => void;
}

type Seen =
  | { kind: 'item'; item: PadItem; misses: number }
  | { kind: 'card'; card: PadCard; misses: number }
  | { kind: 'unreadable'; uid: string; misses: number; error: string };

const MIN_POLL_GAP_MS = 10;

/** ISO 28560-3 type of usage 4: a patron card, not a document (ISO 28560-3 §5.2.1). */
const PATRON_CARD = 4;

export function padEntryFromRecord(uid: string, record: TagRecord): Seen | null {
  switch (record.model) {
    case 'blank':
      return null;
    case 'iso28560-3':
      if (record.typeOfUsage === PATRON_CARD)
        return { kind: 'card', card: { uid, card: record.primaryItemId }, misses: 0 };
      return {
        kind: 'item',
        misses: 0,
        item: {
          uid,
          itemId: record.primaryItemId,
          ownerIsil: record.ownerIsil || null,
          set: record.partsInItem > 1 ? { part: record.partNumber, parts: record.partsInItem } : null,
          typeOfUsage: record.typeOfUsage,
          secured: null,
        },
      };
    case 'iso28560-2': {
      // Set information: two digits for the number of parts, then two for this part's ordinal.
      const set = record.setInformation?.match(/^(\d{1,2})(\d{2})$/);
      const parts = set ? Number(set[1]) : 1;
      const usage = record.typeOfUsage ? Number.parseInt(record.typeOfUsage, 16) : null;
      if (usage !== null && usage >> 4 === PATRON_CARD) {
        return { kind: 'card', card: { uid, card: record.primaryItemId }, misses: 0 };
      }
      return {
        kind: 'item',
        misses: 0,
        item: {
          uid,
          itemId: record.primaryItemId,
          ownerIsil: record.ownerIsil ?? null,
          set: set && parts > 1 ? { part: Number(set[2]), parts } : null,
          typeOfUsage: Number.isNaN(usage) ? null : usage,
          secured: null,
        },
      };
    }
    case '3m-legacy':
      return {
        kind: 'item',
        misses: 0,
        item: {
          uid,
          itemId: record.primaryItemId,
          ownerIsil: null,
          set: record.partsInItem > 1 ? { part: record.partNumber, parts: record.partsInItem } : null,
          typeOfUsage: null,
          secured: null,
        },
      };
  }
}

export class PadManager implements Pad {
  private reader: RfidReader | null = null;
  private readonly seen = new Map<string, Seen>();
  private readonly itemListeners = new Set<(items: PadItem[]) => void>();
  private readonly cardListeners = new Set<(cards: PadCard[]) => void>();
  private readonly connectionListeners = new Set<(connected: boolean) => void>();
  private lock: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private backoff = 250;
  private lastError: string | null = null;
  /** Security writes queued or running, and when the last one ended. */
  private writing = 0;
  private lastWriteAt = -Infinity;
  private lastPollAt = -Infinity;
  private readonly maxQuietMs: number;
  private readonly pollMs: number;
  private readonly emptyPollMs: number;
  private readonly goneAfter: number;
  private readonly security: SecurityConfig;
  private readonly log: (message: string, data?: Record<string, unknown>) => void;

  constructor(private readonly options: PadManagerOptions) {
    this.pollMs = options.pollMs ?? 250;
    this.emptyPollMs = options.emptyPollMs ?? Math.round(this.pollMs / 3);
    this.goneAfter = options.goneAfterMisses ?? 3;
    this.maxQuietMs = options.maxQuietMs ?? 1000;
    this.security = options.security ?? DEFAULT_SECURITY;
    this.log = options.log ?? (() => {});
  }

  get connected(): boolean {
    return this.reader?.isConnected ?? false;
  }

  get error(): string | null {
    return this.lastError;
  }

  get tagCount(): number {
    return this.seen.size;
  }

  /** Resolves true once the reader answers, or false after `timeoutMs` (the kiosk then starts without it). */
  ready(timeoutMs: number): Promise<boolean> {
    if (this.connected) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        off();
        resolve(false);
      }, timeoutMs);
      const off = this.onDidChangeConnection((connected) => {
        if (!connected) return;
        clearTimeout(timer);
        off();
        resolve(true);
      });
    });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.lock.catch(() => {});
    await this.reader?.close().catch(() => {});
    this.reader = null;
  }

  items(): PadItem[] {
    return [...this.seen.values()].flatMap((s) => (s.kind === 'item' ? [{ ...s.item }] : []));
  }

  cards(): PadCard[] {
    return [...this.seen.values()].flatMap((s) => (s.kind === 'card' ? [s.card] : []));
  }

  onDidChangeItems(listener: (items: PadItem[]) => void): Unsubscribe {
    this.itemListeners.add(listener);
    return () => this.itemListeners.delete(listener);
  }

  onDidChangeCards(listener: (cards: PadCard[]) => void): Unsubscribe {
    this.cardListeners.add(listener);
    return () => this.cardListeners.delete(listener);
  }

  onDidChangeConnection(listener: (connected: boolean) => void): Unsubscribe {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }

  async setSecured(uid: string, secured: boolean): Promise<void> {
    this.writing++;
    try {
      await this.exclusive(async (reader) => {
        try {
          await setSecured(reader, uid, secured, this.security);
        } catch (err) {
          throw await this.asWriteError(reader, uid, err);
        }
        const entry = this.seen.get(uid);
        if (entry?.kind === 'item') entry.item.secured = secured;
      });
    } finally {
      this.writing--;
      this.lastWriteAt = performance.now();
    }
  }

  /**
   * Whether the next inventory should wait: the session is writing (or wrote within one poll period, the
   * gap while it asks the library system about the next document) and the pad's last complete inventory
   * ended less than `maxQuietMs` ago.
   */
  private quiet(now: number): boolean {
    if (this.maxQuietMs <= 0) return false;
    const busy = this.writing > 0 || now - this.lastWriteAt < this.pollMs;
    return busy && now - this.lastPollAt < this.maxQuietMs;
  }

  async readSecured(uid: string): Promise<boolean | null> {
    return this.exclusive(async (reader) => {
      try {
        return await getSecured(reader, uid, this.security);
      } catch (err) {
        if (isRfidError(err, 'TAG_NOT_FOUND') || isRfidError(err, 'TIMEOUT')) {
          const present = (await reader.inventory()).some((t) => t.uid === uid);
          if (!present) return null;
        }
        throw err;
      }
    });
  }

  /** Runs one reader command at a time, with the reader opened if needed. */
  private exclusive<T>(task: (reader: RfidReader) => Promise<T>): Promise<T> {
    const run = this.lock.then(async () => {
      const reader = this.reader;
      if (!reader?.isConnected)
        throw new PadWriteError('reader-disconnected', 'the RFID reader is not connected');
      return task(reader);
    });
    this.lock = run.catch(() => {});
    return run;
  }

  private async asWriteError(reader: RfidReader, uid: string, err: unknown): Promise<PadWriteError> {
    if (isRfidError(err, 'DISCONNECTED') || isRfidError(err, 'NOT_OPEN')) {
      return new PadWriteError('reader-disconnected', (err as Error).message);
    }
    try {
      const present = (await reader.inventory()).some((t) => t.uid === uid);
      if (!present) return new PadWriteError('tag-lifted', `tag ${uid} left the pad during the write`);
    } catch {
      // The reader failed again: report the original failure.
    }
    return new PadWriteError('tag-write-failed', (err as Error).message);
  }

  private setConnected(connected: boolean): void {
    this.connectionListeners.forEach((l) => l(connected));
  }

  private async ensureReader(): Promise<RfidReader | null> {
    if (this.reader?.isConnected) return this.reader;
    try {
      if (!this.reader) {
        const reader = await this.options.openReader();
        reader.on('disconnect', (reason) => {
          this.lastError = reason.message;
          this.log('reader disconnected', { code: reason.code });
          this.setConnected(false);
        });
        reader.on('reconnect', () => {
          this.lastError = null;
          this.setConnected(true);
        });
        this.reader = reader;
      } else {
        // The reader reconnects by itself after an unplug; wait for it rather than racing it.
        return null;
      }
      this.backoff = 250;
      this.lastError = null;
      this.setConnected(true);
      return this.reader;
    } catch (err) {
      this.lastError = (err as Error).message;
      this.backoff = Math.min(this.backoff * 2, this.options.maxBackoffMs ?? 5000);
      return null;
    }
  }

  private async loop(): Promise<void> {
    if (!this.running) return;
    let delay = this.pollMs;
    const reader = await this.ensureReader();
    if (!reader) {
      delay = this.backoff;
    } else if (this.quiet(performance.now())) {
      delay = Math.min(this.pollMs, 50);
    } else {
      // A steady rate: `pollMs` from the start of one inventory to the next, however long it took (a short
      // gap always remains for the session's writes queued meanwhile); faster while the pad is empty.
      const started = performance.now();
      await (this.lock = this.lock
        .then(() => this.poll(reader))
        .catch((err: unknown) => {
          this.lastError = (err as Error).message;
          if (isRfidError(err, 'DISCONNECTED')) this.setConnected(false);
        }));
      const period = this.seen.size === 0 ? this.emptyPollMs : this.pollMs;
      delay = Math.max(MIN_POLL_GAP_MS, period - (performance.now() - started));
    }
    if (this.running) this.timer = setTimeout(() => void this.loop(), delay);
  }

  /** One inventory: new tags are read and decoded, missing ones count a miss. */
  private async poll(reader: RfidReader): Promise<void> {
    const present = await reader.inventory();
    let itemsChanged = false;
    let cardsChanged = false;
    const now = new Set(present.map((t) => t.uid));
    for (const [uid, entry] of this.seen) {
      if (now.has(uid)) {
        entry.misses = 0;
        continue;
      }
      entry.misses++;
      if (entry.misses >= this.goneAfter) {
        this.seen.delete(uid);
        if (entry.kind === 'item') itemsChanged = true;
        if (entry.kind === 'card') cardsChanged = true;
      }
    }
    for (const { uid } of present) {
      const known = this.seen.get(uid);
      if (known && known.kind !== 'unreadable') continue;
      try {
        const { record } = await readTag(reader, uid);
        const entry = padEntryFromRecord(uid, record);
        if (!entry) continue;
        if (entry.kind === 'item') {
          // The security state is not read here: two more reader commands per tag, on the visitor's time.
          itemsChanged = true;
        } else {
          cardsChanged = true;
        }
        this.seen.set(uid, entry);
      } catch (err) {
        if (isRfidError(err, 'DISCONNECTED')) throw err;
        // Flicker or a tag at the edge of the field: try again on the next poll.
        this.seen.set(uid, { kind: 'unreadable', uid, misses: 0, error: (err as Error).message });
      }
    }
    // The pad's last complete look: new tags read and decoded.
    this.lastPollAt = performance.now();
    if (itemsChanged) {
      const items = this.items();
      this.itemListeners.forEach((l) => l(items));
    }
    if (cardsChanged) {
      const cards = this.cards();
      this.cardListeners.forEach((l) => l(cards));
    }
  }
}
