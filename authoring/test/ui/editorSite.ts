/**
 * One editor for a Chromium test: this checkout's UI built apart (a stale authoring/ui/dist is never
 * what is tested), an authoring server over an empty tours folder in a temporary directory, and a
 * Chromium page on it that collects page errors.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { build as viteBuild } from 'vite';
import { findRepoRoot } from '@dunkirk/content/node';
import type { Chromium } from '../../../test/support/chromium';
import { launchChromium } from '../../../test/support/chromium';
import type { AuthoringServer } from '../../src/server';
import { startAuthoringServer } from '../../src/server';

export const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts');
const UI = resolve(import.meta.dirname, '../../ui');

export interface EditorSite {
  /** The temporary directory: tours/, published/, ui/. */
  root: string;
  server: AuthoringServer;
  browser: Chromium;
  page: Page;
  /** Uncaught errors of the page, in order. */
  pageErrors: string[];
  close(): Promise<void>;
}

export async function startEditorSite(options: {
  /** Prefix of the temporary directory's name. */
  name: string;
  locale: string;
  viewport: { width: number; height: number };
  /** Fills the tours folder before the server starts. */
  prepare?: (toursDir: string) => Promise<void>;
}): Promise<EditorSite> {
  const root = await mkdtemp(join(tmpdir(), `${options.name}-`));
  let server: AuthoringServer | undefined;
  let browser: Chromium | undefined;
  const close = async () => {
    await browser?.close();
    await server?.close();
    await rm(root, { recursive: true, force: true });
  };
  try {
    await viteBuild({
      configFile: join(UI, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: join(root, 'ui'), emptyOutDir: true },
    });
    const toursDir = join(root, 'tours');
    await mkdir(toursDir);
    await mkdir(ARTIFACTS, { recursive: true });
    await options.prepare?.(toursDir);
    server = await startAuthoringServer({
      repoRoot: findRepoRoot(import.meta.dirname),
      toursDir,
      publishDir: join(root, 'published'),
      uiDir: join(root, 'ui'),
      port: 0,
    });
    browser = await launchChromium({
      bypassCSP: true /* axe is injected inline */,
      locale: options.locale,
      viewport: options.viewport,
    });
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    return { root, server, browser, page, pageErrors, close };
  } catch (err) {
    await close();
    throw err;
  }
}
