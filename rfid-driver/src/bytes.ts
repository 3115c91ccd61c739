import { RfidError } from './errors';

/** Hex string (spaces, colons allowed) → bytes. */
export function fromHex(hex: string): Uint8Array {
  const clean = hex.replace(/[\s:]/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean)) {
    const bad = clean.search(/[^0-9a-fA-F]/);
    throw new RfidError('BAD_VALUE', { field: 'hex', offset: bad >= 0 ? bad : clean.length });
  }
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function toHex(bytes: Uint8Array, sep = ''): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(sep);
}

export function concat(...parts: (Uint8Array | number[])[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Reverse the byte order inside every `size`-byte block (FEIG and some tag vendors). */
export function reverseBlocks(bytes: Uint8Array, size = 4): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let b = 0; b < bytes.length; b += size) {
    const end = Math.min(b + size, bytes.length);
    for (let i = b; i < end; i++) out[i] = bytes[end - 1 - (i - b)]!;
  }
  return out;
}

/** Read a byte that the caller has bounds-checked (noUncheckedIndexedAccess helper). */
export function at(bytes: Uint8Array, i: number): number {
  const v = bytes[i];
  if (v === undefined) throw new RfidError('TRUNCATED', { offset: i });
  return v;
}
