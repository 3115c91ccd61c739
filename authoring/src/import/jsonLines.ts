/**
 * The 1-based line on which each value of a JSON text starts, by JSON pointer, so an importer can
 * report "file:line" for an entry of a JSON or JSON-LD file. The text must already have passed
 * `JSON.parse`; this only walks it (RFC 8259 grammar), it does not build values.
 */
export function jsonLines(text: string, maxDepth = 3): Map<string, number> {
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;
  const space = (): void => {
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '\n') line++;
      else if (c !== ' ' && c !== '\t' && c !== '\r') return;
    }
  };
  const string = (): string => {
    const start = ++i;
    for (; text[i] !== '"'; i++) if (text[i] === '\\') i++;
    return JSON.parse(text.slice(start - 1, ++i)) as string;
  };
  const value = (pointer: string, depth: number): void => {
    space();
    if (depth <= maxDepth) lines.set(pointer, line);
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      space();
      for (let n = 0; text[i] !== close; n++) {
        let key = String(n);
        if (c === '{') {
          key = string();
          space();
          i++; // ':'
        }
        value(`${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, depth + 1);
        space();
        if (text[i] === ',') i++;
        space();
      }
      i++;
    } else if (c === '"') {
      string();
    } else {
      while (i < text.length && !/[,\]}\s]/.test(text[i] as string)) i++;
    }
  };
  value('', 0);
  return lines;
}
