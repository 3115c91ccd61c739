/** RFC 6901 JSON pointer from a path of keys. */
export function toPointer(path: readonly PropertyKey[]): string {
  return path.map((k) => '/' + String(k).replaceAll('~', '~0').replaceAll('/', '~1')).join('');
}
