import { join } from 'node:path';
import { ensureDemoNetwork } from './src/cli/network';
import { SEED_FIXTURES, startSipNetworkServer } from './src/network';

// The shapes of scripts/demo-types.ts, restated: that file lives outside this project's rootDir.
interface DemoContext {
  host: string;
  basePort: number;
  shared: Record<string, string>;
  log(line: string): void;
}
interface DemoHandle {
  apps: { name: string; url: string; description: string }[];
  exports?: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * `npm start` joins here: the embedded Les Balises network on a small seeded SQLite file
 * (kiosk/.cache/, gitignored) on `basePort + 1`. The kiosk UI extends this file later.
 */
export async function startDemo(ctx: DemoContext): Promise<DemoHandle> {
  const db = join(import.meta.dirname, '.cache', 'demo-network.sqlite');
  await ensureDemoNetwork(db, ctx.log);
  const server = await startSipNetworkServer({ db, host: ctx.host, port: ctx.basePort + 1 });
  const { elise } = SEED_FIXTURES.patrons;
  ctx.log(
    `SIP2 logins kiosk-01…kiosk-12 / "${SEED_FIXTURES.terminalPassword}"; reader ${elise.card} PIN ${elise.pin}`,
  );
  return {
    apps: [
      {
        name: 'les-balises SIP2',
        url: `sip2://${server.host}:${server.port}`,
        description: 'embedded Les Balises library system (12 member libraries) speaking SIP2 over TCP',
      },
    ],
    exports: { sip2Host: server.host, sip2Port: String(server.port) },
    stop: () => server.close(),
  };
}
