import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { findRepoRoot, resolveSigningKey, resolveTrustedKeys } from '@dunkirk/content/node';
import type { PrepareHook } from '../build';
import { prepareNarration } from '../media';
import { createApp } from './app';
import { TourStore } from './tourStore';
import { TourWatcher } from './tourWatcher';

export interface AuthoringServerOptions {
  /** Default: the repository holding this file. */
  repoRoot?: string;
  /** Default `<repo>/content/tours`. */
  toursDir?: string;
  /** Default `<repo>/authoring/dist/published` (gitignored). */
  publishDir?: string;
  /** Default `127.0.0.1`: the server is for the curator's own machine. */
  host?: string;
  /** Default 5180; 0 picks a free port. */
  port?: number;
  /** Required from clients when set; generated when `host` is not a loopback address. */
  token?: string;
  /** Default `<repo>/authoring/ui/dist` when built. */
  uiDir?: string;
  /** Default `<repo>/tour-pwa/dist` when built: the visitor preview at `/preview/`. */
  previewDir?: string;
  /** Draft narration at publish time (espeak-ng); default on. */
  draftVoices?: boolean;
  env?: NodeJS.ProcessEnv;
}

export interface AuthoringServer {
  url: string;
  /** Set when the server needs one; give it to curators as `<url>/?token=…`. */
  token?: string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Starts the authoring server over the tour folders: API, live changes, UI. */
export async function startAuthoringServer(opts: AuthoringServerOptions = {}): Promise<AuthoringServer> {
  const repoRoot = opts.repoRoot ?? findRepoRoot(fileURLToPath(new URL('.', import.meta.url)));
  const toursDir = resolve(opts.toursDir ?? join(repoRoot, 'content', 'tours'));
  const publishDir = resolve(opts.publishDir ?? join(repoRoot, 'authoring', 'dist', 'published'));
  const host = opts.host ?? '127.0.0.1';
  const exposed = !LOOPBACK.has(host);
  const token = opts.token ?? (exposed ? randomBytes(24).toString('base64url') : undefined);
  const uiDir = opts.uiDir ?? join(repoRoot, 'authoring', 'ui', 'dist');
  const previewDir = opts.previewDir ?? join(repoRoot, 'tour-pwa', 'dist');

  const signing = await resolveSigningKey({ repoRoot, ...(opts.env && { env: opts.env }) });
  const trustedKeys = await resolveTrustedKeys({ repoRoot, ...(opts.env && { env: opts.env }) });
  const prepare: PrepareHook | undefined =
    opts.draftVoices === false ? undefined : (source, tourDir) => prepareNarration(source, tourDir);

  const store = new TourStore({ toursDir });
  await store.sweepTemporaryFiles();
  const watcher = new TourWatcher(toursDir);
  const app = createApp({
    store,
    publishDir,
    signing: { privateKey: signing.privateKey, trustedKeys },
    ...(prepare && { prepare }),
    onChange: (l) => watcher.onChange(l),
    ...(token && { token }),
    // Bound to loopback: refuse other Host names, so a web page cannot reach the API by DNS rebinding.
    ...(!exposed && { allowedHosts: ['127.0.0.1', 'localhost', '::1'] }),
    ...(existsSync(uiDir) && { uiDir }),
    ...(existsSync(join(previewDir, 'index.html')) && { previewDir }),
  });

  const server = await new Promise<ReturnType<typeof serve>>((ok) => {
    const s = serve({ fetch: app.fetch, hostname: host, port: opts.port ?? 5180 }, () => ok(s));
  });
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}`,
    ...(token && { token }),
    close: () =>
      new Promise<void>((ok) => {
        watcher.close();
        const s = server as { closeAllConnections?: () => void; close(cb: () => void): void };
        s.closeAllConnections?.();
        s.close(() => ok());
      }),
  };
}
