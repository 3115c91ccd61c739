import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTemp, tempDir } from '../../test/packageFixture';
import type { TourFormatError } from '../index';
import { exportPrivateKeyPem, exportPublicKeyPem, generateSigningKeyPair, publicKeyId } from '../index';
import { loadOrCreateDevKeys, resolveSigningKey, resolveTrustedKeys } from './index';

describe('signing keys on disk', () => {
  afterAll(cleanupTemp);

  it('creates the dev pair once, in a 0700 folder with a 0600 private key, and reuses it', async () => {
    const repo = await tempDir();
    const first = await loadOrCreateDevKeys(repo);
    expect((await stat(join(repo, '.keys'))).mode & 0o777).toBe(0o700);
    expect((await stat(join(repo, '.keys', 'tour-signing-dev.private.pem'))).mode & 0o777).toBe(0o600);
    const second = await loadOrCreateDevKeys(repo);
    expect(second.keyId).toBe(first.keyId);
    expect(second.publicKeyPem).toBe(first.publicKeyPem);
  });

  it('prefers --key, then TOUR_SIGNING_KEY_FILE, then the dev key', async () => {
    const repo = await tempDir();
    const pair = await generateSigningKeyPair();
    const file = join(repo, 'prod.pem');
    await writeFile(file, await exportPrivateKeyPem(pair.privateKey));
    const fromEnv = await resolveSigningKey({ env: { TOUR_SIGNING_KEY_FILE: file }, repoRoot: repo });
    expect(fromEnv).toMatchObject({ origin: 'env', keyId: await publicKeyId(pair.publicKey) });
    const fromOption = await resolveSigningKey({ keyFile: file, env: {}, repoRoot: repo });
    expect(fromOption.origin).toBe('option');
    expect((await resolveSigningKey({ env: {}, repoRoot: repo })).origin).toBe('dev');
  });

  it('reads several trusted public keys from one file, or falls back to the dev public key', async () => {
    const repo = await tempDir();
    const a = await exportPublicKeyPem((await generateSigningKeyPair()).publicKey);
    const b = await exportPublicKeyPem((await generateSigningKeyPair()).publicKey);
    const file = join(repo, 'trusted.pem');
    await writeFile(file, a + b);
    expect(await resolveTrustedKeys({ env: { TOUR_TRUSTED_KEYS_FILE: file }, repoRoot: repo })).toEqual([
      a,
      b,
    ]);
    const dev = await loadOrCreateDevKeys(repo);
    expect(await resolveTrustedKeys({ env: {}, repoRoot: repo })).toEqual([dev.publicKeyPem]);
  });

  it('refuses a key file that is missing or holds no key (KEY_INVALID)', async () => {
    const repo = await tempDir();
    await writeFile(join(repo, 'empty.pem'), 'nothing here');
    const codes = await Promise.all([
      resolveSigningKey({ keyFile: join(repo, 'absent.pem'), env: {}, repoRoot: repo }).catch(
        (e: TourFormatError) => e.code,
      ),
      resolveTrustedKeys({ pubkeyFiles: [join(repo, 'empty.pem')], env: {}, repoRoot: repo }).catch(
        (e: TourFormatError) => e.code,
      ),
    ]);
    expect(codes).toEqual(['KEY_INVALID', 'KEY_INVALID']);
  });
});
