import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuiltFixture } from '../../test/packageFixture';
import { buildSampleFixture, cleanupTemp, tempDir } from '../../test/packageFixture';
import { exportZip, importZip } from './index';
import { refusal } from '../../test/fixtures';

/** Every path under `dir`, relative, sorted. */
async function tree(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).sort();
}

describe('importZip and exportZip', () => {
  let fx: BuiltFixture;
  beforeAll(async () => {
    fx = await buildSampleFixture();
  });
  afterAll(cleanupTemp);

  it('round-trips a package through a zip, verified on the way in', async () => {
    const zip = await exportZip(fx.pkgDir, { trustedKeys: [fx.publicKeyPem] });
    const parent = await tempDir();
    const pkg = await importZip(zip, join(parent, 'pkg'), { trustedKeys: [fx.publicKeyPem] });
    expect(pkg.manifest.id).toBe('sample');
    expect(await tree(join(parent, 'pkg'))).toEqual(await tree(fx.pkgDir));
    expect(await readFile(pkg.files[0]!.path)).toEqual(await readFile(join(fx.pkgDir, pkg.files[0]!.file)));
  });

  it('exports the same zip bytes twice (fixed timestamps)', async () => {
    expect(await exportZip(fx.pkgDir)).toEqual(await exportZip(fx.pkgDir));
  });

  it.each([
    ['../evil', 'ZIP_PATH_UNSAFE'],
    ['/etc/passwd', 'ZIP_PATH_UNSAFE'],
    ['C:\\x', 'ZIP_PATH_UNSAFE'],
  ])('refuses %j with %s and writes nothing anywhere', async (name, code) => {
    const parent = await tempDir();
    const zipPath = join(parent, 'in.zip');
    const manifest = await readFile(join(fx.pkgDir, 'manifest.json'));
    await writeFile(
      zipPath,
      zipSync({ 'manifest.json': manifest, [name]: new TextEncoder().encode('pwned') }),
    );
    const err = await refusal(importZip(zipPath, join(parent, 'out'), { trustedKeys: [fx.publicKeyPem] }));
    expect(err.code).toBe(code);
    expect(await tree(parent)).toEqual(['in.zip']);
  });

  it('refuses a zip whose package fails verification and leaves no folder behind', async () => {
    const zip = await exportZip(fx.pkgDir);
    const parent = await tempDir();
    const err = await refusal(importZip(zip, join(parent, 'out'), { trustedKeys: [] }));
    expect(err.code).toBe('KEY_UNKNOWN');
    expect(await tree(parent)).toEqual([]);
  });

  it('refuses a zip file larger than the package limit before reading it', async () => {
    const parent = await tempDir();
    const zipPath = join(parent, 'big.zip');
    await writeFile(zipPath, new Uint8Array(4096));
    const err = await refusal(
      importZip(zipPath, join(parent, 'out'), { trustedKeys: [], limits: { maxPackageBytes: 1000 } }),
    );
    expect(err.code).toBe('ZIP_TOO_LARGE');
  });
});
