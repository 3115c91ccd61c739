import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { TourFormatError } from '../errors/TourFormatError';

/** A fresh sibling folder `<outDir>.tmp-<rand>` to build into. */
export async function makeStagingDir(outDir: string): Promise<string> {
  const out = resolve(outDir);
  await mkdir(dirname(out), { recursive: true });
  const dir = `${out}.tmp-${randomBytes(6).toString('hex')}`;
  await mkdir(dir);
  return dir;
}

async function isReplaceable(dir: string): Promise<boolean> {
  const entries = await readdir(dir);
  return entries.length === 0 || entries.includes('manifest.json');
}

/**
 * Puts the finished `staging` folder at `outDir` by renames only, so a reader sees the old package
 * or the new one, never half of one. An existing `outDir` is replaced only if it is empty or a package.
 */
export async function commitStagingDir(staging: string, outDir: string): Promise<void> {
  const out = resolve(outDir);
  const existing = await stat(out).catch(() => undefined);
  if (!existing) {
    await rename(staging, out);
    return;
  }
  if (!existing.isDirectory() || !(await isReplaceable(out))) {
    throw new TourFormatError('OUTPUT_EXISTS', { file: out });
  }
  const old = `${out}.old-${randomBytes(6).toString('hex')}`;
  await rename(out, old);
  try {
    await rename(staging, out);
  } catch (err) {
    await rename(old, out);
    throw err;
  }
  await rm(old, { recursive: true, force: true });
}

/** Runs `fill(staging)` and commits it; on any failure the staging folder is removed. */
export async function writeAtomically<T>(outDir: string, fill: (staging: string) => Promise<T>): Promise<T> {
  const staging = await makeStagingDir(outDir);
  try {
    const result = await fill(staging);
    await commitStagingDir(staging, outDir);
    return result;
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    throw err;
  }
}
