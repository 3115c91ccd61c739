import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import * as prettier from 'prettier';

export interface Written {
  path: string;
  bytes: number;
  changed: boolean;
}

/** The folder of a tour source: `content/tours/<id>/`. */
export function tourDir(tourId: string): string {
  return join(import.meta.dirname, '..', '..', 'tours', tourId);
}

/**
 * Writes a generated file only when its bytes differ, so a re-run leaves git and file times alone.
 * Returns what happened, for the size report.
 */
export function writeGenerated(path: string, bytes: Uint8Array | string): Written {
  const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes);
  const same = existsSync(path) && readFileSync(path).equals(data);
  if (!same) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
  }
  return {
    path: relative(join(import.meta.dirname, '..', '..', '..'), path),
    bytes: data.length,
    changed: !same,
  };
}

/** JSON formatted by the repository's Prettier settings, so `prettier --check .` passes on generated files. */
export async function jsonText(value: unknown): Promise<string> {
  const options = (await prettier.resolveConfig(join(import.meta.dirname, 'output.ts'))) ?? {};
  return prettier.format(JSON.stringify(value), { ...options, parser: 'json' });
}
