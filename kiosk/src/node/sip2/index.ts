export { SipError, isSipError, type SipErrorCode, type SipErrorDetails } from './SipError';
export { SIP_CHARSETS, encodeText, decodeText, type SipCharset } from './charset';
export { checksumOfBytes } from './checksum';
export {
  LOCAL_ZONE,
  UTC_ZONE,
  formatTimestamp,
  parseTimestamp,
  timestampFromDate,
  timestampToDate,
  type SipTimestamp,
} from './timestamp';
export {
  PATRON_STATUS_FLAGS,
  SUMMARY_ITEMS,
  patronStatus,
  type ExtraField,
  type PatronStatusFlags,
  type SummaryItems,
} from './fields';
export * from './messages';
export {
  buildMessageText,
  checksum,
  decodeFrame,
  encodeMessage,
  parseMessage,
  type DecodedFrame,
  type SipCodecOptions,
} from './codec';
export { SipFrameReader } from './framing';
export {
  Sip2Client,
  type Sip2ClientEvents,
  type Sip2ClientOptions,
  type Sip2ClientState,
} from './Sip2Client';
