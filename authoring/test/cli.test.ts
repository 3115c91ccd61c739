import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTemp, sampleTourDir, tempDir, testKeys, tour } from './helpers';

describe('the tour CLI, spawned as `npx tour` from the repository root', () => {
  let env: NodeJS.ProcessEnv;
  let pkgDir: string;
  let asset: string;

  beforeAll(async () => {
    const keys = await testKeys();
    env = { TOUR_SIGNING_KEY_FILE: keys.privateFile, TOUR_TRUSTED_KEYS_FILE: keys.publicFile };
    pkgDir = join(await tempDir(), 'pkg');
    const built = await tour(['build', 'content/tours/sample', '--out', pkgDir, '--no-prepare'], env);
    expect(built.stderr).toContain('assets 1/1');
    expect(built.code).toBe(0);
    asset = (await readdir(join(pkgDir, 'assets')))[0]!;
  }, 120_000);
  afterAll(cleanupTemp);

  it('verifies the package it built (exit 0)', async () => {
    const run = await tour(['verify', pkgDir], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('verified: sample 1.0.0');
  }, 60_000);

  it('refuses a package with one flipped byte (exit 1, the file named)', async () => {
    const dir = join(await tempDir(), 'pkg');
    await cp(pkgDir, dir, { recursive: true });
    const file = join(dir, 'assets', asset);
    const bytes = await readFile(file);
    bytes[7]! ^= 0x20;
    await writeFile(file, bytes);
    const run = await tour(['verify', dir], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`ASSET_HASH_MISMATCH assets/${asset}`);
  }, 60_000);

  it('zips, verifies the zip and imports it', async () => {
    const dir = await tempDir();
    const zip = join(dir, 'sample.zip');
    expect((await tour(['zip', pkgDir, '--out', zip], env)).code).toBe(0);
    expect((await tour(['verify', zip], env)).code).toBe(0);
    const imported = await tour(['import', zip, '--out', join(dir, 'imported')], env);
    expect(imported.code).toBe(0);
    expect(await readdir(join(dir, 'imported'))).toEqual(['assets', 'manifest.json', 'manifest.sig']);
  }, 60_000);

  it('validates the sample source (exit 0) and names the file of a broken one (exit 1)', async () => {
    expect((await tour(['validate', sampleTourDir], env)).code).toBe(0);
    const broken = await tempDir();
    await writeFile(join(broken, 'tour.json'), '{"formatVersion": 1, "id": ');
    const run = await tour(['validate', broken], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^JSON_INVALID tour\.json: /m);
  }, 60_000);

  it('exits 2 with the usage text on bad usage', async () => {
    const cases = [[], ['explode'], ['build', 'content/tours/sample'], ['verify', '--colour', 'x']];
    const runs = await Promise.all(cases.map((args) => tour(args, env)));
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('Usage: tour <command>');
    }
  }, 60_000);
});
