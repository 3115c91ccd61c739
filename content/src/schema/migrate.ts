import { TourFormatError } from '../errors/TourFormatError';
import { formatVersion } from './manifest';

/** Upgrades a manifest of version `from` to `from + 1`; `migrate` then stamps the new version. */
export type Migration = (manifest: Record<string, unknown>) => Record<string, unknown>;

/**
 * The table of migrations, keyed by the version they upgrade FROM.
 * Version 1 is the first published format, so the table is empty; a v2 reader adds `1: (m) => …`.
 */
export const migrations: Readonly<Record<number, Migration>> = {};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Upgrades a raw manifest (parsed JSON, not yet validated) step by step to `target`.
 * Refuses a newer version than the reader knows, or an older one with no path.
 */
export function migrate(
  raw: unknown,
  table: Readonly<Record<number, Migration>> = migrations,
  target: number = formatVersion,
): unknown {
  if (!isRecord(raw)) {
    throw new TourFormatError('SCHEMA_INVALID', { pointer: '', issue: 'a manifest is a JSON object' });
  }
  const version = raw['formatVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new TourFormatError('SCHEMA_INVALID', {
      pointer: '/formatVersion',
      issue: 'formatVersion is a non-negative integer',
    });
  }
  if (version > target) {
    throw new TourFormatError('FORMAT_VERSION_UNSUPPORTED', {
      pointer: '/formatVersion',
      expected: target,
      actual: version,
    });
  }
  let current: Record<string, unknown> = raw;
  for (let v = version; v < target; v++) {
    const step = table[v];
    if (!step) {
      throw new TourFormatError('FORMAT_VERSION_UNSUPPORTED', {
        pointer: '/formatVersion',
        expected: target,
        actual: version,
        issue: `no migration from version ${v}`,
      });
    }
    current = { ...step(current), formatVersion: v + 1 };
  }
  return current;
}
