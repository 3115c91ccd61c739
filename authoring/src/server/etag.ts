import { createHash } from 'node:crypto';

/** A strong ETag from the bytes of a file: equal bytes, equal tag, whoever wrote them. */
export function etagOf(bytes: Uint8Array | string): string {
  return `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
}

/** True if an If-Match header value names `etag` (a list, `*`, or weak forms are accepted). */
export function ifMatchAccepts(header: string, etag: string): boolean {
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === '*' || t === etag);
}
