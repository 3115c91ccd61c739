/**
 * `npm start` joins here: builds the app when its sources changed (cached by hash),
 * serves `dist/` with the tour packages of `content/dist/` under `/tours/` (same origin,
 * so the service worker and the download manager see one site), and writes the
 * deploy-time `config.json` (catalogue + the trusted public key the authoring demo signs with).
 */
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { startStaticServer } from './server/staticServer';
import type { DemoContext, DemoHandle } from '../test/support/demo-types';

const appRoot = import.meta.dirname;
const repoRoot = join(appRoot, '..');
const run = promisify(execFile);

/** A hash of everything the build reads, so an unchanged app is not rebuilt. */
function sourceHash(): string {
  const h = createHash('sha256');
  const walk = (p: string): void => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (!name.endsWith('.test.ts')) walk(join(p, name));
    } else {
      h.update(relative(appRoot, p));
      h.update(readFileSync(p));
    }
  };
  for (const p of ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', '../content/src']) {
    const full = join(appRoot, p);
    if (existsSync(full)) walk(full);
  }
  return h.digest('hex');
}

export async function buildIfChanged(log: (line: string) => void): Promise<string> {
  const dist = join(appRoot, 'dist');
  const stamp = join(appRoot, '.cache', 'build-hash');
  const hash = sourceHash();
  if (existsSync(join(dist, 'sw.js')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) {
    log('build is up to date');
    return dist;
  }
  log('building the app (vite build)…');
  await run(
    process.execPath,
    [join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'],
    {
      cwd: appRoot,
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  mkdirSync(join(appRoot, '.cache'), { recursive: true });
  writeFileSync(stamp, hash);
  return dist;
}

export async function startDemo(ctx: DemoContext): Promise<DemoHandle> {
  const dist = await buildIfChanged(ctx.log);
  const toursDir = join(repoRoot, 'content', 'dist');
  const devKey = join(repoRoot, '.keys', 'tour-signing-dev.public.pem');
  const key = ctx.shared.tourPublicKeyPem ?? (existsSync(devKey) ? readFileSync(devKey, 'utf8') : undefined);
  if (!key) ctx.log('no trusted tour key (authoring demo absent?): every package will be refused');
  if (!existsSync(join(toursDir, 'catalogue.json')))
    ctx.log('content/dist/catalogue.json missing: the catalogue is empty');
  writeFileSync(
    join(dist, 'config.json'),
    JSON.stringify({ catalogueUrl: 'tours/catalogue.json', trustedKeys: key ? [key] : [] }, null, 2),
  );
  const server = await startStaticServer({ host: ctx.host, port: ctx.basePort, appDir: dist, toursDir });
  return {
    apps: [
      {
        name: 'tour-pwa',
        url: server.url,
        description: `visitors' offline tour app (add ?simulate=1.4 to walk the route without GPS)`,
      },
    ],
    stop: () => server.close(),
  };
}
