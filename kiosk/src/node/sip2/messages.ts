import type { ExtraField, FixedOf, FixedSpec, VarOf, VarSpec } from './fields';

/**
 * Every message a self-check kiosk exchanges, from SIP2 §2.00 (3M Standard Interchange
 * Protocol v2.00). Field order in each table is the order the standard lists them, which
 * is the order the builder writes them. `ZP` (number of parts of a multi-part set) is this
 * project's documented extension; standard-conforming systems ignore unknown codes.
 */
interface MessageSpec<T extends string, F extends readonly FixedSpec[], V extends readonly VarSpec[]> {
  readonly id: string;
  readonly type: T;
  readonly fixed: F;
  readonly fields: V;
}

function spec<
  const T extends string,
  const F extends readonly FixedSpec[],
  const V extends readonly VarSpec[],
>(s: MessageSpec<T, F, V>): MessageSpec<T, F, V> {
  return s;
}

const ts = <const N extends string>(name: N) => ({ name, kind: 'timestamp' }) as const;
/** Checkout Response (12) and Renew Response (30) share their fixed part (§2.00). */
const LOAN_RESPONSE_FIXED = [
  { name: 'ok', kind: 'char', values: '01' },
  { name: 'renewalOk', kind: 'flag' },
  { name: 'magneticMedia', kind: 'tristate' },
  { name: 'desensitize', kind: 'tristate' },
  ts('transactionDate'),
] as const;
const AO = { code: 'AO', name: 'institutionId', kind: 'string', required: true } as const;
const AA = { code: 'AA', name: 'patronIdentifier', kind: 'string', required: true } as const;
const AB = { code: 'AB', name: 'itemIdentifier', kind: 'string', required: true } as const;
const AC = { code: 'AC', name: 'terminalPassword', kind: 'string' } as const;
const AD = { code: 'AD', name: 'patronPassword', kind: 'string' } as const;
const AF = { code: 'AF', name: 'screenMessage', kind: 'list' } as const;
const AG = { code: 'AG', name: 'printLine', kind: 'list' } as const;
const AJ = { code: 'AJ', name: 'titleIdentifier', kind: 'string' } as const;
const CH = { code: 'CH', name: 'itemProperties', kind: 'string' } as const;
const CK = { code: 'CK', name: 'mediaType', kind: 'string' } as const;
const BH = { code: 'BH', name: 'currencyType', kind: 'string' } as const;
const BV = { code: 'BV', name: 'feeAmount', kind: 'string' } as const;
const BO = { code: 'BO', name: 'feeAcknowledged', kind: 'flag' } as const;
const BI = { code: 'BI', name: 'cancel', kind: 'flag' } as const;
const BT = { code: 'BT', name: 'feeType', kind: 'string' } as const;
const CI = { code: 'CI', name: 'securityInhibit', kind: 'flag' } as const;
const BK = { code: 'BK', name: 'transactionId', kind: 'string' } as const;
const AH = { code: 'AH', name: 'dueDate', kind: 'string' } as const;
const AQ = { code: 'AQ', name: 'permanentLocation', kind: 'string' } as const;
const ZP = { code: 'ZP', name: 'partsCount', kind: 'int' } as const;
const AE = { code: 'AE', name: 'personalName', kind: 'string', required: true } as const;
const BL = { code: 'BL', name: 'validPatron', kind: 'flag' } as const;
const CQ = { code: 'CQ', name: 'validPatronPassword', kind: 'flag' } as const;

