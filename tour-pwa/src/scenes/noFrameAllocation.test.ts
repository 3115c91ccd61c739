/**
 * "No allocation in useFrame" (issue 7), checked on the source: the body of every `useFrame`
 * callback in the players must not construct objects, arrays, closures or copies. (A runtime
 * check is not possible: JavaScript has no allocation counter to read per frame.)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('.', import.meta.url));
const sources = readdirSync(dir).filter((f) => f.endsWith('.tsx') && !f.endsWith('.test.tsx'));

/** The text of each `useFrame(` call up to its matching parenthesis. */
function frameCallbacks(source: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (;;) {
    const start = source.indexOf('useFrame(', from);
    if (start < 0) return out;
    let depth = 0;
    let i = start + 'useFrame'.length;
    for (; i < source.length; i++) {
      if (source[i] === '(') depth++;
      else if (source[i] === ')' && --depth === 0) break;
    }
    out.push(source.slice(start, i + 1));
    from = i;
  }
}

const allocating: [RegExp, string][] = [
  [/\bnew\s+[A-Z]/, 'a constructor call'],
  [/\.clone\(\)/, 'a clone'],
  [/\.(map|filter|slice|concat|flatMap)\(/, 'an array copy'],
  [/\[\s*\.\.\./, 'an array spread'],
  [/\{\s*\.\.\./, 'an object spread'],
  [/=\s*\[/, 'an array literal'],
  [/`/, 'a template string'],
];

describe('useFrame callbacks allocate nothing', () => {
  it('finds the frame loops it checks', () => {
    const found = sources.flatMap((f) => frameCallbacks(readFileSync(join(dir, f), 'utf8')));
    expect(found.length).toBeGreaterThanOrEqual(3);
  });

  it.each(sources)('%s', (file) => {
    for (const body of frameCallbacks(readFileSync(join(dir, file), 'utf8'))) {
      // The callback itself is created once per render, not per frame: skip its own arrow.
      const inner = body.replace(/^useFrame\(\s*\([^)]*\)\s*=>\s*/, '');
      for (const [pattern, what] of allocating) expect(inner, `${file}: ${what}`).not.toMatch(pattern);
    }
  });
});
