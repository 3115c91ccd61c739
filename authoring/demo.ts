/**
 * `npm start` joins here: builds every tour under content/tours that validates into content/dist
 * (signed with the development key) and serves it for the tour PWA.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadOrCreateDevKeys } from '@dunkirk/content/node';
import { buildAll, defaultPrepare } from './src/build';
import { startPackageServer } from './src/packages/packageServer';
import { startAuthoringServer } from './src/server';
import type { DemoContext, DemoHandle } from '../test/support/demo-types';

const repoRoot = join(import.meta.dirname, '..');

/** Newest modification time of the files under `dir` (0 when absent). */
function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

export async function startDemo(ctx: DemoContext): Promise<DemoHandle> {
  const keys = await loadOrCreateDevKeys(repoRoot);
  const distDir = join(repoRoot, 'content', 'dist');
  const result = await buildAll({
    toursDir: join(repoRoot, 'content', 'tours'),
    outDir: distDir,
    privateKey: keys.privateKey,
    ...(defaultPrepare && { prepare: defaultPrepare }),
    log: ctx.log,
  });
  for (const b of result.built)
    ctx.log(`built ${b.entry.id} ${b.entry.version} (${b.entry.packageBytes} bytes)`);
  const server = await startPackageServer({ root: distDir, host: ctx.host, port: ctx.basePort });
  const catalogueUrl = `${server.url}/catalogue.json`;
  const uiDir = join(repoRoot, 'authoring', 'ui', 'dist');
  const built = join(uiDir, 'index.html');
  // Built once, and again whenever the editor's sources changed since (a pull, a local edit).
  if (!existsSync(built) || newestMtime(join(repoRoot, 'authoring', 'ui', 'src')) > statSync(built).mtimeMs) {
    ctx.log('building the editor UI');
    await (
      await import('vite')
    ).build({ configFile: join(repoRoot, 'authoring', 'ui', 'vite.config.ts'), logLevel: 'warn' });
  }
  const editor = await startAuthoringServer({ repoRoot, host: ctx.host, port: ctx.basePort + 1, uiDir });
  return {
    apps: [
      {
        name: 'tour packages',
        url: catalogueUrl,
        description: `${result.built.length} signed tour package(s) (development key), served for the PWA`,
      },
      {
        name: 'authoring',
        url: `${editor.url}/`,
        description: 'curators’ editor over the Operation Dynamo tours',
      },
    ],
    exports: { catalogueUrl, tourPublicKeyPem: keys.publicKeyPem },
    stop: async () => {
      await editor.close();
      await server.close();
    },
  };
}
