/**
 * The kiosk's service contracts: what the touch UI may ask of the kiosk core and what it is told back.
 * Every value that crosses a process boundary (Electron IPC or the browser shell's WebSocket) is
 * described here by a zod schema and checked at runtime on the receiving side (STYLE.md habit 10).
 * Nothing here imports Node or Electron: the renderer and the preload import this file.
 */
import { z } from 'zod';

export const Locale = z.enum(['fr', 'en', 'nl']);
export type Locale = z.infer<typeof Locale>;

/** Why a patron or an item was refused. The renderer translates codes; the core never sends prose. */
export const RefusalCode = z.enum([
  'card-unknown',
  'card-blocked',
  'card-expired',
  'pin-required',
  'pin-wrong',
  'fines-over-limit',
  'loan-limit-reached',
  'item-unknown',
  'item-not-from-network',
  'item-on-hold-for-other',
  'item-not-loanable',
  'item-not-on-loan',
  'set-incomplete',
  'tag-unreadable',
  'tag-lifted',
  'tag-write-failed',
  'renew-limit-reached',
  'renew-on-hold',
  'library-system-offline',
  'offline-not-allowed',
  'offline-limit-reached',
]);
export type RefusalCode = z.infer<typeof RefusalCode>;

/** Where a returned item must go (SIP2 checkin `CT`/`CV`). */
export const Destination = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('here') }),
  z.object({ kind: z.literal('transit'), library: z.string(), isil: z.string().optional() }),
  z.object({ kind: z.literal('hold-shelf'), library: z.string().optional() }),
]);
export type Destination = z.infer<typeof Destination>;

/** ISO 28560 set information: part `part` of `parts`; `missing` lists the parts not on the pad. */
export const SetInfo = z.object({
  part: z.number().int().min(1),
  parts: z.number().int().min(1),
  missing: z.array(z.number().int().min(1)),
});

/** One document on the pad during a session, as the visitor sees it. */
export const ItemView = z.object({
  /** Tag UID, hex, MSB first: stable while the tag stays on the pad. */
  key: z.string(),
  itemId: z.string().optional(),
  title: z.string().optional(),
  set: SetInfo.optional(),
  status: z.enum(['detected', 'pending', 'done', 'refused']),
  refusal: RefusalCode.optional(),
  /** ISO 8601 date the loan is due (borrow and renew). */
  dueDate: z.string().optional(),
  destination: Destination.optional(),
  /** Accepted while the library system was offline; will be replayed. */
  offline: z.boolean().optional(),
});
export type ItemView = z.infer<typeof ItemView>;

export const LoanView = z.object({
  itemId: z.string(),
  title: z.string().optional(),
  dueDate: z.string().optional(),
  overdue: z.boolean(),
});
export const HoldView = z.object({
  itemId: z.string().optional(),
  title: z.string().optional(),
  ready: z.boolean(),
  pickupLibrary: z.string().optional(),
});

/** What the screen may show of the patron: never the card number. */
export const PatronView = z.object({
  name: z.string(),
  loans: z.array(LoanView),
  holds: z.array(HoldView),
  /** Amount owed in euros, if any. */
  fines: z.number().nonnegative(),
  blocked: RefusalCode.optional(),
});
export type PatronView = z.infer<typeof PatronView>;

export const Screen = z.enum([
  'welcome',
  'identify',
  'pin',
  'borrow',
  'return',
  'account',
  'receipt',
  'out-of-service',
]);
export type Screen = z.infer<typeof Screen>;

export const Mode = z.enum(['borrow', 'return', 'account']);
export type Mode = z.infer<typeof Mode>;

export const KioskState = z.object({
  screen: Screen,
  mode: Mode.nullable(),
  locale: Locale,
  /** The member library this kiosk stands in. */
  library: z.object({ name: z.string(), isil: z.string() }),
  online: z.boolean(),
  readerConnected: z.boolean(),
  /** Transactions accepted offline and not yet replayed. */
  offlineQueue: z.number().int().nonnegative(),
  patron: PatronView.nullable(),
  items: z.array(ItemView),
  busy: z.boolean(),
  /** A refusal or notice about the whole session (card blocked, system offline…). */
  notice: z.object({ code: RefusalCode, params: z.record(z.string(), z.string()) }).nullable(),
  /** Idle warning: shown and sounded before the session is forgotten (EN 301 549 §7 timing). */
  idle: z.object({ warning: z.boolean(), secondsLeft: z.number().int().nonnegative() }),
  receipt: z.enum(['none', 'printed', 'printer-unavailable']).nullable(),
});
export type KioskState = z.infer<typeof KioskState>;

