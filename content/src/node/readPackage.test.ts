import { appendFile, readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuiltFixture } from '../../test/packageFixture';
import { buildSampleFixture, cleanupTemp, copyDir } from '../../test/packageFixture';
import { exportPublicKeyPem, generateSigningKeyPair } from '../index';
import { readPackage, verifyPackage } from './index';
import { refusal } from '../../test/fixtures';

describe('readPackage: a package is verified whole or refused', () => {
  let fx: BuiltFixture;
  let trustedKeys: string[];
  let assetFiles: string[];

  beforeAll(async () => {
    fx = await buildSampleFixture();
    trustedKeys = [fx.publicKeyPem];
    assetFiles = (await readdir(join(fx.pkgDir, 'assets'))).map((f) => `assets/${f}`);
  });
  afterAll(cleanupTemp);

  it('verifies the sample tour as built', async () => {
    const pkg = await readPackage(fx.pkgDir, { trustedKeys });
    expect(pkg.manifest.id).toBe('sample');
    expect(pkg.files.map((f) => f.file).sort()).toEqual(assetFiles.sort());
    expect(await verifyPackage(fx.pkgDir, { trustedKeys })).toMatchObject({ id: 'sample', assetCount: 3 });
  });

  it('refuses a flipped byte in each asset with ASSET_HASH_MISMATCH naming that file', async () => {
    expect(assetFiles.map((f) => f.slice(f.lastIndexOf('.')))).toEqual(
      expect.arrayContaining(['.webp', '.opus', '.vtt']),
    );
    for (const file of assetFiles) {
      const dir = await copyDir(fx.pkgDir);
      const bytes = await readFile(join(dir, file));
      bytes[bytes.length >> 1]! ^= 0x01;
      await writeFile(join(dir, file), bytes);
      const err = await refusal(readPackage(dir, { trustedKeys }));
      expect(err.code).toBe('ASSET_HASH_MISMATCH');
      expect(err.details.file).toBe(file);
    }
  });

  it('refuses a truncated asset with ASSET_SIZE_MISMATCH', async () => {
    const dir = await copyDir(fx.pkgDir);
    const file = assetFiles[0]!;
    await truncate(join(dir, file), 10);
    const err = await refusal(readPackage(dir, { trustedKeys }));
    expect(err.code).toBe('ASSET_SIZE_MISMATCH');
    expect(err.details).toMatchObject({ file, actual: 10 });
  });

  it('refuses a missing asset with ASSET_MISSING', async () => {
    const dir = await copyDir(fx.pkgDir);
    await rm(join(dir, assetFiles[0]!));
    const err = await refusal(readPackage(dir, { trustedKeys }));
    expect(err.code).toBe('ASSET_MISSING');
    expect(err.details.file).toBe(assetFiles[0]);
  });

  it.each(['assets/extra.webp', 'index.html'])(
    'refuses an extra file %s with ASSET_UNEXPECTED',
    async (extra) => {
      const dir = await copyDir(fx.pkgDir);
      await writeFile(join(dir, extra), 'surprise');
      const err = await refusal(readPackage(dir, { trustedKeys }));
      expect(err.code).toBe('ASSET_UNEXPECTED');
      expect(err.details.file).toBe(extra);
    },
  );

  it('refuses an assets entry that is a file, not a folder', async () => {
    const dir = await copyDir(fx.pkgDir);
    await rm(join(dir, 'assets'), { recursive: true });
    await writeFile(join(dir, 'assets'), 'not a folder');
    const err = await refusal(readPackage(dir, { trustedKeys }));
    expect(err.code).toBe('ASSET_UNEXPECTED');
    expect(err.details.file).toBe('assets');
  });

  it('refuses a changed manifest.json with SIGNATURE_INVALID', async () => {
    const dir = await copyDir(fx.pkgDir);
    await appendFile(join(dir, 'manifest.json'), ' ');
    expect((await refusal(readPackage(dir, { trustedKeys }))).code).toBe('SIGNATURE_INVALID');
  });

  it('refuses a package without manifest.sig with SIGNATURE_MISSING', async () => {
    const dir = await copyDir(fx.pkgDir);
    await rm(join(dir, 'manifest.sig'));
    expect((await refusal(readPackage(dir, { trustedKeys }))).code).toBe('SIGNATURE_MISSING');
  });

  it('refuses a package signed by an untrusted key with KEY_UNKNOWN', async () => {
    const stranger = await exportPublicKeyPem((await generateSigningKeyPair()).publicKey);
    expect((await refusal(readPackage(fx.pkgDir, { trustedKeys: [stranger] }))).code).toBe('KEY_UNKNOWN');
  });

  it('refuses an asset over the size limit with ASSET_TOO_LARGE, before hashing it', async () => {
    const err = await refusal(readPackage(fx.pkgDir, { trustedKeys, limits: { maxAssetBytes: 100 } }));
    expect(err.code).toBe('ASSET_TOO_LARGE');
  });

  it('refuses a package over the total limit with PACKAGE_TOO_LARGE', async () => {
    const err = await refusal(readPackage(fx.pkgDir, { trustedKeys, limits: { maxPackageBytes: 2000 } }));
    expect(err.code).toBe('PACKAGE_TOO_LARGE');
  });
});
