/**
 * Kiosk logs: one line per event, with patron card numbers and PINs masked before anything is
 * written, so a log file handed to support holds no personal identifier.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** SIP2 fields that carry a patron identifier (AA) or a password/PIN (AC, AD, CO). */
const SIP_SECRET_FIELDS = /\|(AA|AD|AC|CO)([^|\r\n]*)/g;
/** Card-like digit runs (8 or more digits) outside SIP2 framing, e.g. a scanned barcode. */
const CARD_LIKE = /\b\d{8,}\b/g;
const JSON_SECRET_KEYS = /"(card|pin|patron|patronId|password)"\s*:\s*"([^"]*)"/gi;

function mask(value: string): string {
  if (value.length <= 4) return '*'.repeat(value.length);
  return `${'*'.repeat(value.length - 4)}${value.slice(-4)}`;
}

export function redact(line: string): string {
  return line
    .replace(SIP_SECRET_FIELDS, (_m, code: string, value: string) =>
      code === 'AA' ? `|AA${mask(value)}` : `|${code}${'*'.repeat(value.length ? 4 : 0)}`,
    )
    .replace(JSON_SECRET_KEYS, (_m, key: string, value: string) =>
      /pin|password/i.test(key) ? `"${key}":"****"` : `"${key}":"${mask(value)}"`,
    )
    .replace(CARD_LIKE, (digits) => mask(digits));
}

export interface Logger {
  info(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

export function createLogger(file: string | null, now: () => Date = () => new Date()): Logger {
  if (file) mkdirSync(dirname(file), { recursive: true });
  const write = (level: string, message: string, data?: Record<string, unknown>) => {
    const line = redact(
      `${now().toISOString()} ${level} ${message}${data ? ` ${JSON.stringify(data)}` : ''}`,
    );
    if (file) appendFileSync(file, `${line}\n`);
    else console.log(line);
  };
  return { info: (m, d) => write('INFO', m, d), error: (m, d) => write('ERROR', m, d) };
}