export const MESSAGE_SPECS = {
  /** §2.00 Login (93). */
  loginRequest: spec({
    id: '93',
    type: 'loginRequest',
    fixed: [
      { name: 'uidAlgorithm', kind: 'char', values: '0' },
      { name: 'pwdAlgorithm', kind: 'char', values: '0' },
    ],
    fields: [
      { code: 'CN', name: 'loginUserId', kind: 'string', required: true },
      { code: 'CO', name: 'loginPassword', kind: 'string', required: true },
      { code: 'CP', name: 'locationCode', kind: 'string' },
    ],
  }),
  /** §2.00 Login Response (94). */
  loginResponse: spec({
    id: '94',
    type: 'loginResponse',
    fixed: [{ name: 'ok', kind: 'char', values: '01' }],
    fields: [],
  }),
  /** §2.00 SC Status (99). Status code: 0 OK, 1 printer out of paper, 2 about to shut down. */
  scStatus: spec({
    id: '99',
    type: 'scStatus',
    fixed: [
      { name: 'statusCode', kind: 'char', values: '012' },
      { name: 'maxPrintWidth', kind: 'int', width: 3 },
      { name: 'protocolVersion', kind: 'text', width: 4 },
    ],
    fields: [],
  }),
  /** §2.00 ACS Status (98). Timeout in tenths of a second (000 = none, 999 = unknown); retries 999 = unknown. */
  acsStatus: spec({
    id: '98',
    type: 'acsStatus',
    fixed: [
      { name: 'onlineStatus', kind: 'flag' },
      { name: 'checkinOk', kind: 'flag' },
      { name: 'checkoutOk', kind: 'flag' },
      { name: 'acsRenewalPolicy', kind: 'flag' },
      { name: 'statusUpdateOk', kind: 'flag' },
      { name: 'offlineOk', kind: 'flag' },
      { name: 'timeoutPeriod', kind: 'int', width: 3 },
      { name: 'retriesAllowed', kind: 'int', width: 3 },
      ts('dateTimeSync'),
      { name: 'protocolVersion', kind: 'text', width: 4 },
    ],
    fields: [
      AO,
      { code: 'AM', name: 'libraryName', kind: 'string' },
      { code: 'BX', name: 'supportedMessages', kind: 'string', required: true },
      { code: 'AN', name: 'terminalLocation', kind: 'string' },
      AF,
      AG,
    ],
  }),
  /** §2.00 Patron Status Request (23). */
  patronStatusRequest: spec({
    id: '23',
    type: 'patronStatusRequest',
    fixed: [{ name: 'language', kind: 'text', width: 3 }, ts('transactionDate')],
    fields: [AO, AA, { ...AC, required: true }, { ...AD, required: true }],
  }),
  /** §2.00 Patron Status Response (24). */
  patronStatusResponse: spec({
    id: '24',
    type: 'patronStatusResponse',
    fixed: [
      { name: 'patronStatus', kind: 'patronStatus' },
      { name: 'language', kind: 'text', width: 3 },
      ts('transactionDate'),
    ],
    fields: [AO, AA, AE, BL, CQ, BH, BV, AF, AG],
  }),
  /** §2.00 Patron Information (63). */
  patronInformationRequest: spec({
    id: '63',
    type: 'patronInformationRequest',
    fixed: [
      { name: 'language', kind: 'text', width: 3 },
      ts('transactionDate'),
      { name: 'summary', kind: 'summary' },
    ],
    fields: [
      AO,
      AA,
      AC,
      AD,
      { code: 'BP', name: 'startItem', kind: 'int' },
      { code: 'BQ', name: 'endItem', kind: 'int' },
    ],
  }),
  /** §2.00 Patron Information Response (64). */
  patronInformationResponse: spec({
    id: '64',
    type: 'patronInformationResponse',
    fixed: [
      { name: 'patronStatus', kind: 'patronStatus' },
      { name: 'language', kind: 'text', width: 3 },
      ts('transactionDate'),
      { name: 'holdItemsCount', kind: 'int', width: 4 },
      { name: 'overdueItemsCount', kind: 'int', width: 4 },
      { name: 'chargedItemsCount', kind: 'int', width: 4 },
      { name: 'fineItemsCount', kind: 'int', width: 4 },
      { name: 'recallItemsCount', kind: 'int', width: 4 },
      { name: 'unavailableHoldsCount', kind: 'int', width: 4 },
    ],
    fields: [
      AO,
      AA,
      AE,
      { code: 'BZ', name: 'holdItemsLimit', kind: 'int', width: 4 },
      { code: 'CA', name: 'overdueItemsLimit', kind: 'int', width: 4 },
      { code: 'CB', name: 'chargedItemsLimit', kind: 'int', width: 4 },
      BL,
      CQ,
      BH,
      BV,
      { code: 'CC', name: 'feeLimit', kind: 'string' },
      { code: 'AS', name: 'holdItems', kind: 'list' },
      { code: 'AT', name: 'overdueItems', kind: 'list' },
      { code: 'AU', name: 'chargedItems', kind: 'list' },
      { code: 'AV', name: 'fineItems', kind: 'list' },
      { code: 'BU', name: 'recallItems', kind: 'list' },
      { code: 'CD', name: 'unavailableHoldItems', kind: 'list' },
      { code: 'BD', name: 'homeAddress', kind: 'string' },
      { code: 'BE', name: 'emailAddress', kind: 'string' },
      { code: 'BF', name: 'homePhoneNumber', kind: 'string' },
      AF,
      AG,
    ],
  }),
  /** §2.00 Checkout (11). */
  checkoutRequest: spec({
    id: '11',
    type: 'checkoutRequest',
    fixed: [
      { name: 'scRenewalPolicy', kind: 'flag' },
      { name: 'noBlock', kind: 'flag' },
      ts('transactionDate'),
      { name: 'nbDueDate', kind: 'optionalTimestamp' },
    ],
    fields: [AO, AA, AB, { ...AC, required: true }, CH, AD, BO, BI],
  }),
  /** §2.00 Checkout Response (12). */
  checkoutResponse: spec({
    id: '12',
    type: 'checkoutResponse',
    fixed: LOAN_RESPONSE_FIXED,
    fields: [
      AO,
      AA,
      AB,
      { ...AJ, required: true },
      { ...AH, required: true },
      BT,
      CI,
      BH,
      BV,
      CK,
      CH,
      BK,
      ZP,
      AF,
      AG,
    ],
  }),
  /** §2.00 Checkin (09). `AP` is where the kiosk stands. */
  checkinRequest: spec({
    id: '09',
    type: 'checkinRequest',
    fixed: [{ name: 'noBlock', kind: 'flag' }, ts('transactionDate'), ts('returnDate')],
    fields: [
      { code: 'AP', name: 'currentLocation', kind: 'string', required: true },
      AO,
      AB,
      { ...AC, required: true },
      CH,
      BI,
    ],
  }),
  /**
   * §2.00 Checkin Response (10). `CT` destination and `CV` alert type (01 hold for this
   * library, 02 hold for another library, 04 send to another library) come from the 3M
   * extensions that self-check sorters rely on.
   */
  checkinResponse: spec({
    id: '10',
    type: 'checkinResponse',
    fixed: [
      { name: 'ok', kind: 'char', values: '01' },
      { name: 'resensitize', kind: 'flag' },
      { name: 'magneticMedia', kind: 'tristate' },
      { name: 'alert', kind: 'flag' },
      ts('transactionDate'),
    ],
    fields: [
      AO,
      AB,
      { ...AQ, required: true },
      AJ,
      { code: 'CL', name: 'sortBin', kind: 'string' },
      { code: 'AA', name: 'patronIdentifier', kind: 'string' },
      CK,
      CH,
      { code: 'CT', name: 'destinationLocation', kind: 'string' },
      { code: 'CV', name: 'alertType', kind: 'string' },
      { code: 'CY', name: 'holdPatronId', kind: 'string' },
      ZP,
      AF,
      AG,
    ],
  }),
  /** §2.00 Renew (29). */
  renewRequest: spec({
    id: '29',
    type: 'renewRequest',
    fixed: [
      { name: 'thirdPartyAllowed', kind: 'flag' },
      { name: 'noBlock', kind: 'flag' },
      ts('transactionDate'),
      { name: 'nbDueDate', kind: 'optionalTimestamp' },
    ],
    fields: [AO, AA, AD, { ...AB, required: false }, AJ, AC, CH, BO],
  }),
  /** §2.00 Renew Response (30). */
  renewResponse: spec({
    id: '30',
    type: 'renewResponse',
    fixed: LOAN_RESPONSE_FIXED,
    fields: [
      AO,
      AA,
      AB,
      { ...AJ, required: true },
      { ...AH, required: true },
      BT,
      CI,
      BH,
      BV,
      CK,
      CH,
      BK,
      AF,
      AG,
    ],
  }),
  /** §2.00 Item Information (17). */
  itemInformationRequest: spec({
    id: '17',
    type: 'itemInformationRequest',
    fixed: [ts('transactionDate')],
    fields: [AO, AB, AC],
  }),
  /**
   * §2.00 Item Information Response (18). Circulation status: 01 other, 03 available,
   * 04 charged, 08 waiting on hold shelf, 10 in transit, 12 lost, 13 missing.
   * Security marker: 00 other, 01 none, 02 tattle-tape, 03 whisper tape.
   */
  itemInformationResponse: spec({
    id: '18',
    type: 'itemInformationResponse',
    fixed: [
      { name: 'circulationStatus', kind: 'text', width: 2 },
      { name: 'securityMarker', kind: 'text', width: 2 },
      { name: 'feeType', kind: 'text', width: 2 },
      ts('transactionDate'),
    ],
    fields: [
      { code: 'CF', name: 'holdQueueLength', kind: 'int' },
      AH,
      { code: 'CJ', name: 'recallDate', kind: 'string' },
      { code: 'CM', name: 'holdPickupDate', kind: 'string' },
      AB,
      { ...AJ, required: true },
      { code: 'BG', name: 'owner', kind: 'string' },
      BH,
      BV,
      CK,
      AQ,
      { code: 'AP', name: 'currentLocation', kind: 'string' },
      CH,
      ZP,
      AF,
      AG,
    ],
  }),
  /** §2.00 End Patron Session (35). */
  endPatronSessionRequest: spec({
    id: '35',
    type: 'endPatronSessionRequest',
    fixed: [ts('transactionDate')],
    fields: [AO, AA, AC, AD],
  }),
  /** §2.00 End Session Response (36). */
  endSessionResponse: spec({
    id: '36',
    type: 'endSessionResponse',
    fixed: [{ name: 'endSession', kind: 'flag' }, ts('transactionDate')],
    fields: [AO, AA, AF, AG],
  }),
  /** §2.00 Request ACS Resend (97): the kiosk asks the library system to repeat its last answer. */
  requestAcsResend: spec({ id: '97', type: 'requestAcsResend', fixed: [], fields: [] }),
  /** §2.00 Request SC Resend (96): the library system asks the kiosk to repeat its last request. */
  requestScResend: spec({ id: '96', type: 'requestScResend', fixed: [], fields: [] }),
} as const;

