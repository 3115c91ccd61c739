/**
 * Security state of a library item: libraries arm the exit gates either with
 * the AFI byte (ISO 28560-1 recommends 0x07 on shelf, 0xC2 on loan) or with
 * the NXP EAS bit, often both. One configuration object says which.
 */
export interface SecurityConfig {
  afi: { onShelf: number; onLoan: number };
  /** Also set / reset the NXP EAS bit. Default true. */
  eas: boolean;
}

export const DEFAULT_SECURITY: SecurityConfig = { afi: { onShelf: 0x07, onLoan: 0xc2 }, eas: true };

export interface SecurityPlan {
  afi: number;
  /** undefined: leave the EAS bit alone. */
  eas?: boolean;
}

/** What to write to a tag so that it is secured (on shelf) or not (on loan). */
export function securityPlan(secured: boolean, config: SecurityConfig = DEFAULT_SECURITY): SecurityPlan {
  return {
    afi: secured ? config.afi.onShelf : config.afi.onLoan,
    ...(config.eas ? { eas: secured } : {}),
  };
}

/** Read back: is a tag with this AFI (and EAS bit, if known) secured? */
export function isSecured(
  afi: number,
  eas: boolean | undefined,
  config: SecurityConfig = DEFAULT_SECURITY,
): boolean {
  if (afi === config.afi.onShelf) return eas ?? true;
  if (afi === config.afi.onLoan) return false;
  return eas ?? false;
}
