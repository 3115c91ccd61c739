import iconv from 'iconv-lite';
import { SipError } from './SipError';

/**
 * Character sets a library system may speak. SIP2 §2.00 predates Unicode and says
 * nothing of encodings; real systems use Latin-1, code page 850 (old 3M units) or UTF-8.
 * Checksums are always computed over the encoded bytes.
 */
export type SipCharset = 'utf-8' | 'latin1' | 'cp850';

export const SIP_CHARSETS: readonly SipCharset[] = ['utf-8', 'latin1', 'cp850'];

export function assertCharset(charset: string): asserts charset is SipCharset {
  if (!(SIP_CHARSETS as readonly string[]).includes(charset)) {
    throw new SipError('UNSUPPORTED_CHARSET', `unsupported character set ${charset}`, { charset });
  }
}

/** Characters the target set cannot hold become `?` (iconv-lite's substitution). */
export function encodeText(text: string, charset: SipCharset): Buffer {
  switch (charset) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'latin1':
      return iconv.encode(text, 'latin1');
    case 'cp850':
      return iconv.encode(text, 'cp850');
  }
}

export function decodeText(bytes: Uint8Array, charset: SipCharset): string {
  switch (charset) {
    case 'utf-8':
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    case 'latin1':
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    case 'cp850':
      return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'cp850');
  }
}
