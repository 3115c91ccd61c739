import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDemoNetwork } from './src/cli/network';
import { demoDocuments, startKioskStack } from './src/host/stack';
import { SEED_FIXTURES, startSipNetworkServer } from './src/network';
import type { DemoContext, DemoHandle } from '../test/support/demo-types';

const here = import.meta.dirname;
const STAFF_PIN = '246810';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the touch UI when it is missing or older than its sources. */
function ensureRenderer(log: (line: string) => void): void {
  const built = join(here, 'dist', 'renderer', 'index.html');
  const sources = Math.max(
    newestMtime(join(here, 'src', 'renderer')),
    newestMtime(join(here, 'src', 'common')),
  );
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  log('building the touch UI');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: here, stdio: 'inherit' });
}

/**
 * `npm start` joins here: the embedded Les Balises network on a small seeded SQLite file
 * (kiosk/.cache/, gitignored) on `basePort + 1`, the 3M reader simulator on a PTY pair, and the
 * kiosk's browser shell on `basePort` with a demo pad to place and lift documents.
 */
export async function startDemo(ctx: DemoContext): Promise<DemoHandle> {
  const db = join(here, '.cache', 'demo-network.sqlite');
  await ensureDemoNetwork(db, ctx.log);
  ensureRenderer(ctx.log);
  const server = await startSipNetworkServer({ db, host: ctx.host, port: ctx.basePort + 1 });
  const kiosk = await startKioskStack({
    dir: join(here, '.cache', 'demo-kiosk'),
    libraryId: 1,
    protocol: '3m',
    documents: demoDocuments(),
    network: { host: server.host, port: server.port },
    host: ctx.host,
    port: ctx.basePort,
    staffPin: STAFF_PIN,
    log: (message) => ctx.log(message),
  });
  const { elise } = SEED_FIXTURES.patrons;
  ctx.log(
    `kiosk: card ${elise.card} PIN ${elise.pin}; staff PIN ${STAFF_PIN}; reader simulator on ${kiosk.simulator.path ?? 'an in-memory link'}`,
  );
  return {
    apps: [
      {
        name: 'kiosk',
        url: kiosk.url,
        description: 'self-service loan kiosk (browser shell) at the B!B Dunkerque, 3M reader simulated',
      },
      {
        name: 'kiosk pad',
        url: `${kiosk.url}pad.html`,
        description: 'demo pad: place and lift tagged documents on the simulated reader',
      },
      {
        name: 'les-balises',
        url: `sip2://${server.host}:${server.port}`,
        description: 'embedded Les Balises library system (12 member libraries) speaking SIP2 over TCP',
      },
    ],
    exports: { sip2Host: server.host, sip2Port: String(server.port), kioskUrl: kiosk.url },
    stop: async () => {
      await kiosk.stop();
      await server.close();
    },
  };
}
