/**
 * Electron entry of the kiosk: reads the kiosk's configuration, boots the same core the browser shell
 * runs, and hands it to the shell. Bundled to `dist/electron/main.cjs` by `npm run build:electron -w kiosk`.
 */
import * as electron from 'electron';
import { join } from 'node:path';
import { loadKioskConfig } from '../node/config';
import { bootKiosk } from '../node/boot';
import { runKioskApp } from './app';
import { createLogger } from './log';

const { app } = electron;
const production = app.isPackaged || process.env.NODE_ENV === 'production';
const configFile = process.env.KIOSK_CONFIG ?? join(app.getPath('userData'), 'kiosk.json');
const config = loadKioskConfig(configFile);
const log = createLogger(config.logFile);

process.on('uncaughtException', (err) =>
  log.error('uncaught exception', { error: err.message, stack: err.stack }),
);
process.on('unhandledRejection', (err) => log.error('unhandled rejection', { error: String(err) }));

void runKioskApp(electron, {
  rendererDir: join(__dirname, '..', 'renderer'),
  preloadPath: join(__dirname, 'preload.cjs'),
  production,
  log,
  createCore: () => bootKiosk(config, { log: (m, d) => log.info(m, d) }),
}).catch((err: unknown) => {
  log.error('kiosk failed to start', { error: (err as Error).message });
  app.exit(1);
});
