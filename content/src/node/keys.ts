import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { TourFormatError } from '../errors/TourFormatError';
import {
  exportPrivateKeyPem,
  exportPublicKeyPem,
  generateSigningKeyPair,
  importPrivateKeyPem,
  importPublicKeyPem,
  publicKeyId,
  publicKeyOf,
  splitPublicKeyPems,
} from '../integrity/signing';

export const DEV_KEY_DIR = '.keys';
export const DEV_PRIVATE_KEY_FILE = 'tour-signing-dev.private.pem';
export const DEV_PUBLIC_KEY_FILE = 'tour-signing-dev.public.pem';

export interface SigningKeys {
  privateKey: CryptoKey;
  publicKeyPem: string;
  keyId: string;
}

/** The repository root: the nearest folder upwards whose package.json declares workspaces. */
export function findRepoRoot(from: string = process.cwd()): string {
  let dir = resolve(from);
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && /"workspaces"\s*:/.test(readFileSync(pkg, 'utf8'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(from);
    dir = parent;
  }
}

/**
 * The development signing pair in `<repo>/.keys/` (gitignored), created on first use with the folder
 * at 0700 and the private key at 0600. Never use it to publish: pass `--key` or TOUR_SIGNING_KEY_FILE.
 */
export async function loadOrCreateDevKeys(
  repoRoot: string,
): Promise<SigningKeys & { privateKeyPem: string }> {
  const dir = join(repoRoot, DEV_KEY_DIR);
  const privPath = join(dir, DEV_PRIVATE_KEY_FILE);
  const pubPath = join(dir, DEV_PUBLIC_KEY_FILE);
  if (!existsSync(privPath)) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await chmod(dir, 0o700);
    const pair = await generateSigningKeyPair();
    const privateKeyPem = await exportPrivateKeyPem(pair.privateKey);
    try {
      await writeFile(privPath, privateKeyPem, { mode: 0o600, flag: 'wx' });
      await writeFile(pubPath, await exportPublicKeyPem(pair.publicKey), { mode: 0o644 });
    } catch (err) {
      // Another process created it first: use theirs.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const privateKeyPem = await readFile(privPath, 'utf8');
  const keys = await signingKeysFromPem(privateKeyPem);
  if (!existsSync(pubPath)) await writeFile(pubPath, keys.publicKeyPem, { mode: 0o644 });
  return { ...keys, privateKeyPem };
}

async function signingKeysFromPem(pem: string): Promise<SigningKeys> {
  const privateKey = await importPrivateKeyPem(pem);
  const publicKey = await publicKeyOf(privateKey);
  return {
    privateKey,
    publicKeyPem: await exportPublicKeyPem(publicKey),
    keyId: await publicKeyId(publicKey),
  };
}

async function readKeyFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    throw new TourFormatError('KEY_INVALID', { file: path, issue: 'cannot read the key file' }, { cause });
  }
}

/** The signing key: `--key <pem>`, else env TOUR_SIGNING_KEY_FILE, else the dev key of the repo. */
export async function resolveSigningKey(opts: {
  keyFile?: string;
  env?: NodeJS.ProcessEnv;
  repoRoot: string;
}): Promise<SigningKeys & { origin: 'option' | 'env' | 'dev' }> {
  const env = opts.env ?? process.env;
  const file = opts.keyFile ?? env['TOUR_SIGNING_KEY_FILE'];
  if (file) {
    const keys = await signingKeysFromPem(await readKeyFile(file)).catch((err: unknown) => {
      throw err instanceof TourFormatError ? err.withDetails({ file }) : err;
    });
    return { ...keys, origin: opts.keyFile ? 'option' : 'env' };
  }
  return { ...(await loadOrCreateDevKeys(opts.repoRoot)), origin: 'dev' };
}

/** Trusted public keys (PEM): `--pubkey` files, else env TOUR_TRUSTED_KEYS_FILE, else the dev public key. */
export async function resolveTrustedKeys(opts: {
  pubkeyFiles?: readonly string[];
  env?: NodeJS.ProcessEnv;
  repoRoot: string;
}): Promise<string[]> {
  const env = opts.env ?? process.env;
  const files = opts.pubkeyFiles?.length
    ? opts.pubkeyFiles
    : env['TOUR_TRUSTED_KEYS_FILE']
      ? [env['TOUR_TRUSTED_KEYS_FILE']]
      : [];
  if (files.length === 0) return [(await loadOrCreateDevKeys(opts.repoRoot)).publicKeyPem];
  const pems: string[] = [];
  for (const file of files) {
    const found = splitPublicKeyPems(await readKeyFile(file));
    if (found.length === 0) throw new TourFormatError('KEY_INVALID', { file, issue: 'no PUBLIC KEY block' });
    for (const pem of found) {
      await importPublicKeyPem(pem).catch((err: unknown) => {
        throw err instanceof TourFormatError ? err.withDetails({ file }) : err;
      });
      pems.push(pem);
    }
  }
  return pems;
}
