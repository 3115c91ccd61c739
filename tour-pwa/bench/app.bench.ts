/**
 * The app's figures (prints them; asserts nothing). Run: `npm run bench -w tour-pwa`.
 * - JS bytes (gzip) of the first route, total precache size        (production build)
 * - Lighthouse 12.2.3 performance / accessibility / best practices  (mobile emulation, local preview)
 * - geofence entry → narration `playing`, tour offline              (headless Chromium)
 * The geo core's per-fix figures come from bench/geo.bench.ts, run after this one.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { walkFixes } from '../src/geo';
import { buildFixtures, FIXTURE_ID } from '../test/support/buildFixtures';
import { buildApp, CHROMIUM, haveChromium, launchBrowser, startPreview } from '../test/support/harness';
import { CHROMIUM_QUIET_ARGS } from '../../test/support/chromium';

const run = promisify(execFile);
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
const work = mkdtempSync(join(tmpdir(), 'tour-pwa-bench-'));
const dist = join(work, 'dist');

console.log('tour-pwa bench');
const [fx] = await Promise.all([buildFixtures(join(work, 'tours')), buildApp(dist)]);

// 1. First-route JS: the entry script and everything it imports statically (lazy chunks excluded).
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const firstRoute = new Set<string>();
const visit = (file: string): void => {
  if (firstRoute.has(file)) return;
  firstRoute.add(file);
  const code = readFileSync(join(dist, file), 'utf8');
  for (const m of code.matchAll(/(?:import|export)\s*(?:[^'"`;()]*?from\s*)?["'`]\.\/([^"'`]+\.js)["'`]/g)) {
    visit(join(dirname(file), m[1]!));
  }
};
for (const m of html.matchAll(/<script[^>]*src="\.\/(assets\/[^"]+\.js)"/g)) visit(m[1]!);
const firstGzip = [...firstRoute].reduce((n, f) => n + gzipSync(readFileSync(join(dist, f))).byteLength, 0);
console.log(
  `first-route JS (gzip): ${kb(firstGzip)} in ${firstRoute.size} files (${[...firstRoute].map((f) => f.replace(/^assets\//, '').replace(/-[\w-]{8}\.js$/, '')).join(', ')})   target ≤ 150 KB`,
);

// 2. Precache: every URL of the injected manifest in sw.js.
const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
const precached = [...new Set([...sw.matchAll(/"?url"?:\s*["`]([^"`]+)["`]/g)].map((m) => m[1]!))];
const precacheBytes = precached.reduce((n, u) => n + statSync(join(dist, u)).size, 0);
console.log(
  `precache: ${precached.length} files, ${kb(precacheBytes)} (${(precacheBytes / 1048576).toFixed(2)} MiB)`,
);

const site = await startPreview({ distDir: dist, toursDir: fx.root, trustedKeys: [fx.publicKeyPem] });
try {
  // 3. Lighthouse, out of npm test: fetched with `npm exec` (the registry is reachable here).
  try {
    const lh = join(work, 'lh');
    mkdirSync(lh);
    await run(
      'npm',
      [
        'exec',
        '--yes',
        'lighthouse@12.2.3',
        '--',
        site.url,
        '--quiet',
        `--chrome-flags=--headless ${CHROMIUM_QUIET_ARGS.join(' ')}`,
        '--output=json',
        `--output-path=${join(lh, 'report.json')}`,
        '--only-categories=performance,accessibility,best-practices',
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM }, timeout: 240_000, maxBuffer: 64 * 1024 * 1024 },
    );
    const report = JSON.parse(readFileSync(join(lh, 'report.json'), 'utf8')) as {
      categories: Record<string, { score: number | null }>;
    };
    const score = (k: string): string => String(Math.round((report.categories[k]?.score ?? 0) * 100));
    console.log(
      `Lighthouse 12.2.3 (mobile): performance ${score('performance')}, accessibility ${score('accessibility')}, best practices ${score('best-practices')}   targets ≥ 95 / 100`,
    );
  } catch (err) {
    console.log(`Lighthouse: not measured (${(err as Error).message.split('\n')[0]})`);
  }

  // 4. Geofence entry → narration playing, offline.
  if (!haveChromium()) {
    console.log('entry-to-audio: not measured (no Chromium)');
  } else {
    const context = await launchBrowser();
    try {
      const origin = new URL(site.url).origin;
      await context.grantPermissions(['geolocation'], { origin });
      const page = await context.newPage();
      await page.goto(`${site.url}#/tour/${FIXTURE_ID}`);
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await page.getByRole('button', { name: /Download for offline use/ }).click();
      await page.getByText('Downloaded: this tour works offline.').waitFor();
      await context.setOffline(true);
      const samples: number[] = [];
      for (let round = 0; round < 3; round++) {
        await page.evaluate(() => localStorage.removeItem('dunkirk.progress'));
        await context.setGeolocation({ longitude: fx.route[0]![0], latitude: fx.route[0]![1], accuracy: 5 });
        await page.goto(`${site.url}#/tour/${FIXTURE_ID}`);
        await page.reload();
        await page.getByRole('button', { name: /Start the walk/ }).click();
        await page.getByRole('heading', { level: 1, name: /Walking mode/ }).waitFor();
        await page.evaluate(() => performance.clearMarks());
        let arrivals = 0;
        // Walk the route (a fix every 5 m); at each arrival, time the narration's start.
        for (const f of walkFixes(fx.route, { everyM: 5, noiseM: 2, accuracyM: 8, seed: round })) {
          await context.setGeolocation({
            longitude: f.position[0],
            latitude: f.position[1],
            accuracy: f.accuracyM,
          });
          await page.waitForTimeout(30);
          const n = await page.evaluate(() => performance.getEntriesByName('geofence-arrive').length);
          if (n === arrivals) continue;
          arrivals = n;
          const ms = await page.waitForFunction(
            () => {
              const a = performance.getEntriesByName('geofence-arrive').at(-1);
              const p = performance.getEntriesByName('narration-playing').at(-1);
              return a && p && p.startTime > a.startTime ? p.startTime - a.startTime : null;
            },
            null,
            { timeout: 10_000 },
          );
          samples.push((await ms.jsonValue()) as number);
        }
      }
      samples.sort((a, b) => a - b);
      const median = samples[Math.floor(samples.length / 2)]!;
      console.log(
        `geofence entry → narration playing (offline): median ${median.toFixed(0)} ms, max ${samples.at(-1)!.toFixed(0)} ms over ${samples.length} arrivals   target ≤ 300 ms`,
      );
    } finally {
      await context.close();
    }
  }
} finally {
  await site.close();
}
