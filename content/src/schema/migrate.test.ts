import { describe, expect, it } from 'vitest';
import { fixtureManifest, looseCopy } from '../../test/fixtures';
import type { Migration } from '../index';
import { TourFormatError, formatVersion, manifestSchema, migrate } from '../index';

describe('formatVersion and migrations', () => {
  it('reads version 1 as it is', async () => {
    const { manifest } = await fixtureManifest();
    expect(formatVersion).toBe(1);
    expect(migrate(looseCopy(manifest))).toEqual(manifest);
  });

  it('upgrades an older manifest step by step through the table (a fake v0 → v1 proves the hook)', async () => {
    const { manifest } = await fixtureManifest();
    // Pretend v0 called the title "name" and had no locales list.
    const { title, locales: _locales, ...rest } = looseCopy(manifest);
    const v0 = { ...rest, formatVersion: 0, name: title };
    const table: Record<number, Migration> = {
      0: ({ name, ...m }) => ({ ...m, title: name, locales: ['fr', 'en', 'nl'] }),
    };
    const upgraded = migrate(v0, table);
    expect(manifestSchema.parse(upgraded)).toEqual(manifest);
  });

  it('refuses a version newer than the reader with FORMAT_VERSION_UNSUPPORTED', async () => {
    const { manifest } = await fixtureManifest();
    const err = catchError(() => migrate({ ...looseCopy(manifest), formatVersion: 2 }));
    expect(err.code).toBe('FORMAT_VERSION_UNSUPPORTED');
    expect(err.details).toMatchObject({ pointer: '/formatVersion', expected: 1, actual: 2 });
  });

  it('refuses an older version with no migration path', () => {
    expect(catchError(() => migrate({ formatVersion: 0 })).code).toBe('FORMAT_VERSION_UNSUPPORTED');
  });

  it.each([[null], [[]], ['text'], [{ formatVersion: '1' }], [{ formatVersion: 1.5 }], [{}]])(
    'refuses %j as SCHEMA_INVALID',
    (raw) => {
      expect(catchError(() => migrate(raw)).code).toBe('SCHEMA_INVALID');
    },
  );
});

function catchError(fn: () => unknown): TourFormatError {
  try {
    fn();
  } catch (err) {
    if (err instanceof TourFormatError) return err;
    throw err;
  }
  throw new Error('expected a TourFormatError');
}
