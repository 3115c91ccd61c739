import type { SipTimestamp } from './timestamp';

/**
 * Field definitions. A message is a two-character identifier, fixed-length fields by
 * position, then variable fields `CC…|` by two-letter code (SIP2 §2.00 "Message format").
 * The tables in `messages.ts` drive both the parser and the builder, and the TypeScript
 * types of every message are derived from them, so the three cannot drift apart.
 */
export type FixedSpec =
  /** `Y`/`N` → boolean. */
  | { readonly name: string; readonly kind: 'flag' }
  /** `Y`/`N`/`U` → boolean, or null for `U` (unknown). */
  | { readonly name: string; readonly kind: 'tristate' }
  /** One character from `values`. */
  | { readonly name: string; readonly kind: 'char'; readonly values: string }
  /** Zero-padded decimal of `width` digits. */
  | { readonly name: string; readonly kind: 'int'; readonly width: number }
  /** Exactly `width` characters (e.g. protocol version `2.00`, media type `001`). */
  | { readonly name: string; readonly kind: 'text'; readonly width: number }
  /** 18-character date (SIP2 §2.00 date format). */
  | { readonly name: string; readonly kind: 'timestamp' }
  /** 18-character date, or 18 blanks → null. */
  | { readonly name: string; readonly kind: 'optionalTimestamp' }
  /** 14 `Y`/blank flags of the patron status (SIP2 §2.00 Patron Status Response). */
  | { readonly name: string; readonly kind: 'patronStatus' }
  /** 10 positions, at most one `Y`, naming the item list asked for (Patron Information). */
  | { readonly name: string; readonly kind: 'summary' };

export type VarSpec = {
  readonly code: string;
  readonly name: string;
  /** string; int (decimal, zero-padded to `width` when given); flag (Y/N); list (repeatable). */
  readonly kind: 'string' | 'int' | 'flag' | 'list';
  readonly required?: boolean;
  readonly width?: number;
};

/** The 14 patron status flags, in wire order (SIP2 §2.00 Patron Status Response). */
export const PATRON_STATUS_FLAGS = [
  'chargePrivilegesDenied',
  'renewalPrivilegesDenied',
  'recallPrivilegesDenied',
  'holdPrivilegesDenied',
  'cardReportedLost',
  'tooManyItemsCharged',
  'tooManyItemsOverdue',
  'tooManyRenewals',
  'tooManyClaimsOfItemsReturned',
  'tooManyItemsLost',
  'excessiveOutstandingFines',
  'excessiveOutstandingFees',
  'recallOverdue',
  'tooManyItemsBilled',
] as const;

export type PatronStatusFlags = Record<(typeof PATRON_STATUS_FLAGS)[number], boolean>;

export function patronStatus(set: Partial<PatronStatusFlags> = {}): PatronStatusFlags {
  return Object.fromEntries(PATRON_STATUS_FLAGS.map((f) => [f, set[f] === true])) as PatronStatusFlags;
}

/** The item list a Patron Information request asks for, by position of its `Y`. */
export const SUMMARY_ITEMS = ['hold', 'overdue', 'charged', 'fine', 'recall', 'unavailableHold'] as const;
export type SummaryItems = (typeof SUMMARY_ITEMS)[number] | null;

type FixedValue<S extends FixedSpec> = S['kind'] extends 'flag'
  ? boolean
  : S['kind'] extends 'tristate'
    ? boolean | null
    : S['kind'] extends 'int'
      ? number
      : S['kind'] extends 'timestamp'
        ? SipTimestamp
        : S['kind'] extends 'optionalTimestamp'
          ? SipTimestamp | null
          : S['kind'] extends 'patronStatus'
            ? PatronStatusFlags
            : S['kind'] extends 'summary'
              ? SummaryItems
              : string;

type VarValue<S extends VarSpec> = S['kind'] extends 'int'
  ? number
  : S['kind'] extends 'flag'
    ? boolean
    : S['kind'] extends 'list'
      ? string[]
      : string;

export type FixedOf<F extends readonly FixedSpec[]> = { [S in F[number] as S['name']]: FixedValue<S> };
export type VarOf<V extends readonly VarSpec[]> = {
  [S in V[number] as S['required'] extends true ? S['name'] : never]: VarValue<S>;
} & {
  [S in V[number] as S['required'] extends true ? never : S['name']]?: VarValue<S>;
};

/** A field whose code the message table does not define (vendor extensions), kept in order. */
export interface ExtraField {
  code: string;
  value: string;
}
