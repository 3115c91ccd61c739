/**
 * ISIL compaction (ISO 28560-2 Annex C): ISO 15511 identifiers packed as
 * 5-bit symbols in an upper-case or lower-case code page, or 4-bit symbols in
 * a digit page, with latch ("switch") and one-character shift codes. The last
 * byte is padded with one bits.
 *
 *   upper page  0 '-', 1–26 'A'–'Z', 27 ':', 28 latch lower, 29 shift lower, 30 latch digit, 31 shift digit
 *   lower page  0 '-', 1–26 'a'–'z', 27 '/', 28 latch upper, 29 shift upper, 30 latch digit, 31 shift digit
 *   digit page  0–9, 10 '-', 11 ':', 12 latch upper, 13 latch lower, 14 shift upper, 15 shift lower
 * The upper and lower pages and the digit codes 0–10 and 12 are confirmed by
 * the standard's worked example ("US-InU-Mu" → AC C0 9E BA A0 6F 6B); the
 * digit-page codes 11, 13–15 are our reading of the table and are not
 * confirmed by a public vector.
 */
import { RfidError } from '../errors';

type Page = 'upper' | 'lower' | 'digit';

function symbolIn(page: Page, c: string): number | undefined {
  const code = c.charCodeAt(0);
  if (page === 'upper') {
    if (c === '-') return 0;
    if (code >= 65 && code <= 90) return code - 64;
    if (c === ':') return 27;
  } else if (page === 'lower') {
    if (c === '-') return 0;
    if (code >= 97 && code <= 122) return code - 96;
    if (c === '/') return 27;
  } else {
    if (code >= 48 && code <= 57) return code - 48;
    if (c === '-') return 10;
    if (c === ':') return 11;
  }
  return undefined;
}

function pageOf(c: string): Page {
  for (const p of ['upper', 'lower', 'digit'] as const) {
    if (p !== 'digit' && c === '-') continue; // '-' is in every page: never a reason to move
    if (symbolIn(p, c) !== undefined) return p;
  }
  throw new RfidError('BAD_VALUE', { field: 'isil', actual: c });
}

const LATCH: Record<Page, Partial<Record<Page, number>>> = {
  upper: { lower: 28, digit: 30 },
  lower: { upper: 28, digit: 30 },
  digit: { upper: 12, lower: 13 },
};
const SHIFT: Record<Page, Partial<Record<Page, number>>> = {
  upper: { lower: 29, digit: 31 },
  lower: { upper: 29, digit: 31 },
  digit: { upper: 14, lower: 15 },
};
const width = (p: Page) => (p === 'digit' ? 4 : 5);

export function isilCompact(text: string): Uint8Array {
  const bits: number[] = [];
  const put = (v: number, n: number) => {
    for (let k = n - 1; k >= 0; k--) bits.push((v >> k) & 1);
  };
  let page: Page = 'upper';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    let sym = symbolIn(page, c);
    if (sym === undefined) {
      const target = pageOf(c);
      const next = text[i + 1];
      const stay = next !== undefined && symbolIn(target, next) !== undefined;
      put((stay ? LATCH : SHIFT)[page][target]!, width(page));
      sym = symbolIn(target, c)!;
      put(sym, width(target));
      if (stay) page = target;
      continue;
    }
    put(sym, width(page));
  }
  while (bits.length % 8) bits.push(1);
  const out = new Uint8Array(bits.length / 8);
  bits.forEach((b, i) => {
    if (b) out[i >> 3]! |= 0x80 >> (i & 7);
  });
  return out;
}

const CHARS: Record<Page, (v: number) => string | undefined> = {
  upper: (v) => (v === 0 ? '-' : v <= 26 ? String.fromCharCode(64 + v) : v === 27 ? ':' : undefined),
  lower: (v) => (v === 0 ? '-' : v <= 26 ? String.fromCharCode(96 + v) : v === 27 ? '/' : undefined),
  digit: (v) => (v <= 9 ? String(v) : v === 10 ? '-' : v === 11 ? ':' : undefined),
};

export function isilExpand(bytes: Uint8Array, offset = 0): string {
  const total = bytes.length * 8;
  let pos = 0;
  const allOnesFrom = (p: number) => {
    for (let i = p; i < total; i++) if (!((bytes[i >> 3]! >> (7 - (i & 7))) & 1)) return false;
    return true;
  };
  const take = (n: number): number | undefined => {
    if (pos + n > total) return undefined;
    let v = 0;
    for (let k = 0; k < n; k++, pos++) v = (v << 1) | ((bytes[pos >> 3]! >> (7 - (pos & 7))) & 1);
    return v;
  };
  let page: Page = 'upper';
  let s = '';
  while (pos < total) {
    if (total - pos < 8 && allOnesFrom(pos)) break; // padding
    const v = take(width(page));
    if (v === undefined) break;
    const ch = CHARS[page](v);
    if (ch !== undefined) {
      s += ch;
      continue;
    }
    const latch: [Page, number] | undefined = (Object.entries(LATCH[page]) as [Page, number][]).find(
      ([, code]) => code === v,
    );
    const shift: [Page, number] | undefined = (Object.entries(SHIFT[page]) as [Page, number][]).find(
      ([, code]) => code === v,
    );
    const target: Page | undefined = latch?.[0] ?? shift?.[0];
    if (!target) throw new RfidError('BAD_COMPACTION', { field: 'isil', offset: offset + (pos >> 3) });
    if (latch) {
      page = target;
      continue;
    }
    if (total - pos < 8 && allOnesFrom(pos)) break;
    const w = take(width(target));
    const c2 = w === undefined ? undefined : CHARS[target](w);
    if (c2 === undefined)
      throw new RfidError('BAD_COMPACTION', { field: 'isil', offset: offset + (pos >> 3) });
    s += c2;
  }
  return s;
}
