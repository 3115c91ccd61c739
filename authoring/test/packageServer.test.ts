import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackageServer } from '../src/packages/packageServer';
import { parseRange, startPackageServer } from '../src/packages/packageServer';
import { cleanupTemp, tempDir } from './helpers';

const sha = 'c'.repeat(64);

describe('the package server', () => {
  let server: PackageServer;
  const body = Uint8Array.from({ length: 1000 }, (_, i) => i & 0xff);

  beforeAll(async () => {
    const base = await tempDir();
    const root = join(base, 'www');
    await writeFile(join(base, 'outside.txt'), 'secret');
    const pkg = join(root, 'packages', 'x', '1.0.0');
    await mkdir(join(pkg, 'assets'), { recursive: true });
    await writeFile(join(root, 'catalogue.json'), '{"catalogueVersion":1,"tours":[]}');
    await writeFile(join(pkg, 'manifest.json'), '{}');
    await writeFile(join(pkg, 'assets', `${sha}.glb`), body);
    await writeFile(join(pkg, 'assets', `${sha}.vtt`), 'WEBVTT\n');
    await writeFile(join(pkg, 'assets', `${sha}.opus`), 'OggS');
    server = await startPackageServer({ root, host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await server.close();
    await cleanupTemp();
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(server.url + path, { headers });

  it.each([
    [`/packages/x/1.0.0/assets/${sha}.glb`, 'model/gltf-binary'],
    [`/packages/x/1.0.0/assets/${sha}.vtt`, 'text/vtt; charset=utf-8'],
    [`/packages/x/1.0.0/assets/${sha}.opus`, 'audio/ogg; codecs=opus'],
    ['/catalogue.json', 'application/json; charset=utf-8'],
  ])('serves %s as %s with CORS *', async (path, type) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('caches content-addressed assets forever and the catalogue never without revalidation', async () => {
    expect((await get(`/packages/x/1.0.0/assets/${sha}.glb`)).headers.get('cache-control')).toBe(
      'public, max-age=31536000, immutable',
    );
    expect((await get('/catalogue.json')).headers.get('cache-control')).toBe('no-cache');
    expect((await get('/packages/x/1.0.0/manifest.json')).headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a byte range with 206 and exactly those bytes (resumable downloads)', async () => {
    const res = await get(`/packages/x/1.0.0/assets/${sha}.glb`, { Range: 'bytes=100-199' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(body.slice(100, 200));
  });

  it('answers an open-ended range and refuses an unsatisfiable one with 416', async () => {
    const rest = await get(`/packages/x/1.0.0/assets/${sha}.glb`, { Range: 'bytes=990-' });
    expect(new Uint8Array(await rest.arrayBuffer())).toEqual(body.slice(990));
    const bad = await get(`/packages/x/1.0.0/assets/${sha}.glb`, { Range: 'bytes=5000-' });
    expect(bad.status).toBe(416);
    expect(bad.headers.get('content-range')).toBe('bytes */1000');
  });

  it('revalidates with ETag (304)', async () => {
    const first = await get('/catalogue.json');
    const again = await get('/catalogue.json', { 'If-None-Match': first.headers.get('etag')! });
    expect(again.status).toBe(304);
  });

  it.each(['/../outside.txt', '/%2e%2e/outside.txt', '/packages/../../outside.txt', '/nothing.json'])(
    'does not serve %s',
    async (path) => {
      expect((await get(path)).status).toBe(404);
    },
  );

  it('parses ranges as RFC 9110 §14.1.2 describes', () => {
    expect(parseRange('bytes=0-0', 10)).toEqual([0, 0]);
    expect(parseRange('bytes=-3', 10)).toEqual([7, 9]);
    expect(parseRange('bytes=5-100', 10)).toEqual([5, 9]);
    expect(parseRange('bytes=10-', 10)).toBeNull();
    expect(parseRange('bytes=0-1,4-5', 10)).toBeUndefined();
    expect(parseRange(undefined, 10)).toBeUndefined();
  });
});
