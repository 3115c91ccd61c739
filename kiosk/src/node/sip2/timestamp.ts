import { SipError } from './SipError';

/**
 * SIP2 §2.00 date and time: 18 characters `YYYYMMDDZZZZHHMMSS`. The four zone
 * characters are blanks for the library's local time, or a zone such as `   Z` (UTC).
 * Kept as fields rather than a `Date` so that a parsed message re-encodes byte for byte.
 */
export interface SipTimestamp {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Exactly four characters: `'    '` local time, `'   Z'` UTC. */
  zone: string;
}

export const LOCAL_ZONE = '    ';
export const UTC_ZONE = '   Z';

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

export function formatTimestamp(t: SipTimestamp): string {
  return (
    pad(t.year, 4) +
    pad(t.month, 2) +
    pad(t.day, 2) +
    t.zone +
    pad(t.hour, 2) +
    pad(t.minute, 2) +
    pad(t.second, 2)
  );
}

function badDate(text: string, column: number, field: string | undefined, why: string): SipError {
  return new SipError('BAD_DATE', `bad date ${JSON.stringify(text)}: ${why}`, { column, field });
}

/** Parse 18 characters; `column` is where they start in the message (for errors). */
export function parseTimestamp(text: string, column = 1, field?: string): SipTimestamp {
  if (text.length !== 18) throw badDate(text, column, field, 'expected 18 characters');
  const digits = text.slice(0, 8) + text.slice(12);
  if (!/^\d{14}$/.test(digits)) throw badDate(text, column, field, 'date and time must be digits');
  const zone = text.slice(8, 12);
  if (!/^[ A-Z0-9]{4}$/.test(zone))
    throw badDate(text, column, field, 'zone must be 4 blanks, letters or digits');
  const t: SipTimestamp = {
    year: Number(text.slice(0, 4)),
    month: Number(text.slice(4, 6)),
    day: Number(text.slice(6, 8)),
    zone,
    hour: Number(text.slice(12, 14)),
    minute: Number(text.slice(14, 16)),
    second: Number(text.slice(16, 18)),
  };
  if (t.month < 1 || t.month > 12) throw badDate(text, column, field, 'month out of range');
  if (t.day < 1 || t.day > 31) throw badDate(text, column, field, 'day out of range');
  if (t.hour > 23 || t.minute > 59 || t.second > 60) throw badDate(text, column, field, 'time out of range');
  return t;
}

/** A timestamp for `date`, in UTC (`   Z`) or in this machine's local time (blank zone). */
export function timestampFromDate(date: Date, zone: 'utc' | 'local' = 'local'): SipTimestamp {
  if (zone === 'utc') {
    return {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
      second: date.getUTCSeconds(),
      zone: UTC_ZONE,
    };
  }
  return {
    year: date.getFullYear(),
    month: date.getMonth() + 1,
    day: date.getDate(),
    hour: date.getHours(),
    minute: date.getMinutes(),
    second: date.getSeconds(),
    zone: LOCAL_ZONE,
  };
}

/** The instant a timestamp names: UTC when the zone ends in `Z`, this machine's local time otherwise. */
export function timestampToDate(t: SipTimestamp): Date {
  if (t.zone.trim() === 'Z')
    return new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second));
  return new Date(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
}
