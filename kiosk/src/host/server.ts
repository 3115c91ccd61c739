/**
 * The browser shell: a Node process that serves the built touch UI and carries the kiosk contracts
 * over a WebSocket. Used for development, the demo and end-to-end tests in Chromium; the kiosk core it
 * runs is the same one the Electron shell runs.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Services } from '../common/rpc';
import { attachRpcSocket } from './rpc-socket';

/** The same policy as the Electron shell, plus the WebSocket back to this host. */
function contentSecurityPolicy(wsOrigin: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "media-src 'self'",
    `connect-src 'self' ${wsOrigin}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

export interface KioskHostOptions {
  services: Partial<Services>;
  rendererDir: string;
  host?: string;
  port?: number;
}

export interface KioskHost {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function startKioskHost(options: KioskHostOptions): Promise<KioskHost> {
  const host = options.host ?? '127.0.0.1';
  const root = normalize(options.rendererDir);
  let origin = '';
  const server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const relative = normalize(path === '/' ? '/index.html' : path).replace(/^([/\\])+/, '');
      const file = join(root, relative);
      const headers: Record<string, string> = {
        'Content-Security-Policy': contentSecurityPolicy(origin.replace(/^http/, 'ws')),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      };
      if (path.includes('\0') || !file.startsWith(root.endsWith(sep) ? root : root + sep)) {
        res.writeHead(404, headers).end('Not found');
        return;
      }
      try {
        const body = await readFile(file);
        res.writeHead(200, {
          ...headers,
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        });
        res.end(body);
      } catch {
        res.writeHead(404, headers).end('Not found');
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host}:${port}`;
  const socket = attachRpcSocket(server, options.services, {
    allowedOrigins: () => [origin, `http://localhost:${port}`],
  });
  return {
    url: `${origin}/`,
    server,
    close: async () => {
      await socket.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
