import { createReadStream } from 'node:fs';
import { lstat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve, sep } from 'node:path';
import { mediaTypeForPath } from '@dunkirk/content';

export interface PackageServer {
  /** `http://host:port` with no trailing slash. */
  url: string;
  close(): Promise<void>;
}

export interface PackageServerOptions {
  /** Folder served at `/`: `catalogue.json` and `packages/<id>/<version>/…`. */
  root: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Content-addressed assets never change; everything else (catalogue, manifests) may be rebuilt. */
function cacheControl(urlPath: string): string {
  return /\/assets\/[0-9a-f]{64}\.[a-z0-9]+$/.test(urlPath) ? IMMUTABLE : 'no-cache';
}

/**
 * RFC 9110 §14.2: one `bytes=` range → [start, end] inclusive; `undefined` = serve the whole file
 * (absent, multi-range or malformed header: §14.2 lets a server ignore Range); `null` = unsatisfiable.
 */
export function parseRange(header: string | undefined, size: number): [number, number] | null | undefined {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return null;
    return [Math.max(0, size - suffix), size - 1];
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return null;
  return [start, end];
}

async function handle(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', 'Content-Length, Content-Range, Accept-Ranges, ETag');
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
      'Access-Control-Allow-Headers': 'Range, If-None-Match',
      'Access-Control-Max-Age': '86400',
    });
    res.end();
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD, OPTIONS' }).end();
    return;
  }
  let urlPath: string;
  try {
    urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  const file = resolve(join(root, urlPath));
  const info =
    urlPath.includes('\0') || !file.startsWith(root + sep)
      ? undefined
      : await lstat(file).catch(() => undefined);
  if (!info?.isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    return;
  }
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers: Record<string, string> = {
    'Content-Type': mediaTypeForPath(file) ?? 'application/octet-stream',
    'Cache-Control': cacheControl(urlPath),
    'Accept-Ranges': 'bytes',
    ETag: etag,
    'X-Content-Type-Options': 'nosniff',
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers).end();
    return;
  }
  // RFC 9110 §13.1.5: with If-Range, a stale validator means "send it all".
  const ifRange = req.headers['if-range'];
  const range = ifRange && ifRange !== etag ? undefined : parseRange(req.headers.range, info.size);
  if (range === null) {
    res.writeHead(416, { ...headers, 'Content-Range': `bytes */${info.size}` }).end();
    return;
  }
  const [start, end] = range ?? [0, info.size - 1];
  const length = info.size === 0 ? 0 : end - start + 1;
  res.writeHead(range ? 206 : 200, {
    ...headers,
    'Content-Length': String(length),
    ...(range && { 'Content-Range': `bytes ${start}-${end}/${info.size}` }),
  });
  if (req.method === 'HEAD' || length === 0) {
    res.end();
    return;
  }
  createReadStream(file, { start, end })
    .on('error', () => res.destroy())
    .pipe(res);
}

/**
 * A static server for built tour packages, as a CDN would serve them: correct media types, CORS for
 * the PWA on another origin, immutable caching of content-addressed assets, and byte ranges so a
 * download cut off half-way resumes where it stopped.
 */
export async function startPackageServer(opts: PackageServerOptions): Promise<PackageServer> {
  const root = resolve(opts.root);
  const server = createServer((req, res) => {
    handle(root, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port, opts.host, ok);
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