export const Diagnostics = z.object({
  reader: z.object({
    connected: z.boolean(),
    protocol: z.string(),
    port: z.string(),
    lastError: z.string().nullable(),
    tagsOnPad: z.number().int(),
  }),
  librarySystem: z.object({
    online: z.boolean(),
    host: z.string(),
    lastError: z.string().nullable(),
    roundTripMs: z.number().nullable(),
  }),
  printer: z.object({ connected: z.boolean(), port: z.string().nullable() }),
  journal: z.object({ path: z.string(), unfinished: z.number().int(), offlineQueue: z.number().int() }),
  version: z.string(),
});
export type Diagnostics = z.infer<typeof Diagnostics>;

export const QueueEntry = z.object({
  id: z.number().int(),
  kind: z.enum(['checkout', 'checkin', 'renew']),
  itemId: z.string(),
  at: z.string(),
  state: z.enum(['queued', 'replayed', 'failed']),
  error: z.string().nullable(),
});
export type QueueEntry = z.infer<typeof QueueEntry>;

export const RecoveryStatus = z.object({
  ranAt: z.string().nullable(),
  reconciled: z.number().int(),
  rearmed: z.number().int(),
  disarmed: z.number().int(),
  pending: z.number().int(),
  errors: z.array(z.string()),
});
export type RecoveryStatus = z.infer<typeof RecoveryStatus>;

export const PadTag = z.object({
  uid: z.string(),
  label: z.string(),
  onPad: z.boolean(),
  secured: z.boolean(),
});
export type PadTag = z.infer<typeof PadTag>;

const none = z.tuple([]);

/**
 * A contract: for each method, the schema of its argument tuple and of its result; for each event, the
 * schema of its payload. Methods return Promises; events are named `onDid…` (STYLE.md habit 10).
 */
export interface ServiceContract {
  methods: Record<string, { args: z.ZodTuple; result: z.ZodType }>;
  events: Record<string, z.ZodType>;
}

export const contracts = {
  kiosk: {
    methods: {
      getState: { args: none, result: KioskState },
      setLocale: { args: z.tuple([Locale]), result: z.void() },
      begin: { args: z.tuple([Mode]), result: z.void() },
      /** Card barcode typed, scanned, or read from an RFID patron card. */
      identify: { args: z.tuple([z.object({ card: z.string().min(1).max(64) })]), result: z.void() },
      enterPin: { args: z.tuple([z.string().regex(/^\d{4,8}$/)]), result: z.void() },
      renew: { args: z.tuple([z.array(z.string().min(1)).max(100)]), result: z.void() },
      finish: { args: z.tuple([z.enum(['print', 'none'])]), result: z.void() },
      cancel: { args: none, result: z.void() },
      /** The visitor answered the idle warning. */
      stillHere: { args: none, result: z.void() },
    },
    events: { onDidChangeState: KioskState },
  },
  staff: {
    methods: {
      unlock: { args: z.tuple([z.string().regex(/^\d{4,12}$/)]), result: z.boolean() },
      lock: { args: none, result: z.void() },
      diagnostics: { args: none, result: Diagnostics },
      offlineQueue: { args: none, result: z.array(QueueEntry) },
      replayNow: { args: none, result: z.void() },
      recovery: { args: none, result: RecoveryStatus },
    },
    events: {},
  },
  /** The demo pad: only served by the browser shell with the reader simulator. */
  pad: {
    methods: {
      list: { args: none, result: z.array(PadTag) },
      place: { args: z.tuple([z.string().regex(/^[0-9A-F]{16}$/)]), result: z.void() },
      lift: { args: z.tuple([z.string().regex(/^[0-9A-F]{16}$/)]), result: z.void() },
    },
    events: { onDidChangePad: z.array(PadTag) },
  },
} as const satisfies Record<string, ServiceContract>;

export type Contracts = typeof contracts;
export type ServiceName = keyof Contracts;
