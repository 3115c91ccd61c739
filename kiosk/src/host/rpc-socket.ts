/**
 * The browser shell's end of the kiosk contracts: a WebSocket endpoint that answers the page with the
 * same dispatcher the Electron main process uses, and pushes the core's events to every open page.
 * Only pages served by this host may connect (Origin check), so another site cannot drive the kiosk.
 */
import type { IncomingMessage, Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { createDispatcher, forwardEvents, type Services } from '../common/rpc';

export const RPC_PATH = '/rpc';

export interface RpcSocketOptions {
  /** Origins allowed to connect, e.g. `http://127.0.0.1:4400`. */
  allowedOrigins: () => string[];
  /** Largest frame accepted from a page. */
  maxPayloadBytes?: number;
}

export function attachRpcSocket(server: Server, services: Partial<Services>, options: RpcSocketOptions) {
  const dispatch = createDispatcher(services);
  const wss = new WebSocketServer({
    server,
    path: RPC_PATH,
    maxPayload: options.maxPayloadBytes ?? 64 * 1024,
    verifyClient: ({ req }: { req: IncomingMessage }) => {
      const origin = req.headers.origin;
      return origin !== undefined && options.allowedOrigins().includes(origin);
    },
  });
  const clients = new Set<WebSocket>();
  wss.on('connection', (ws) => {
    clients.add(ws);
    ws.on('close', () => clients.delete(ws));
    ws.on('message', (raw) => {
      let request: unknown;
      try {
        request = JSON.parse(raw.toString());
      } catch {
        ws.send(JSON.stringify({ id: -1, ok: false, error: { code: 'bad-request', message: 'not JSON' } }));
        return;
      }
      void dispatch(request).then((response) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(response));
      });
    });
  });
  const unforward = forwardEvents(services, (event) => {
    const frame = JSON.stringify(event);
    for (const ws of clients) if (ws.readyState === ws.OPEN) ws.send(frame);
  });
  return {
    clientCount: () => clients.size,
    close: () =>
      new Promise<void>((resolve) => {
        unforward();
        for (const ws of clients) ws.terminate();
        wss.close(() => resolve());
      }),
  };
}
