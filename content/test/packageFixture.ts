/**
 * Node-side fixtures: a copy of the sample tour with a narration track added (so a package holds
 * images, audio and captions), built into a temporary package with a key made for the test.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportPublicKeyPem, generateSigningKeyPair } from '../src/index';
import { readSource, writePackage } from '../src/node/index';

export const sampleTourDir = join(import.meta.dirname, '..', 'tours', 'sample');
export const FIXED_NOW = new Date('2026-11-26T00:00:00Z');

const made: string[] = [];

export async function tempDir(prefix = 'tour-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every temporary folder the fixtures made. */
export async function cleanupTemp(): Promise<void> {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

/** A writable copy of a folder under a fresh temporary root. */
export async function copyDir(from: string): Promise<string> {
  const to = join(await tempDir('tour-copy-'), 'copy');
  await cp(from, to, { recursive: true });
  return to;
}

/** The sample tour plus a French narration track (fake Opus bytes, real WebVTT) on the first stop. */
export async function richSampleTour(): Promise<string> {
  const dir = await copyDir(sampleTourDir);
  await writeFile(join(dir, 'media', 'belfry-fr.opus'), 'OggS fake opus bytes for tests');
  await writeFile(
    join(dir, 'media', 'belfry-fr.vtt'),
    'WEBVTT\n\n00:00.000 --> 00:02.000\nLevez la tête !\n',
  );
  const tour = JSON.parse(await readFile(join(dir, 'tour.json'), 'utf8')) as { assets: object[] };
  tour.assets.push(
    { id: 'media/belfry-fr.opus', mediaType: 'audio/ogg; codecs=opus', credit: 'Test', licence: 'CC0-1.0' },
    { id: 'media/belfry-fr.vtt', mediaType: 'text/vtt', credit: 'Test', licence: 'CC0-1.0' },
  );
  await writeFile(join(dir, 'tour.json'), JSON.stringify(tour, null, 2));
  const stopFile = join(dir, 'stops', 'belfry.json');
  const stop = JSON.parse(await readFile(stopFile, 'utf8')) as {
    scenarios: { family: { tracks?: object }[] };
  };
  stop.scenarios.family[0]!.tracks = {
    fr: { audio: 'media/belfry-fr.opus', captions: 'media/belfry-fr.vtt', durationS: 2 },
  };
  await writeFile(stopFile, JSON.stringify(stop, null, 2));
  return dir;
}

export interface BuiltFixture {
  tourDir: string;
  pkgDir: string;
  privateKey: CryptoKey;
  publicKeyPem: string;
}

export async function buildSampleFixture(): Promise<BuiltFixture> {
  const tourDir = await richSampleTour();
  const pair = await generateSigningKeyPair();
  const pkgDir = join(await tempDir(), 'pkg');
  await writePackage(await readSource(tourDir), tourDir, pkgDir, {
    privateKey: pair.privateKey,
    now: FIXED_NOW,
  });
  return {
    tourDir,
    pkgDir,
    privateKey: pair.privateKey,
    publicKeyPem: await exportPublicKeyPem(pair.publicKey),
  };
}
