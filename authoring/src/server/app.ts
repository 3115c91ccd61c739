import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { LngLat, Text } from '@dunkirk/content';
import { mediaTypeForPath } from '@dunkirk/content';
import type { PrepareHook } from '../build';
import { AuthoringError, isAuthoringError } from './AuthoringError';
import { boundsOf, lineLengthM } from './geo';
import type { MediaKind } from './mediaImport';
import { importMedia } from './mediaImport';
import type { LayerImportKind, LayersUpload } from './layersImport';
import {
  LAYERS_UPLOAD_MAX_BYTES,
  layersOverview,
  previewLayersImport,
  saveLayersImport,
} from './layersImport';
import type { DraftNarrationRequest } from './draftNarration';
import { checkCaptions, draftNarration } from './draftNarration';
import type { Bump } from './publish';
import { publishTour } from './publish';
import type { TracePoint } from './routeImport';
import { parseGeoJsonLine, parseGpx } from './routeImport';
import { tourReport } from './tourReport';
import { previewCatalogue } from './visitorPreview';
import type { TourStore } from './tourStore';
import { jsonBytes } from './tourStore';
import type { TourFileChange } from './tourWatcher';
import type { SimStop } from './walkSimulator';
import { simulateWalk } from './walkSimulator';

export interface AppOptions {
  store: TourStore;
  /** Published packages: `<publishDir>/<id>/<version>/`. */
  publishDir: string;
  signing: { privateKey: CryptoKey; trustedKeys: readonly string[] };
  /** Narration synthesis for draft voices at publish time. */
  prepare?: PrepareHook;
  /** Subscribes to file changes (the watcher); the UI hears them on `/api/events`. */
  onChange?: (listener: (c: TourFileChange) => void) => () => void;
  /** Required on every request when set (server exposed beyond localhost). */
  token?: string;
  /** Host names accepted in the Host header (DNS-rebinding guard); empty = any. */
  allowedHosts?: readonly string[];
  /** Built UI (authoring/ui/dist) served at `/`. */
  uiDir?: string;
  /** Built visitor app (tour-pwa/dist) served at `/preview/` over the published packages. */
  previewDir?: string;
}

const TOKEN_COOKIE = 'authoring_token';

function precondition(c: Context): { ifMatch?: string; ifNoneMatch?: string } {
  const ifMatch = c.req.header('if-match');
  const ifNoneMatch = c.req.header('if-none-match');
  return { ...(ifMatch !== undefined && { ifMatch }), ...(ifNoneMatch !== undefined && { ifNoneMatch }) };
}

async function body<T>(c: Context): Promise<T> {
  try {
    return (await c.req.json()) as T;
  } catch (cause) {
    throw new AuthoringError('BODY_INVALID', { issue: 'JSON body expected' }, { cause });
  }
}

function mediaTypeOf(path: string): string {
  if (path.endsWith('.geojson')) return 'application/geo+json';
  if (path.endsWith('.json')) return 'application/json; charset=utf-8';
  if (path.endsWith('.md')) return 'text/markdown; charset=utf-8';
  return mediaTypeForPath(path) ?? 'application/octet-stream';
}

/** Reads a tour's stops and route loosely (the simulator must work on a tour that does not validate yet). */
async function walkInputs(store: TourStore, id: string): Promise<{ stops: SimStop[]; route: LngLat[] }> {
  const { value: tour } = await store.readJson<{ stops: string[]; route: string }>(id, 'tour.json');
  const stops: SimStop[] = [];
  for (const s of tour.stops) {
    const { value } = await store.readJson<SimStop>(id, `stops/${s}.json`);
    stops.push({ id: value.id, position: value.position, trigger: value.trigger });
  }
  const routeFile = await store.read(id, tour.route).catch(() => undefined);
  let route: LngLat[] = [];
  try {
    if (routeFile) route = parseGeoJsonLine(new TextDecoder().decode(routeFile.bytes));
  } catch {
    route = [];
  }
  return { stops, route };
}

