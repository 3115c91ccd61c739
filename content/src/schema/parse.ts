import type { z } from 'zod';
import { TourFormatError } from '../errors/TourFormatError';
import { crossCheckManifest } from './crossChecks';
import type { Manifest, SourceManifest } from './manifest';
import { manifestSchema, sourceManifestSchema } from './manifest';
import { migrate } from './migrate';
import { toPointer } from './pointer';

/** Turns a zod failure into SCHEMA_INVALID, pointing at the first issue and listing the rest. */
export function schemaError(error: z.ZodError, file?: string): TourFormatError {
  const issues = error.issues.slice(0, 20).map((i) => ({ pointer: toPointer(i.path), issue: i.message }));
  const first = issues[0] ?? { pointer: '', issue: 'invalid' };
  return new TourFormatError('SCHEMA_INVALID', {
    ...(file !== undefined && { file }),
    pointer: first.pointer,
    issue: first.issue,
    issues,
  });
}

/** Validates with `schema`, throwing SCHEMA_INVALID with the file and pointer at fault. */
export function parseWith<T extends z.ZodType>(schema: T, raw: unknown, file?: string): z.infer<T> {
  const result = schema.safeParse(raw);
  if (!result.success) throw schemaError(result.error, file);
  return result.data;
}

function throwFirst(errors: TourFormatError[], file?: string): void {
  const first = errors[0];
  if (first) throw file === undefined ? first : first.withDetails({ file });
}

/**
 * Raw JSON (already parsed) → a package Manifest: migrate, validate, cross-check.
 * Every refusal is a TourFormatError.
 */
export function parseManifest(raw: unknown, file = 'manifest.json'): Manifest {
  let migrated: unknown;
  try {
    migrated = migrate(raw);
  } catch (err) {
    throw err instanceof TourFormatError ? err.withDetails({ file }) : err;
  }
  const manifest = parseWith(manifestSchema, migrated, file);
  throwFirst(crossCheckManifest(manifest), file);
  return manifest;
}

/** Same as `parseManifest` for the source form with stops and route inlined. */
export function parseSourceManifest(raw: unknown, file = 'tour.json'): SourceManifest {
  const migrated = migrate(raw);
  const manifest = parseWith(sourceManifestSchema, migrated, file);
  throwFirst(crossCheckManifest(manifest), file);
  return manifest;
}

/** UTF-8 bytes → JSON value, or JSON_INVALID naming the file. */
export function decodeJson(bytes: Uint8Array, file: string): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new TourFormatError('JSON_INVALID', { file, issue: 'not UTF-8' }, { cause });
  }
  return parseJsonText(text, file);
}

/** JSON text → JSON value, or JSON_INVALID naming the file and the parser's complaint. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new TourFormatError('JSON_INVALID', { file, issue: (cause as Error).message }, { cause });
  }
}