type Specs = typeof MESSAGE_SPECS;
export type SipMessageType = keyof Specs;

/** The typed form of one message: `type`, its fixed fields, its variable fields, unknown fields kept in `extra`. */
export type SipMessageOf<K extends SipMessageType> = { type: K } & FixedOf<Specs[K]['fixed']> &
  VarOf<Specs[K]['fields']> & { extra?: ExtraField[] };

export type SipMessage = { [K in SipMessageType]: SipMessageOf<K> }[SipMessageType];

export type LoginRequest = SipMessageOf<'loginRequest'>;
export type LoginResponse = SipMessageOf<'loginResponse'>;
export type ScStatus = SipMessageOf<'scStatus'>;
export type AcsStatus = SipMessageOf<'acsStatus'>;
export type PatronStatusRequest = SipMessageOf<'patronStatusRequest'>;
export type PatronStatusResponse = SipMessageOf<'patronStatusResponse'>;
export type PatronInformationRequest = SipMessageOf<'patronInformationRequest'>;
export type PatronInformationResponse = SipMessageOf<'patronInformationResponse'>;
export type CheckoutRequest = SipMessageOf<'checkoutRequest'>;
export type CheckoutResponse = SipMessageOf<'checkoutResponse'>;
export type CheckinRequest = SipMessageOf<'checkinRequest'>;
export type CheckinResponse = SipMessageOf<'checkinResponse'>;
export type RenewRequest = SipMessageOf<'renewRequest'>;
export type RenewResponse = SipMessageOf<'renewResponse'>;
export type ItemInformationRequest = SipMessageOf<'itemInformationRequest'>;
export type ItemInformationResponse = SipMessageOf<'itemInformationResponse'>;
export type EndPatronSessionRequest = SipMessageOf<'endPatronSessionRequest'>;
export type EndSessionResponse = SipMessageOf<'endSessionResponse'>;