const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

/** The HTTP API and the UI. Routes answer errors as `{ code, message, details }` with the code's status. */
export function createApp(opts: AppOptions): Hono {
  const { store } = opts;
  const app = new Hono();

  app.onError((err, c) => {
    if (isAuthoringError(err)) {
      const headers: Record<string, string> = err.details.etag ? { ETag: err.details.etag } : {};
      return c.json(err.toJSON(), err.status as 400, headers);
    }
    console.error(err);
    return c.json({ code: 'INTERNAL', message: String((err as Error).message ?? err), details: {} }, 500);
  });

  app.use('*', async (c, next) => {
    if (opts.allowedHosts?.length) {
      // In Node, the request URL is built from the Host header.
      const host = new URL(c.req.url).hostname.replace(/^\[|\]$/g, '');
      if (!opts.allowedHosts.includes(host)) {
        throw new AuthoringError('UNAUTHORIZED', { issue: `host '${host}' not allowed` });
      }
    }
    if (opts.token) {
      const url = new URL(c.req.url);
      const given =
        c.req.header('authorization')?.replace(/^Bearer\s+/i, '') ??
        /(?:^|;\s*)authoring_token=([^;]+)/.exec(c.req.header('cookie') ?? '')?.[1] ??
        url.searchParams.get('token');
      if (given !== opts.token) throw new AuthoringError('UNAUTHORIZED');
      if (url.searchParams.get('token')) {
        c.header('Set-Cookie', `${TOKEN_COOKIE}=${opts.token}; Path=/; HttpOnly; SameSite=Strict`);
      }
    }
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    if (!c.req.path.startsWith('/preview/')) c.header('Content-Security-Policy', contentSecurityPolicy);
  });

  // ---- tours ------------------------------------------------------------------------------------
  app.get('/api/tours', async (c) => c.json(await store.listTours()));

  app.post('/api/tours', async (c) => {
    const b = await body<{ id?: string; title?: Text; centre?: LngLat }>(c);
    if (!b.id || !b.title) throw new AuthoringError('BODY_INVALID', { pointer: b.id ? '/title' : '/id' });
    await store.createTour({ id: b.id, title: b.title, ...(b.centre && { centre: b.centre }) });
    return c.json({ id: b.id }, 201);
  });

  app.post('/api/tours/:id/duplicate', async (c) => {
    const b = await body<{ newId?: string }>(c);
    if (!b.newId) throw new AuthoringError('BODY_INVALID', { pointer: '/newId' });
    await store.duplicateTour(c.req.param('id'), b.newId);
    return c.json({ id: b.newId }, 201);
  });

  app.post('/api/tours/:id/archive', async (c) => c.json(await store.archiveTour(c.req.param('id'))));

  // ---- files (the source of truth), guarded by ETags ---------------------------------------------
  app.get('/api/tours/:id/files/*', async (c) => {
    const rel = decodeURIComponent(c.req.path.replace(/^\/api\/tours\/[^/]+\/files\//, ''));
    const { bytes, etag } = await store.read(c.req.param('id'), rel);
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, { ETag: etag });
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      ETag: etag,
      'Content-Type': mediaTypeOf(rel),
      'Cache-Control': 'no-cache',
    });
  });

  app.put('/api/tours/:id/files/*', async (c) => {
    const rel = decodeURIComponent(c.req.path.replace(/^\/api\/tours\/[^/]+\/files\//, ''));
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (rel.endsWith('.vtt')) checkCaptions(new TextDecoder().decode(bytes));
    const { etag } = await store.write(c.req.param('id'), rel, bytes, precondition(c));
    return c.json({ etag }, 200, { ETag: etag });
  });

  app.delete('/api/tours/:id/files/*', async (c) => {
    const rel = decodeURIComponent(c.req.path.replace(/^\/api\/tours\/[^/]+\/files\//, ''));
    await store.remove(c.req.param('id'), rel, precondition(c));
    return c.body(null, 204);
  });

  // ---- stops (two files change together: the stop and tour.json's list) -------------------------
  app.post('/api/tours/:id/stops', async (c) => {
    const b = await body<{ id?: string; title?: Text; position?: LngLat; after?: string }>(c);
    const p = b.position;
    if (!Array.isArray(p) || p.length !== 2 || !p.every((n) => typeof n === 'number' && Number.isFinite(n))) {
      throw new AuthoringError('BODY_INVALID', { pointer: '/position' });
    }
    const result = await store.addStop(c.req.param('id'), {
      title: b.title ?? { fr: 'Nouvel arrêt', en: 'New stop', nl: 'Nieuwe halte' },
      position: p,
      ...(b.id && { id: b.id }),
      ...(b.after && { after: b.after }),
    });
    return c.json(result, 201, { ETag: result.etag });
  });

  app.delete('/api/tours/:id/stops/:stop', async (c) => {
    await store.removeStop(c.req.param('id'), c.req.param('stop'), precondition(c));
    return c.body(null, 204);
  });

  // ---- route import ------------------------------------------------------------------------------
  app.post('/api/tours/:id/route/import', async (c) => {
    const id = c.req.param('id');
    const text = await c.req.text();
    const format = c.req.query('format') ?? (text.trimStart().startsWith('<') ? 'gpx' : 'geojson');
    const line = format === 'gpx' ? parseGpx(text).map((p) => p.position) : parseGeoJsonLine(text);
    const { value: tour } = await store.readJson<{ route: string }>(id, 'tour.json');
    const doc = {
      type: 'Feature',
      properties: { importedFrom: format },
      geometry: { type: 'LineString', coordinates: line },
    };
    const { etag } = await store.write(id, tour.route, jsonBytes(doc), precondition(c));
    return c.json({
      etag,
      points: line.length,
      lengthM: Math.round(lineLengthM(line)),
      bounds: boundsOf(line, 100),
    });
  });

  // ---- validation, media, simulation, publish ----------------------------------------------------
  app.get('/api/tours/:id/report', async (c) => {
    const id = c.req.param('id');
    if (!(await store.exists(id))) throw new AuthoringError('NOT_FOUND', { tour: id });
    return c.json(await tourReport(store.tourDir(id)));
  });

  app.post('/api/tours/:id/media', async (c) => {
    const kind = c.req.query('kind') as MediaKind | undefined;
    if (!kind || !['image', 'audio', 'panorama', 'model'].includes(kind)) {
      throw new AuthoringError('BODY_INVALID', { pointer: '/kind' });
    }
    const sourceUrl = c.req.query('sourceUrl');
    const asset = await importMedia(store, c.req.param('id'), {
      kind,
      name: c.req.query('name') ?? kind,
      credit: c.req.query('credit') ?? '',
      licence: c.req.query('licence') ?? '',
      ...(sourceUrl && { sourceUrl }),
      bytes: new Uint8Array(await c.req.arrayBuffer()),
    });
    return c.json(asset, 201);
  });

  // ---- map layers: the same importers as `tour import`, clipped to the tour's area --------------------
  app.get('/api/tours/:id/layers', async (c) => c.json(await layersOverview(store, c.req.param('id'))));

  app.post('/api/tours/:id/layers/import', async (c) => {
    const upload = await layersUpload(c);
    const id = c.req.param('id');
    const save = c.req.query('save') === '1';
    const report = save
      ? await saveLayersImport(store, id, upload)
      : await previewLayersImport(store, id, upload);
    return c.json(report, save ? 201 : 200);
  });

  app.post('/api/tours/:id/narration/draft', async (c) => {
    const b = await body<Partial<DraftNarrationRequest>>(c);
    if (
      !b.stop ||
      !b.list ||
      typeof b.block !== 'number' ||
      !b.locale ||
      !['fr', 'en', 'nl'].includes(b.locale)
    ) {
      throw new AuthoringError('BODY_INVALID', { issue: 'stop, list, block and locale are required' });
    }
    return c.json(await draftNarration(store, c.req.param('id'), b as DraftNarrationRequest), 201);
  });

  app.post('/api/tours/:id/simulate', async (c) => {
    const id = c.req.param('id');
    const b = await body<{
      speedMps?: number;
      noiseM?: number;
      accuracyM?: number;
      seed?: number;
      gpx?: string;
    }>(c);
    const { stops, route } = await walkInputs(store, id);
    const path: TracePoint[] = b.gpx ? parseGpx(b.gpx) : route.map((position) => ({ position }));
    if (path.length < 2)
      throw new AuthoringError('BODY_INVALID', {
        tour: id,
        file: 'route.geojson',
        issue: 'no route to walk',
      });
    const result = simulateWalk(stops, path, {
      speedMps: b.speedMps ?? 1.3,
      noiseM: b.noiseM ?? 5,
      accuracyM: b.accuracyM ?? 10,
      seed: b.seed ?? 1,
    });
    return c.json({ ...result, path: path.map((p) => p.position) });
  });

  app.post('/api/tours/:id/publish', async (c) => {
    const b = await body<{ bump?: Bump; note?: Text; allowMissing?: boolean; draftVoices?: boolean }>(c);
    const bump = b.bump ?? 'minor';
    if (!['major', 'minor', 'patch'].includes(bump))
      throw new AuthoringError('BODY_INVALID', { pointer: '/bump' });
    const result = await publishTour(store, opts.publishDir, c.req.param('id'), {
      bump,
      ...(b.note && { note: b.note }),
      allowMissing: b.allowMissing ?? false,
      privateKey: opts.signing.privateKey,
      trustedKeys: opts.signing.trustedKeys,
      ...(b.draftVoices !== false && opts.prepare && { prepare: opts.prepare }),
    });
    return c.json(result);
  });

  // ---- live changes --------------------------------------------------------------------------------
  app.get('/api/events', (c) =>
    streamSSE(c, async (stream) => {
      const queue: TourFileChange[] = [];
      let wake: (() => void) | undefined;
      const off = opts.onChange?.((change) => {
        queue.push(change);
        wake?.();
      });
      stream.onAbort(() => {
        off?.();
        wake?.();
      });
      await stream.writeSSE({ event: 'ready', data: '{}' });
      while (!stream.aborted) {
        const next = queue.shift();
        if (next) {
          await stream.writeSSE({ event: 'change', data: JSON.stringify(next) });
          continue;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 15_000);
        });
        if (queue.length === 0 && !stream.aborted) await stream.writeSSE({ event: 'ping', data: '{}' });
      }
    }),
  );

  // ---- published packages (for the visitor preview) and the UI ------------------------------------
  app.get('/published/*', async (c) => {
    const rel = c.req.path.replace(/^\/published\//, '');
    if (rel.split('/').some((p) => p === '..' || p.startsWith('.'))) throw new AuthoringError('PATH_UNSAFE');
    const bytes = await readFile(join(opts.publishDir, rel)).catch(() => undefined);
    if (!bytes) throw new AuthoringError('NOT_FOUND', { file: rel });
    return c.body(new Uint8Array(bytes), 200, { 'Content-Type': mediaTypeOf(rel) });
  });

  if (opts.previewDir) {
    const previewDir = opts.previewDir;
    app.get('/preview/config.json', (c) =>
      c.json({ catalogueUrl: 'tours/catalogue.json', trustedKeys: opts.signing.trustedKeys }),
    );
    app.get('/preview/tours/catalogue.json', async (c) => c.json(await previewCatalogue(opts.publishDir)));
    app.get('/preview/*', async (c) => {
      const rel = c.req.path.replace(/^\/preview\/?/, '') || 'index.html';
      if (rel.split('/').some((p) => p === '..' || p.startsWith('.')))
        throw new AuthoringError('PATH_UNSAFE');
      const packaged = /^tours\/packages\/(.+)$/.exec(rel)?.[1];
      const file = packaged ? join(opts.publishDir, packaged) : join(previewDir, rel);
      const bytes =
        (await readFile(file).catch(() => undefined)) ??
        (packaged || rel.includes('.')
          ? undefined
          : await readFile(join(previewDir, 'index.html')).catch(() => undefined));
      if (!bytes) throw new AuthoringError('NOT_FOUND', { file: rel });
      return c.body(new Uint8Array(bytes), 200, {
        'Content-Type': packaged
          ? mediaTypeOf(rel)
          : rel.includes('.')
            ? mediaTypeOfStatic(rel)
            : 'text/html; charset=utf-8',
      });
    });
  }

  if (opts.uiDir) {
    const uiDir = opts.uiDir;
    app.get('*', async (c) => {
      const rel = c.req.path === '/' ? 'index.html' : c.req.path.slice(1);
      if (rel.split('/').some((p) => p === '..' || p.startsWith('.')))
        throw new AuthoringError('PATH_UNSAFE');
      const bytes =
        (await readFile(join(uiDir, rel)).catch(() => undefined)) ??
        (rel.includes('.') ? undefined : await readFile(join(uiDir, 'index.html')).catch(() => undefined));
      if (!bytes) throw new AuthoringError('NOT_FOUND', { file: rel });
      const type = rel.includes('.') ? mediaTypeOfStatic(rel) : 'text/html; charset=utf-8';
      return c.body(new Uint8Array(bytes), 200, { 'Content-Type': type });
    });
  }
  return app;
}

/** `multipart/form-data`: `kind`, one or more `file`, and for GeoJSON/GTFS the source's `name`, `licence`, `attribution`, `url`. */
async function layersUpload(c: Context): Promise<LayersUpload> {
  // Judge the size before reading the body into memory (the multipart framing adds a little).
  if (Number(c.req.header('content-length') ?? 0) > LAYERS_UPLOAD_MAX_BYTES + 1024 * 1024) {
    throw new AuthoringError('BODY_INVALID', {
      pointer: '/file',
      issue: 'too large',
      limit: LAYERS_UPLOAD_MAX_BYTES,
    });
  }
  let form: Record<string, string | File | (string | File)[]>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch (cause) {
    throw new AuthoringError('BODY_INVALID', { issue: 'multipart/form-data expected' }, { cause });
  }
  const one = (k: string): string => {
    const v = form[k];
    const s = Array.isArray(v) ? v[0] : v;
    return typeof s === 'string' ? s.trim() : '';
  };
  const raw = form['file'];
  const files = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
    (f): f is File => typeof f !== 'string',
  );
  const name = one('name');
  const category = one('category');
  return {
    kind: one('kind') as LayerImportKind,
    files: await Promise.all(
      files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    ),
    ...((name || one('licence') || one('attribution')) && {
      source: {
        name,
        licence: one('licence'),
        attribution: one('attribution'),
        ...(one('url') && { url: one('url') }),
      },
    }),
    ...(category && { category: category as LayersUpload['category'] & string }),
  };
}

function mediaTypeOfStatic(rel: string): string {
  const ext = rel.slice(rel.lastIndexOf('.') + 1);
  const types: Record<string, string> = {
    html: 'text/html; charset=utf-8',
    js: 'text/javascript; charset=utf-8',
    mjs: 'text/javascript; charset=utf-8',
    css: 'text/css; charset=utf-8',
    svg: 'image/svg+xml',
    png: 'image/png',
    json: 'application/json',
    webp: 'image/webp',
    woff2: 'font/woff2',
    webmanifest: 'application/manifest+json',
  };
  return types[ext] ?? 'application/octet-stream';
}
