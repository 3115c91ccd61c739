/**
 * `npm start`: builds what each app needs and starts every app that exists, on
 * localhost, with embedded defaults. One line per app with its URL.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DemoContext, DemoHandle, StartDemo } from '../test/support/demo-types.ts';

/** Start order matters: authoring publishes the tours that tour-pwa's catalogue points at. */
const workspaces: { name: string; basePort: number }[] = [
  { name: 'authoring', basePort: 4300 },
  { name: 'tour-pwa', basePort: 4173 },
  { name: 'kiosk', basePort: 4400 },
];

const root = join(import.meta.dirname, '..');
const host = process.env.DEMO_HOST ?? '127.0.0.1';

async function main(): Promise<void> {
  const handles: DemoHandle[] = [];
  const shared: Record<string, string> = {};
  const stopAll = async (): Promise<void> => {
    await Promise.allSettled(handles.map((h) => h.stop()));
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(0)));
  process.once('SIGTERM', () => void stopAll().then(() => process.exit(0)));

  for (const ws of workspaces) {
    const file = join(root, ws.name, 'demo.ts');
    if (!existsSync(file)) continue;
    const mod = (await import(pathToFileURL(file).href)) as { startDemo?: StartDemo };
    if (typeof mod.startDemo !== 'function') continue;
    const ctx: DemoContext = {
      host,
      basePort: ws.basePort,
      shared: { ...shared },
      log: (line) => console.log(`  [${ws.name}] ${line}`),
    };
    try {
      const handle = await mod.startDemo(ctx);
      handles.push(handle);
      Object.assign(shared, handle.exports ?? {});
      for (const app of handle.apps) {
        console.log(`${app.name.padEnd(12)} ${app.url}  — ${app.description}`);
      }
    } catch (err) {
      console.error(`${ws.name.padEnd(12)} failed to start: ${(err as Error).message}`);
      await stopAll();
      process.exit(1);
    }
  }
  if (handles.length === 0) {
    console.log('No app has a demo yet.');
    return;
  }
  console.log('Press Ctrl+C to stop.');
}

await main();
