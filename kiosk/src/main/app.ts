/**
 * The Electron shell: one fullscreen kiosk window over the kiosk core. Everything the shell decides
 * is here, against an injected `electron` so the main process is tested with a fake module.
 */
import type * as Electron from 'electron';
import { createDispatcher, forwardEvents, type Services } from '../common/rpc';
import { registerKioskIpc, sendKioskEvent } from './ipc';
import type { Logger } from './log';
import { serveRendererFile } from './renderer-files';
import { APP_ORIGIN, APP_SCHEME, hardenWebContents } from './security';

/** The parts of the `electron` module the shell uses. */
export type ElectronMain = Pick<
  typeof Electron,
  'app' | 'BrowserWindow' | 'ipcMain' | 'protocol' | 'session' | 'powerSaveBlocker' | 'Menu'
>;

export interface KioskCore {
  services: Partial<Services>;
  stop(): Promise<void>;
}

export interface KioskAppOptions {
  /** The built touch UI (index.html and its assets). */
  rendererDir: string;
  /** The bundled preload script. */
  preloadPath: string;
  /** Production: devtools off, kiosk mode on. */
  production: boolean;
  log: Logger;
  createCore(): Promise<KioskCore>;
  /** Wait before reloading a crashed renderer, so a crash loop does not spin the CPU. */
  restartDelayMs?: number;
}

export interface KioskApp {
  window(): Electron.BrowserWindow | null;
  quit(): Promise<void>;
}

export async function runKioskApp(
  electron: ElectronMain,
  options: KioskAppOptions,
): Promise<KioskApp | null> {
  const { app, BrowserWindow, ipcMain, protocol, session, powerSaveBlocker, Menu } = electron;
  const { log } = options;

  if (!app.requestSingleInstanceLock()) {
    log.info('another kiosk instance is running; quitting');
    app.quit();
    return null;
  }

  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  await app.whenReady();
  Menu.setApplicationMenu(null);

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  protocol.handle(APP_SCHEME, (request) => serveRendererFile(options.rendererDir, request));

  const core = await options.createCore();
  const dispatch = createDispatcher(core.services);

  let window: Electron.BrowserWindow | null = null;
  let quitting = false;

  const createWindow = () => {
    const win = new BrowserWindow({
      kiosk: options.production,
      fullscreen: true,
      autoHideMenuBar: true,
      backgroundColor: '#0b1f33',
      show: false,
      // Written out here, not built by a helper, so that a reviewer (and electronegativity) sees it.
      webPreferences: {
        preload: options.preloadPath,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        disableBlinkFeatures: 'Auxclick',
        webviewTag: false,
        navigateOnDragDrop: false,
        spellcheck: false,
        safeDialogs: true,
        devTools: !options.production,
      },
    });
    win.once('ready-to-show', () => win.show());
    win.webContents.on('render-process-gone', (_event, details) => {
      log.error('renderer gone; reloading', { reason: details.reason, exitCode: details.exitCode });
      setTimeout(() => {
        if (!win.isDestroyed()) void win.loadURL(`${APP_ORIGIN}/index.html`);
      }, options.restartDelayMs ?? 1000);
    });
    win.on('unresponsive', () => {
      log.error('renderer unresponsive; reloading');
      win.webContents.forcefullyCrashRenderer();
    });
    win.on('closed', () => {
      window = null;
      if (!quitting) createWindow();
    });
    void win.loadURL(`${APP_ORIGIN}/index.html`);
    window = win;
  };

  createWindow();
  const unregisterIpc = registerKioskIpc(ipcMain, { dispatch, contents: () => window?.webContents ?? null });
  const unforward = forwardEvents(core.services, (event) =>
    sendKioskEvent(window?.webContents ?? null, event),
  );
  const blocker = powerSaveBlocker.start('prevent-display-sleep');

  app.on('second-instance', () => {
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('window-all-closed', () => {
    // A kiosk never quits because its window closed: `closed` recreates it.
  });

  const quit = async () => {
    if (quitting) return;
    quitting = true;
    unforward();
    unregisterIpc();
    if (powerSaveBlocker.isStarted(blocker)) powerSaveBlocker.stop(blocker);
    await core.stop();
    app.quit();
  };
  app.on('before-quit', (event) => {
    if (!quitting) {
      event.preventDefault();
      void quit();
    }
  });
  log.info('kiosk shell started', { production: options.production });
  return { window: () => window, quit };
}
