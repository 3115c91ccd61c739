import { describe, expect, it } from 'vitest';
import { memoryCaches } from '../../test/support/memoryCaches';
import { TourEvictionPlugin } from './eviction';

const base = 'https://tours.example/packages/';
const manifest = (id: string, version: string) =>
  new Response(JSON.stringify({ id, version }), { headers: { 'Content-Type': 'application/json' } });

async function install(caches: CacheStorage, id: string, version: string): Promise<string> {
  const cache = await caches.open('tour-packages');
  const prefix = `${base}${id}/${version}/`;
  await cache.put(`${prefix}assets/${'a'.repeat(64)}.opus`, new Response('audio'));
  await cache.put(`${prefix}manifest.sig`, new Response('{}'));
  await cache.put(`${prefix}manifest.json`, manifest(id, version));
  return `${prefix}manifest.json`;
}

describe('TourEvictionPlugin', () => {
  it('evicts every file of the superseded version when a new manifest is committed, and keeps other tours', async () => {
    const caches = memoryCaches();
    await install(caches, 'port', '1.0.0');
    await install(caches, 'beaches', '1.0.0');
    const url = await install(caches, 'port', '1.1.0');
    await new TourEvictionPlugin(caches).cacheDidUpdate({
      cacheName: 'tour-packages',
      request: new Request(url),
      newResponse: manifest('port', '1.1.0'),
    });
    const left = (await (await caches.open('tour-packages')).keys())
      .map((k) => k.url.slice(base.length))
      .sort();
    expect(left).toEqual([
      `beaches/1.0.0/assets/${'a'.repeat(64)}.opus`,
      'beaches/1.0.0/manifest.json',
      'beaches/1.0.0/manifest.sig',
      `port/1.1.0/assets/${'a'.repeat(64)}.opus`,
      'port/1.1.0/manifest.json',
      'port/1.1.0/manifest.sig',
    ]);
  });

  it('ignores updates that are not package manifests', async () => {
    const caches = memoryCaches();
    await install(caches, 'port', '1.0.0');
    await new TourEvictionPlugin(caches).cacheDidUpdate({
      cacheName: 'tour-packages',
      request: new Request(`${base}port/2.0.0/assets/x.opus`),
      newResponse: new Response('x'),
    });
    expect(await (await caches.open('tour-packages')).keys()).toHaveLength(3);
  });
});
