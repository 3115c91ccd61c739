/**
 * Public API of @dunkirk/kiosk (Node side). See README.md.
 * SIP2: codec, framing, client. Network: the embedded Les Balises library system.
 */
export {
  // errors
  SipError,
  isSipError,
  type SipErrorCode,
  type SipErrorDetails,
  // codec
  SIP_CHARSETS,
  MESSAGE_SPECS,
  RESPONSE_OF,
  PATRON_STATUS_FLAGS,
  SUMMARY_ITEMS,
  LOCAL_ZONE,
  UTC_ZONE,
  buildMessageText,
  checksum,
  checksumOfBytes,
  decodeFrame,
  encodeMessage,
  parseMessage,
  patronStatus,
  formatTimestamp,
  parseTimestamp,
  timestampFromDate,
  timestampToDate,
  SipFrameReader,
  type DecodedFrame,
  type SipCodecOptions,
  type SipCharset,
  type SipTimestamp,
  type PatronStatusFlags,
  type SummaryItems,
  type ExtraField,
  type SipMessage,
  type SipMessageOf,
  type SipMessageType,
  type SipRequest,
  type SipRequestType,
  type ResponseTo,
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
  type PatronStatusRequest,
  type PatronStatusResponse,
  type RenewRequest,
  type RenewResponse,
  type ScStatus,
  // client
  Sip2Client,
  type Sip2ClientEvents,
  type Sip2ClientOptions,
  type Sip2ClientState,
} from './node/sip2';
export {
  MEMBER_LIBRARIES,
  ITEM_TYPES,
  POLICY,
  SEED_FIXTURES,
  libraryByIsilOrCode,
  openNetworkDb,
  seedNetwork,
  startSipNetworkServer,
  NetworkService,
  type MemberLibrary,
  type ItemType,
  type NetworkDb,
  type NetworkFault,
  type SeedOptions,
  type SeedReport,
  type SipNetworkServer,
  type SipNetworkServerOptions,
  type TerminalSession,
} from './network';

// Service contracts (shared by the Electron preload, the browser shell and the touch UI).
export * from './common/contracts';
export {
  createClient,
  createDispatcher,
  forwardEvents,
  KioskError,
  type KioskErrorCode,
  type RpcCarrier,
  type Service,
  type Services,
} from './common/rpc';
export { createWebSocketCarrier, type WebSocketCarrier } from './common/ws-carrier';

// The loan core: session, journal, recovery, ports and their adapters.
export {
  LibraryOffline,
  PadWriteError,
  type LibrarySystem,
  type Pad,
  type PadItem,
  type PadCard,
  type Printer,
} from './node/loan/ports';
export {
  LoanSession,
  defaultSessionConfig,
  CRASH_POINTS,
  type SessionConfig,
  type CrashPoint,
} from './node/loan/session';
export { recover, replayQueue } from './node/loan/recovery';
export { Journal, type Step, type Phase } from './node/journal/journal';
export { Sip2LibrarySystem } from './node/adapters/sip2-library';
export { PadManager, type PadManagerOptions } from './node/hardware/pad-manager';
export { StaffService, hashStaffPin, verifyStaffPin } from './node/staff';
export { encodeReceipt } from './node/printer/escpos';
export { SerialReceiptPrinter, SimulatedPrinter } from './node/printer/printers';
export {
  KioskConfigSchema,
  KioskConfigError,
  loadKioskConfig,
  parseKioskConfig,
  type KioskConfig,
} from './node/config';
export { createKioskCore, type KioskCore, type KioskCoreParts } from './node/kiosk-core';
export { bootKiosk } from './node/boot';

// The browser shell and the demo stack.
export { startKioskHost, type KioskHost } from './host/server';
export { startKioskStack, demoDocuments, type KioskStack } from './host/stack';
export { DemoPadService, tagSpecFor, type DemoDocument } from './node/demo-pad';
