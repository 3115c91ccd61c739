import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { KioskState } from '../../src/common/contracts';
import { createClient, type Services } from '../../src/common/rpc';
import { createWebSocketCarrier, type WebSocketCarrier } from '../../src/common/ws-carrier';
import { attachRpcSocket, RPC_PATH } from '../../src/host/rpc-socket';
import { sampleState } from '../common/sample-state';

const state: KioskState = sampleState({
  locale: 'nl',
  library: { name: 'Médiathèque de Gravelines', isil: 'FR-000000002' },
  online: false,
  offlineQueue: 2,
});

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function fakeKiosk() {
  const listeners = new Set<(s: KioskState) => void>();
  const impl = {
    getState: async () => state,
    onDidChangeState: (l: (s: KioskState) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  } as unknown as Services['kiosk'];
  return { impl, emit: (s: KioskState) => listeners.forEach((l) => l(s)) };
}

async function host(services: Partial<Services>, port = 0) {
  const server: Server = createServer();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  const { port: bound } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${bound}`;
  const socket = attachRpcSocket(server, services, { allowedOrigins: () => [origin] });
  const stop = async () => {
    await socket.close();
    await new Promise<void>((r) => server.close(() => r()));
  };
  return { origin, port: bound, url: `ws://127.0.0.1:${bound}${RPC_PATH}`, socket, stop };
}

/** The `ws` client behaves like the browser's WebSocket; a browser sends its page's Origin by itself. */
function wsFrom(origin: string): typeof globalThis.WebSocket {
  return class extends WebSocket {
    constructor(url: string) {
      super(url, { origin });
    }
  } as unknown as typeof globalThis.WebSocket;
}

function carrier(url: string, origin: string): WebSocketCarrier {
  const c = createWebSocketCarrier(url, {
    WebSocketImpl: wsFrom(origin),
    backoffMs: 20,
    requestTimeoutMs: 3000,
  });
  cleanups.push(() => c.close());
  return c;
}

describe('the browser shell carries the same contracts over a WebSocket', () => {
  it('answers calls and pushes state changes to the page', async () => {
    const kiosk = fakeKiosk();
    const h = await host({ kiosk: kiosk.impl });
    cleanups.push(h.stop);
    const client = createClient(carrier(h.url, h.origin));
    await expect(client.kiosk.getState()).resolves.toEqual(state);
    const seen = new Promise<KioskState>((resolve) => client.kiosk.onDidChangeState(resolve));
    kiosk.emit({ ...state, screen: 'return', mode: 'return' });
    await expect(seen).resolves.toMatchObject({ screen: 'return' });
  });

  it('checks arguments on the host side as well', async () => {
    const h = await host({ kiosk: fakeKiosk().impl });
    cleanups.push(h.stop);
    const ws = new (wsFrom(h.origin))(h.url);
    const reply = await new Promise<unknown>((resolve) => {
      ws.onopen = () =>
        ws.send(JSON.stringify({ id: 1, service: 'kiosk', method: 'setLocale', args: ['xx'] }));
      ws.onmessage = (m) => resolve(JSON.parse(String(m.data)));
    });
    ws.close();
    expect(reply).toMatchObject({ id: 1, ok: false, error: { code: 'invalid-args' } });
  });

  it('refuses pages from another origin', async () => {
    const h = await host({ kiosk: fakeKiosk().impl });
    cleanups.push(h.stop);
    const ws = new (wsFrom('https://evil.example'))(h.url);
    const outcome = await new Promise<string>((resolve) => {
      ws.onopen = () => resolve('open');
      ws.onerror = () => resolve('refused');
    });
    expect(outcome).toBe('refused');
    expect(h.socket.clientCount()).toBe(0);
  });

  it('waits through a host restart: a call made while down is answered once the host is back', async () => {
    const first = await host({ kiosk: fakeKiosk().impl });
    const c = carrier(first.url, first.origin);
    const client = createClient(c);
    await client.kiosk.getState();
    await first.stop();
    await new Promise((r) => setTimeout(r, 50));
    expect(c.connected).toBe(false);
    const answer = client.kiosk.getState();
    const second = await host({ kiosk: fakeKiosk().impl }, first.port);
    cleanups.push(second.stop);
    await expect(answer).resolves.toEqual(state);
    expect(c.connected).toBe(true);
  });
});
