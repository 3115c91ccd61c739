/**
 * The app's one error class. Codes are stable; the messages shown to visitors are
 * translated from the code at the edge (see app/locales), never parsed from text.
 */
export const appErrorMessages = {
  CONFIG_INVALID: 'config.json is missing or malformed',
  CATALOGUE_UNAVAILABLE: 'the catalogue could not be fetched',
  CATALOGUE_INVALID: 'the catalogue does not match its schema',
  PACKAGE_REFUSED: 'the tour package failed its signature, hash, size or schema check',
  DOWNLOAD_FAILED: 'a file of the tour package could not be fetched',
  QUOTA_EXCEEDED: 'not enough storage space on this device for the tour',
  STORAGE_UNAVAILABLE: 'this browser offers no Cache Storage',
  TOUR_NOT_DOWNLOADED: 'the tour is not in the offline library',
  ASSET_NOT_CACHED: 'an asset of the tour is missing from the offline library',
  ABORTED: 'the download was cancelled',
} as const;

export type AppErrorCode = keyof typeof appErrorMessages;

export class TourAppError extends Error {
  override readonly name = 'TourAppError';
  constructor(
    readonly code: AppErrorCode,
    readonly details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${appErrorMessages[code]}${details.path ? ` (${String(details.path)})` : ''}`, options);
  }
}
