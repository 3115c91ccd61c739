/**
 * The scenes harness for Chromium tests and the bench: a production build of scenes.html (in a
 * child process, so React is the production one) served over loopback HTTP together with the
 * tours' media folders (`/tours/<id>/…` = content/tours/<id>/…) and any extra files a test writes.
 */
import { execFile } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const APP_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const TOURS_DIR = join(APP_ROOT, '../content/tours');
export const ARTIFACTS = join(APP_ROOT, 'test-artifacts');

export async function buildSceneHarness(
  outDir = mkdtempSync(join(tmpdir(), 'scenes-harness-')),
): Promise<string> {
  const vite = join(APP_ROOT, '../node_modules/vite/bin/vite.js');
  const config = join(APP_ROOT, 'test/scenes/support/vite.scenes.config.ts');
  await run(process.execPath, [vite, 'build', '--config', config, '--outDir', outDir], {
    cwd: APP_ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return outDir;
}

/** The built JS files: which one scenes.html loads, and which hold three.js. */
export function harnessChunks(distDir: string): { entry: string[]; three: string[]; all: string[] } {
  const html = readFileSync(join(distDir, 'scenes.html'), 'utf8');
  const entry = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const all = readdirSync(join(distDir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  const three = all.filter((f) => readFileSync(join(distDir, f), 'utf8').includes('WebGLRenderer'));
  return { entry, three, all };
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.webp': 'image/webp',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.glb': 'model/gltf-binary',
  '.opus': 'audio/ogg; codecs=opus',
  '.ogg': 'audio/ogg',
  '.vtt': 'text/vtt',
};

export interface SceneSite {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** Serves `distDir` at /, content/tours at /tours/, and `extraDir` (if any) at /extra/. */
export async function serveSceneSite(distDir: string, extraDir?: string): Promise<SceneSite> {
  const requests: string[] = [];
  const mounts: [string, string][] = [
    ['/tours/', TOURS_DIR],
    ...(extraDir ? ([['/extra/', extraDir]] as [string, string][]) : []),
    ['/', distDir],
  ];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    const mount = mounts.find(([prefix]) => path.startsWith(prefix));
    if (!mount) return void res.writeHead(404).end();
    const [prefix, dir] = mount;
    const file = normalize(join(dir, path.slice(prefix.length)));
    if (!file.startsWith(normalize(dir + sep)) || !existsSync(file) || !statSync(file).isFile()) {
      return void res.writeHead(404).end();
    }
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'content-length': statSync(file).size,
      // Media and hashed bundles never change (as in a package): the second visit reads the cache.
      'cache-control':
        path.endsWith('.html') || path.endsWith('.json') ? 'no-cache' : 'public, max-age=31536000, immutable',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Emulates a visitor turning with the phone held upright: from the page, dispatches a
 * north-referenced device-orientation event every animation frame, the heading growing by
 * `degPerS` (W3C DeviceOrientation: alpha counter-clockwise about the vertical axis, beta 90° for
 * a phone held upright, so the back camera's heading is 360° − alpha). Returns a stop function.
 */
export async function turnThePhone(
  page: Page,
  opts: { fromDeg: number; degPerS: number; pitchDeg?: number },
): Promise<() => Promise<void>> {
  const { fromDeg, degPerS, pitchDeg = 0 } = opts;
  // A string, not a function: tsx (which runs the bench) wraps a function's inner functions in a
  // naming helper that does not exist in the page.
  await page.evaluate(`(() => {
    const type = 'ondeviceorientationabsolute' in window ? 'deviceorientationabsolute' : 'deviceorientation';
    const t0 = performance.now();
    window.__turning = true;
    const tick = () => {
      if (!window.__turning) return;
      const heading = ${fromDeg} + ((performance.now() - t0) / 1000) * ${degPerS};
      const alpha = (((360 - heading) % 360) + 360) % 360;
      window.dispatchEvent(new DeviceOrientationEvent(type, { alpha, beta: ${90 + pitchDeg}, gamma: 0, absolute: true }));
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  return () => page.evaluate('void (window.__turning = false)');
}

/**
 * Distinct colours in a screenshot of the first element matching `selector` (kept as
 * `test-artifacts/scenes-<name>.png`), counted by the browser itself over every `every`-th pixel:
 * a blank or single-colour canvas counts 1.
 */
export async function distinctColours(
  page: Page,
  selector: string,
  name: string,
  every = 5,
): Promise<number> {
  const png = await page
    .locator(selector)
    .first()
    .screenshot({ path: join(ARTIFACTS, `scenes-${name}.png`) });
  return page.evaluate(
    async ([b64, step]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * step)
        seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      return seen.size;
    },
    [png.toString('base64'), every] as const,
  );
}
