/**
 * `npm run bench -w content`: how long the format's heavy paths take on this machine, printed,
 * never asserted. A synthetic tour of 12 stops and 120 assets (60 MiB) is generated in a temp folder.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SourceManifest } from '../src/index';
import { generateSigningKeyPair, parseAndVerifyManifest, readPackageZip } from '../src/index';
import { exportZip, importZip, readPackage, readSource, writePackage } from '../src/node/index';

const STOPS = 12;
const ASSETS_PER_STOP = 10;
const ASSET_BYTES = 512 * 1024;

async function time<T>(label: string, fn: () => Promise<T>, bytes?: number): Promise<T> {
  const t0 = performance.now();
  const result = await fn();
  const ms = performance.now() - t0;
  const rate = bytes ? `  (${(bytes / 1024 / 1024 / (ms / 1000)).toFixed(0)} MiB/s)` : '';
  console.log(`${label.padEnd(46)} ${ms.toFixed(1).padStart(9)} ms${rate}`);
  return result;
}

async function syntheticTour(dir: string): Promise<void> {
  const text = (s: string) => ({ fr: s, en: s, nl: s });
  await mkdir(join(dir, 'stops'), { recursive: true });
  await mkdir(join(dir, 'media'), { recursive: true });
  const assets: SourceManifest['assets'] = [];
  const stopIds: string[] = [];
  for (let s = 0; s < STOPS; s++) {
    const id = `stop-${s}`;
    stopIds.push(id);
    const blocks = [];
    for (let a = 0; a < ASSETS_PER_STOP; a++) {
      const file = `media/${id}-${a}.webp`;
      await writeFile(join(dir, file), randomBytes(ASSET_BYTES));
      assets.push({ id: file, mediaType: 'image/webp', credit: 'bench', licence: 'CC0-1.0' });
      blocks.push({ type: 'image', image: file, alt: text(`image ${a}`) });
    }
    const stop = {
      id,
      title: text(`Stop ${s}`),
      position: [2.37 + s * 0.001, 51.03],
      trigger: { radiusM: 40, dwellS: 5, minAccuracyM: 30 },
      positionSource: 'synthetic',
      common: blocks,
      scenarios: { main: [{ type: 'text', markdown: text('Texte. '.repeat(200)) }] },
    };
    await writeFile(join(dir, 'stops', `${id}.json`), JSON.stringify(stop));
  }
  const tour = {
    formatVersion: 1,
    id: 'bench-tour',
    version: '1.0.0',
    locales: ['fr', 'en', 'nl'],
    title: text('Bench'),
    description: text('Bench'),
    durationMin: 60,
    distanceM: 3000,
    characters: [{ id: 'c', name: 'C', role: text('r'), description: text('d') }],
    scenarios: [{ id: 'main', audience: 'adult', character: 'c', title: text('t'), description: text('d') }],
    stops: stopIds,
    route: 'route.geojson',
    map: { bounds: [2.3, 51.0, 2.4, 51.1] },
    assets,
  };
  await writeFile(join(dir, 'tour.json'), JSON.stringify(tour));
  await writeFile(
    join(dir, 'route.geojson'),
    JSON.stringify({
      type: 'LineString',
      coordinates: [
        [2.37, 51.03],
        [2.382, 51.03],
      ],
    }),
  );
}

const root = await mkdtemp(join(tmpdir(), 'content-bench-'));
try {
  const total = STOPS * ASSETS_PER_STOP * ASSET_BYTES;
  console.log(
    `synthetic tour: ${STOPS} stops, ${STOPS * ASSETS_PER_STOP} assets, ${(total / 1024 / 1024).toFixed(0)} MiB`,
  );
  const tourDir = join(root, 'tour');
  await syntheticTour(tourDir);
  const pair = await generateSigningKeyPair();
  const source = await time('readSource', () => readSource(tourDir));
  const pkgDir = join(root, 'pkg');
  const written = await time(
    'writePackage (hash, copy, sign)',
    () => writePackage(source, tourDir, pkgDir, { privateKey: pair.privateKey }),
    total,
  );
  console.log(`manifest.json: ${written.manifestBytes.byteLength} bytes`);
  const manifestBytes = await readFile(join(pkgDir, 'manifest.json'));
  const sigBytes = await readFile(join(pkgDir, 'manifest.sig'));
  await time('parseAndVerifyManifest (signature + schema)', () =>
    parseAndVerifyManifest(manifestBytes, sigBytes, [pair.publicKey]),
  );
  await time(
    'readPackage (verify every asset)',
    () => readPackage(pkgDir, { trustedKeys: [pair.publicKey] }),
    total,
  );
  const zip = await time('exportZip', () => exportZip(pkgDir), total);
  await time('readPackageZip (in memory, all checks)', async () => readPackageZip(zip), total);
  await time(
    'importZip (unpack + verify + rename)',
    () => importZip(zip, join(root, 'imported'), { trustedKeys: [pair.publicKey] }),
    total,
  );
} finally {
  await rm(root, { recursive: true, force: true });
}
