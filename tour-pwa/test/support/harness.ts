/**
 * End-to-end harness: one production build per run, served by `vite preview` with the
 * test packages under `/tours/` and a deploy-time `config.json`, and headless Chromium
 * (Debian's /usr/bin/chromium through playwright-core; no browser is downloaded).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PreviewServer } from 'vite';
import { preview } from 'vite';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { BrowserContext } from 'playwright-core';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, CHROMIUM_QUIET_ARGS } from '../../../test/support/chromium';

const run = promisify(execFile);

export const APP_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ARTIFACTS = join(APP_ROOT, 'test-artifacts');
export const CHROMIUM = CHROMIUM_PATH;

export function haveChromium(): boolean {
  return existsSync(CHROMIUM);
}

/**
 * A production build in a child process: under Vitest NODE_ENV is 'test', which would
 * give a development React and `import.meta.env.DEV` (no service worker registration).
 */
export async function buildApp(outDir: string): Promise<void> {
  const vite = join(APP_ROOT, '../node_modules/vite/bin/vite.js');
  await run(process.execPath, [vite, 'build', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'], {
    cwd: APP_ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

export interface Preview {
  url: string;
  /** Every request the server saw (path + query), in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Serves a built app (copied, so each run has its own config.json) with `toursDir` at /tours/. */
export async function startPreview(opts: {
  distDir: string;
  toursDir: string;
  trustedKeys: string[];
  /** Delay per package asset response, so a test can watch the progress bar move. */
  assetDelayMs?: number;
  port?: number;
}): Promise<Preview> {
  const site = mkdtempSync(join(tmpdir(), 'tour-pwa-site-'));
  cpSync(opts.distDir, site, { recursive: true });
  cpSync(opts.toursDir, join(site, 'tours'), { recursive: true });
  writeFileSync(
    join(site, 'config.json'),
    JSON.stringify({ catalogueUrl: 'tours/catalogue.json', trustedKeys: opts.trustedKeys }),
  );
  const requests: string[] = [];
  const server: PreviewServer = await preview({
    root: APP_ROOT,
    logLevel: 'error',
    build: { outDir: site },
    preview: { host: '127.0.0.1', port: opts.port ?? 0, strictPort: false },
    plugins: [
      {
        name: 'test-log-and-delay',
        configurePreviewServer(s) {
          s.middlewares.use((req, _res, next) => {
            requests.push(req.url ?? '');
            if (opts.assetDelayMs && /\/tours\/packages\/.*\/assets\//.test(req.url ?? '')) {
              setTimeout(next, opts.assetDelayMs);
            } else next();
          });
        },
      },
    ],
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  return { url, requests, close: () => server.close() };
}

export async function launchBrowser(): Promise<BrowserContext> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'tour-pwa-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    // axe-core is injected as a script tag; the app's CSP would (rightly) refuse it.
    bypassCSP: true,
    locale: 'en-GB',
    viewport: { width: 412, height: 915 },
    args: CHROMIUM_QUIET_ARGS,
  });
}