/** Loosely typed view used by the table-driven codec. */
export type AnySpec = {
  readonly id: string;
  readonly type: string;
  readonly fixed: readonly FixedSpec[];
  readonly fields: readonly VarSpec[];
};

export const SPEC_BY_ID: ReadonlyMap<string, AnySpec> = new Map(
  Object.values(MESSAGE_SPECS).map((s) => [s.id, s as AnySpec]),
);
export const SPEC_BY_TYPE: ReadonlyMap<string, AnySpec> = new Map(
  Object.values(MESSAGE_SPECS).map((s) => [s.type, s as AnySpec]),
);

/** Which response answers which request. */
export const RESPONSE_OF = {
  loginRequest: 'loginResponse',
  scStatus: 'acsStatus',
  patronStatusRequest: 'patronStatusResponse',
  patronInformationRequest: 'patronInformationResponse',
  checkoutRequest: 'checkoutResponse',
  checkinRequest: 'checkinResponse',
  renewRequest: 'renewResponse',
  itemInformationRequest: 'itemInformationResponse',
  endPatronSessionRequest: 'endSessionResponse',
} as const satisfies Partial<Record<SipMessageType, SipMessageType>>;
export type SipRequestType = keyof typeof RESPONSE_OF;
export type SipRequest = SipMessageOf<SipRequestType>;
export type ResponseTo<K extends SipRequestType> = SipMessageOf<(typeof RESPONSE_OF)[K]>;
