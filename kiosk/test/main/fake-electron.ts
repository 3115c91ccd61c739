/**
 * A fake `electron` module with just the behaviour the kiosk shell relies on, recording what the
 * shell asked for so tests can check it. Cast to the real types at the one place it is handed over.
 */
import { EventEmitter } from 'node:events';
import type { ElectronMain } from '../../src/main/app';

type Handler = (...args: unknown[]) => unknown;

export class FakeWebContents extends EventEmitter {
  sent: { channel: string; payload: unknown }[] = [];
  destroyed = false;
  windowOpenHandler: Handler | null = null;
  crashed = 0;
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
  isDestroyed() {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: Handler) {
    this.windowOpenHandler = handler;
  }
  forcefullyCrashRenderer() {
    this.crashed++;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  loaded: string[] = [];
  shown = false;
  destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  loadURL(url: string) {
    this.loaded.push(url);
    return Promise.resolve();
  }
  show() {
    this.shown = true;
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  close() {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

export function createFakeElectron(opts: { singleInstance?: boolean } = {}) {
  FakeBrowserWindow.instances = [];
  const app = Object.assign(new EventEmitter(), {
    quitCalls: 0,
    requestSingleInstanceLock: () => opts.singleInstance ?? true,
    quit() {
      app.quitCalls++;
    },
    whenReady: () => Promise.resolve(),
  });
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: (channel: string, handler: Handler) => handlers.set(channel, handler),
    removeHandler: (channel: string) => handlers.delete(channel),
  };
  const schemes: unknown[] = [];
  const protocolHandlers = new Map<string, (req: Request) => Promise<Response> | Response>();
  const protocol = {
    registerSchemesAsPrivileged: (s: unknown[]) => schemes.push(...s),
    handle: (scheme: string, h: (req: Request) => Promise<Response> | Response) =>
      protocolHandlers.set(scheme, h),
  };
  const permissions: { request: Handler | null; check: Handler | null } = { request: null, check: null };
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (h: Handler) => (permissions.request = h),
      setPermissionCheckHandler: (h: Handler) => (permissions.check = h),
    },
  };
  const blockers = new Set<number>();
  const powerSaveBlocker = {
    start: (_type: string) => {
      blockers.add(1);
      return 1;
    },
    stop: (id: number) => blockers.delete(id),
    isStarted: (id: number) => blockers.has(id),
  };
  const menu = { value: 'default' as unknown };
  const Menu = { setApplicationMenu: (m: unknown) => (menu.value = m) };
  // The fake implements only what the shell calls; the cast is the one place it meets the real types.
  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    protocol,
    session,
    powerSaveBlocker,
    Menu,
  } as unknown as ElectronMain;
  return { electron, app, handlers, schemes, protocolHandlers, permissions, blockers, menu };
}
