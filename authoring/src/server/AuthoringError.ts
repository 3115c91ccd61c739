/** Stable codes of the authoring server; the HTTP status of each is in `httpStatus`. */
export const authoringErrorCodes = [
  'NOT_FOUND',
  'PATH_UNSAFE',
  'BODY_INVALID',
  'TOUR_EXISTS',
  'STOP_EXISTS',
  'PRECONDITION_REQUIRED',
  'ETAG_MISMATCH',
  'UNAUTHORIZED',
  'PUBLISH_REFUSED',
  'MEDIA_REFUSED',
  'IMPORT_REFUSED',
] as const;

export type AuthoringErrorCode = (typeof authoringErrorCodes)[number];

export interface AuthoringErrorDetails {
  /** Tour id the request was about. */
  tour?: string;
  /** File inside the tour folder. */
  file?: string;
  /** JSON pointer of the field at fault. */
  pointer?: string;
  /** Current ETag of the file (on ETAG_MISMATCH: the version the client must merge with). */
  etag?: string;
  issue?: string;
  [key: string]: unknown;
}

/** HTTP status each code maps to: conflicts are 412 (If-Match failed) and 409 (already exists). */
export const httpStatus: Record<AuthoringErrorCode, 400 | 401 | 404 | 409 | 412 | 422 | 428> = {
  NOT_FOUND: 404,
  PATH_UNSAFE: 400,
  BODY_INVALID: 400,
  TOUR_EXISTS: 409,
  STOP_EXISTS: 409,
  PRECONDITION_REQUIRED: 428,
  ETAG_MISMATCH: 412,
  UNAUTHORIZED: 401,
  PUBLISH_REFUSED: 422,
  MEDIA_REFUSED: 422,
  IMPORT_REFUSED: 422,
};

const messages: Record<AuthoringErrorCode, string> = {
  NOT_FOUND: 'no such tour or file',
  PATH_UNSAFE: 'the path leaves the tour folder or is not allowed',
  BODY_INVALID: 'the request body is not what this route accepts',
  TOUR_EXISTS: 'a tour with this id already exists',
  STOP_EXISTS: 'a stop with this id already exists',
  PRECONDITION_REQUIRED: 'send If-Match with the ETag you read (or If-None-Match: * to create)',
  ETAG_MISMATCH: 'the file changed since you read it',
  UNAUTHORIZED: 'a valid token is required',
  PUBLISH_REFUSED: 'the tour cannot be published as it is',
  MEDIA_REFUSED: 'the media file could not be imported',
  IMPORT_REFUSED: 'the data file cannot be imported as a whole (no row of it was saved)',
};

/** The one error class of the authoring server: a stable `code` and structured `details`. */
export class AuthoringError extends Error {
  override readonly name = 'AuthoringError';
  readonly code: AuthoringErrorCode;
  readonly details: AuthoringErrorDetails;

  constructor(code: AuthoringErrorCode, details: AuthoringErrorDetails = {}, options?: { cause?: unknown }) {
    super(`${code}: ${messages[code]}${details.issue ? ` (${details.issue})` : ''}`, options);
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return httpStatus[this.code];
  }

  toJSON(): { code: AuthoringErrorCode; message: string; details: AuthoringErrorDetails } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

export function isAuthoringError(err: unknown): err is AuthoringError {
  return err instanceof AuthoringError;
}
