/**
 * The one error class of the media pipeline. Callers branch on `code`, never on the message;
 * `details` says which tool, file or field was at fault.
 */
export type MediaErrorCode =
  'TOOL_MISSING' | 'TOOL_FAILED' | 'WAV_INVALID' | 'TEXT_EMPTY' | 'LOCALE_UNSUPPORTED' | 'INPUT_INVALID';

export interface MediaErrorDetails {
  /** The external program involved (`espeak-ng`, `ffmpeg`). */
  tool?: string;
  /** Last lines of the tool's standard error, for a failure. */
  stderrTail?: string;
  exitCode?: number | null;
  /** A file involved (input or output). */
  path?: string;
  /** A field of the input, e.g. `locale`. */
  field?: string;
  /** A byte offset, for binary formats (WAV). */
  offset?: number;
  [key: string]: unknown;
}

const messages: Record<MediaErrorCode, string> = {
  TOOL_MISSING: 'A required media tool is not installed (apt-get install -y ffmpeg espeak-ng)',
  TOOL_FAILED: 'A media tool exited with an error',
  WAV_INVALID: 'The WAV data is not 16-bit PCM RIFF/WAVE',
  TEXT_EMPTY: 'There is no sentence to synthesise',
  LOCALE_UNSUPPORTED: 'No voice for this locale',
  INPUT_INVALID: 'The media input cannot be read',
};

export class MediaError extends Error {
  override readonly name = 'MediaError';
  constructor(
    readonly code: MediaErrorCode,
    readonly details: MediaErrorDetails = {},
  ) {
    const where = details.tool ?? details.path ?? details.field;
    super(`${code}: ${messages[code]}${where ? ` (${where})` : ''}`);
  }
}
