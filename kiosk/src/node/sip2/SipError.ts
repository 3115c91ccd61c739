/**
 * The one error class of the SIP2 layer (codec, client, server). Code branches on
 * `code`, never on the message text; user-facing text comes from `describeSipError`.
 */
export type SipErrorCode =
  /** Fewer than two characters, or a fixed part shorter than the message defines. */
  | 'TOO_SHORT'
  /** The two-character identifier names no message this codec knows. */
  | 'UNKNOWN_MESSAGE'
  /** A fixed-length field holds a value its definition does not allow. */
  | 'BAD_FIXED_FIELD'
  /** A `YYYYMMDDZZZZHHMMSS` date is malformed. */
  | 'BAD_DATE'
  /** A variable field is not `CC` + value + `|`, or its value has the wrong form. */
  | 'BAD_FIELD'
  /** A field the message requires is absent. */
  | 'MISSING_FIELD'
  /** `AY`/`AZ` trailer is malformed (sequence not a digit, checksum not 4 hex digits). */
  | 'BAD_TRAILER'
  /** The checksum does not match the bytes (raised only where a caller asks to enforce it). */
  | 'BAD_CHECKSUM'
  /** A value to encode contains the field delimiter and the codec is set to reject it. */
  | 'FIELD_CONTAINS_DELIMITER'
  /** More bytes than `maxFrameBytes` arrived without a terminator. */
  | 'FRAME_TOO_LONG'
  /** The configured character set is not one of utf-8, latin1, cp850. */
  | 'UNSUPPORTED_CHARSET'
  /** No answer within the timeout, after the allowed retries. */
  | 'TIMEOUT'
  /** The library system cannot be reached; the client is offline. */
  | 'OFFLINE'
  /** The connection closed while a request was in flight. */
  | 'CONNECTION_CLOSED'
  /** The library system refused the terminal login (94 with ok = 0). */
  | 'LOGIN_REFUSED'
  /** The answer is not the message that answers the request. */
  | 'UNEXPECTED_RESPONSE'
  /** The client was closed by its owner. */
  | 'CLOSED';

export interface SipErrorDetails {
  /** 1-based character column in the message text where the problem starts. */
  column?: number;
  /** Field name (as in the typed message) or two-letter field code. */
  field?: string;
  /** Two-character message identifier, e.g. `11`. */
  messageId?: string;
  /** Anything else that helps a reader find the fault. */
  [key: string]: unknown;
}

export class SipError extends Error {
  override readonly name = 'SipError';
  constructor(
    readonly code: SipErrorCode,
    message: string,
    readonly details: SipErrorDetails = {},
  ) {
    super(message);
  }
}

export function isSipError(err: unknown, code?: SipErrorCode): err is SipError {
  return err instanceof SipError && (code === undefined || err.code === code);
}
