import type { TourFormatError } from '@dunkirk/content';
import { tourFormatErrorMessages } from '@dunkirk/content';

/** One line for a curator: `CODE file#pointer: message (issue)`. */
export function formatRefusal(err: TourFormatError): string {
  const where = [err.details.file, err.details.pointer].filter((p) => p !== undefined && p !== '').join('#');
  const issue = err.details.issue ? ` (${err.details.issue})` : '';
  return `${err.code}${where ? ' ' + where : ''}: ${tourFormatErrorMessages[err.code].en}${issue}`;
}
