import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportPrivateKeyPem, exportPublicKeyPem, generateSigningKeyPair } from '@dunkirk/content';

export const repoRoot = join(import.meta.dirname, '..', '..');
export const sampleTourDir = join(repoRoot, 'content', 'tours', 'sample');

const made: string[] = [];

export async function tempDir(prefix = 'authoring-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export async function cleanupTemp(): Promise<void> {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

/** A key pair written as PEM files, passed to the CLI through its environment (never the repo's dev key). */
export async function testKeys(): Promise<{
  privateFile: string;
  publicFile: string;
  privateKey: CryptoKey;
}> {
  const dir = await tempDir('authoring-keys-');
  const pair = await generateSigningKeyPair();
  const privateFile = join(dir, 'private.pem');
  const publicFile = join(dir, 'public.pem');
  await writeFile(privateFile, await exportPrivateKeyPem(pair.privateKey), { mode: 0o600 });
  await writeFile(publicFile, await exportPublicKeyPem(pair.publicKey));
  return { privateFile, publicFile, privateKey: pair.privateKey };
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npx tour …` from the repository root, as a curator types it. */
export function tour(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(
      'npx',
      ['--no-install', 'tour', ...args],
      { cwd: repoRoot, env: { ...process.env, ...env }, timeout: 60_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}
