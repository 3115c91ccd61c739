import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../src/common/ipc';
import type { Services } from '../../src/common/rpc';
import type { KioskState } from '../../src/common/contracts';
import { runKioskApp, type KioskCore } from '../../src/main/app';
import { createLogger } from '../../src/main/log';
import { APP_ORIGIN } from '../../src/main/security';
import { createFakeElectron, FakeBrowserWindow, FakeWebContents } from './fake-electron';
import { sampleState } from '../common/sample-state';

const state: KioskState = sampleState();

function fakeCore() {
  const listeners = new Set<(s: KioskState) => void>();
  const calls: string[] = [];
  const core: KioskCore & { stopped: boolean; emit(s: KioskState): void } = {
    stopped: false,
    services: {
      kiosk: {
        getState: async () => state,
        setLocale: async (locale: string) => void calls.push(`setLocale:${locale}`),
        onDidChangeState: (l: (s: KioskState) => void) => {
          listeners.add(l);
          return () => listeners.delete(l);
        },
      } as unknown as Services['kiosk'],
    },
    async stop() {
      core.stopped = true;
    },
    emit: (s) => listeners.forEach((l) => l(s)),
  };
  return { core, calls };
}

async function start(opts: { singleInstance?: boolean; production?: boolean } = {}) {
  const fake = createFakeElectron(opts);
  const rendererDir = mkdtempSync(join(tmpdir(), 'kiosk-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const { core, calls } = fakeCore();
  const kiosk = await runKioskApp(fake.electron, {
    rendererDir,
    preloadPath: '/opt/kiosk/preload.cjs',
    production: opts.production ?? true,
    log: createLogger(join(rendererDir, 'kiosk.log')),
    createCore: async () => core,
    restartDelayMs: 10,
  });
  return { ...fake, kiosk, core, calls, rendererDir };
}

afterEach(() => vi.useRealTimers());

describe('the Electron kiosk shell', () => {
  it('quits at once when another kiosk instance already runs', async () => {
    const { kiosk, app } = await start({ singleInstance: false });
    expect(kiosk).toBeNull();
    expect(app.quitCalls).toBe(1);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('opens one fullscreen kiosk window, sandboxed, isolated, without Node or devtools in production', async () => {
    const { kiosk, menu } = await start();
    const [win] = FakeBrowserWindow.instances;
    expect(win?.options).toMatchObject({ kiosk: true, fullscreen: true });
    expect(win?.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: false,
      preload: '/opt/kiosk/preload.cjs',
    });
    expect(win?.loaded).toEqual([`${APP_ORIGIN}/index.html`]);
    expect(menu.value).toBeNull();
    expect(kiosk?.window()).toBe(win);
  });

  it('keeps devtools for development builds only', async () => {
    await start({ production: false });
    expect(FakeBrowserWindow.instances[0]?.options.webPreferences).toMatchObject({ devTools: true });
  });

  it('denies every permission and blocks navigation, redirects, webviews and new windows', async () => {
    const { permissions, app } = await start();
    const decision = vi.fn();
    permissions.request?.(null, 'media', decision);
    expect(decision).toHaveBeenCalledWith(false);
    expect(permissions.check?.(null, 'geolocation')).toBe(false);

    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    const away = { preventDefault: vi.fn() };
    contents.emit('will-navigate', away, 'https://example.org/');
    expect(away.preventDefault).toHaveBeenCalled();
    const inside = { preventDefault: vi.fn() };
    contents.emit('will-navigate', inside, `${APP_ORIGIN}/index.html#/borrow`);
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const redirect = { preventDefault: vi.fn() };
    contents.emit('will-redirect', redirect, 'http://127.0.0.1:1/');
    expect(redirect.preventDefault).toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler?.({ url: 'https://example.org' })).toEqual({ action: 'deny' });
  });

  it('serves the renderer with the strict CSP and nothing outside its folder', async () => {
    const { protocolHandlers, schemes } = await start();
    expect(schemes).toEqual([expect.objectContaining({ scheme: 'app' })]);
    const handle = protocolHandlers.get('app')!;
    const ok = await handle(new Request(`${APP_ORIGIN}/assets/app.js`));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/javascript');
    expect(ok.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(ok.headers.get('content-security-policy')).toContain("object-src 'none'");
    const escape = await handle(new Request(`${APP_ORIGIN}/..%2f..%2f..%2fetc%2fpasswd`));
    expect(escape.status).toBe(404);
    const other = await handle(new Request('app://elsewhere/index.html'));
    expect(other.status).toBe(404);
  });

  it('answers contract calls from the kiosk page only, checking arguments', async () => {
    const { handlers, calls } = await start();
    const win = FakeBrowserWindow.instances[0]!;
    const invoke = handlers.get(CHANNELS.request)!;
    const fromPage = { sender: win.webContents, senderFrame: { url: `${APP_ORIGIN}/index.html` } };

    await expect(
      invoke(fromPage, { id: 1, service: 'kiosk', method: 'getState', args: [] }),
    ).resolves.toEqual({
      id: 1,
      ok: true,
      result: state,
    });
    await expect(
      invoke(fromPage, { id: 2, service: 'kiosk', method: 'setLocale', args: ['nl'] }),
    ).resolves.toMatchObject({
      ok: true,
    });
    expect(calls).toEqual(['setLocale:nl']);
    await expect(
      invoke(fromPage, { id: 3, service: 'kiosk', method: 'setLocale', args: ['de'] }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-args' },
    });
    const fromElsewhere = { sender: new FakeWebContents(), senderFrame: { url: `${APP_ORIGIN}/index.html` } };
    await expect(
      invoke(fromElsewhere, { id: 4, service: 'kiosk', method: 'getState', args: [] }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    const foreignFrame = { sender: win.webContents, senderFrame: { url: 'https://example.org/' } };
    await expect(
      invoke(foreignFrame, { id: 5, service: 'kiosk', method: 'getState', args: [] }),
    ).resolves.toMatchObject({
      ok: false,
    });
  });

  it('forwards the core’s state changes to the window on the kiosk event channel', async () => {
    const { core } = await start();
    const win = FakeBrowserWindow.instances[0]!;
    core.emit({ ...state, screen: 'borrow', mode: 'borrow' });
    expect(win.webContents.sent).toEqual([
      {
        channel: CHANNELS.event,
        payload: {
          service: 'kiosk',
          event: 'onDidChangeState',
          payload: { ...state, screen: 'borrow', mode: 'borrow' },
        },
      },
    ]);
  });

  it('reloads a crashed renderer after a pause and recreates a closed window', async () => {
    vi.useFakeTimers();
    await start();
    const win = FakeBrowserWindow.instances[0]!;
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(win.loaded).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(20);
    expect(win.loaded).toHaveLength(2);
    win.close();
    expect(FakeBrowserWindow.instances).toHaveLength(2);
  });

  it('keeps the display awake and releases everything on quit', async () => {
    const { kiosk, blockers, core, app, handlers } = await start();
    expect(blockers.size).toBe(1);
    const event = { preventDefault: vi.fn() };
    app.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await kiosk?.quit();
    expect(core.stopped).toBe(true);
    expect(blockers.size).toBe(0);
    expect(handlers.has(CHANNELS.request)).toBe(false);
    expect(app.quitCalls).toBeGreaterThanOrEqual(1);
  });
});
