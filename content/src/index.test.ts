import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as content from './index';

/** Every module the browser entry reaches through relative imports, with the bare imports of each. */
function importGraph(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    const text = readFileSync(file, 'utf8');
    const specifiers = [...text.matchAll(/^\s*(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1]!);
    seen.set(
      file,
      specifiers.filter((s) => !s.startsWith('.')),
    );
    for (const s of specifiers.filter((x) => x.startsWith('.'))) {
      const base = resolve(dirname(file), s);
      visit(existsSync(`${base}.ts`) ? `${base}.ts` : join(base, 'index.ts'));
    }
  };
  visit(entry);
  return seen;
}

describe('@dunkirk/content (the browser entry)', () => {
  it('reaches no Node built-in, so the tour PWA can bundle it', () => {
    const graph = importGraph(join(import.meta.dirname, 'index.ts'));
    expect(graph.size).toBeGreaterThan(10);
    const bare = [...new Set([...graph.values()].flat())].sort();
    expect(bare).toEqual(['fflate', 'markdown-it', 'zod']);
  });

  it('exports what the PWA and authoring rely on', () => {
    for (const name of [
      'parseAndVerifyManifest',
      'verifyAsset',
      'assetPath',
      'renderMarkdown',
      'catalogueSchema',
      'catalogueEntry',
      'TourFormatError',
      'manifestJsonSchema',
      'migrate',
      'missingTranslations',
      'signManifest',
      'verifyManifestSignature',
      'decodeLayers',
      'layersDocumentSchema',
      'nextDepartures',
      'catalogueSearchUrl',
    ]) {
      expect(content).toHaveProperty(name);
    }
  });
});
