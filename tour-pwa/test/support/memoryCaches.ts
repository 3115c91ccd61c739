/**
 * An in-memory CacheStorage (the subset the download manager uses) for Node tests:
 * Node 20 has fetch, Request and Response but no Cache Storage.
 */
class MemoryCache {
  private readonly entries = new Map<string, { req: Request; body: ArrayBuffer; init: ResponseInit }>();
  private key(r: RequestInfo | URL): string {
    return typeof r === 'string' ? r : r instanceof URL ? r.href : r.url;
  }
  async match(r: RequestInfo | URL): Promise<Response | undefined> {
    const e = this.entries.get(this.key(r));
    return e ? new Response(e.body.slice(0), e.init) : undefined;
  }
  async put(r: RequestInfo | URL, res: Response): Promise<void> {
    const key = this.key(r);
    const body = await res.arrayBuffer();
    this.entries.set(key, {
      req: new Request(key),
      body,
      init: { status: res.status, headers: Object.fromEntries(res.headers) },
    });
  }
  async delete(r: RequestInfo | URL): Promise<boolean> {
    return this.entries.delete(this.key(r));
  }
  async keys(): Promise<Request[]> {
    return [...this.entries.values()].map((e) => e.req);
  }
  /** Test helper: overwrite stored bytes (simulates on-disk corruption). */
  async tamper(url: string, f: (b: Uint8Array) => void): Promise<void> {
    const e = this.entries.get(url);
    if (!e) throw new Error(`no entry ${url}`);
    const b = new Uint8Array(e.body.slice(0));
    f(b);
    e.body = b.buffer;
  }
}

export type TestCache = MemoryCache;

export function memoryCaches(): CacheStorage & { get(name: string): MemoryCache } {
  const caches = new Map<string, MemoryCache>();
  const open = async (name: string): Promise<MemoryCache> => {
    let c = caches.get(name);
    if (!c) caches.set(name, (c = new MemoryCache()));
    return c;
  };
  const storage = {
    open,
    has: async (name: string) => caches.has(name),
    delete: async (name: string) => caches.delete(name),
    keys: async () => [...caches.keys()],
    match: async (r: RequestInfo | URL) => {
      for (const c of caches.values()) {
        const hit = await c.match(r);
        if (hit) return hit;
      }
      return undefined;
    },
    get: (name: string) => caches.get(name)!,
  };
  // The structural subset above is all the code under test touches.
  return storage as unknown as CacheStorage & { get(name: string): MemoryCache };
}
