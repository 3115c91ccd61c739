/**
 * The authoring server's HTTP API, typed. No React here: the session core and tests use it as is.
 * Errors arrive as `{ code, message, details }`; `ApiError` keeps them for the UI to translate.
 */
import type {
  Bump,
  ImportedAsset,
  LayerImportKind,
  LayersImportReport,
  LayersOverview,
  MediaKind,
  PublishResult,
  TourReport,
  TourSummary,
  WalkResult,
} from './types';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    readonly details: {
      file?: string;
      pointer?: string;
      etag?: string;
      issue?: string;
      [k: string]: unknown;
    },
    message: string,
  ) {
    super(message);
  }
}

export interface Versioned<T> {
  value: T;
  etag: string;
}

async function check(res: Response): Promise<Response> {
  if (res.ok) return res;
  let body: { code?: string; message?: string; details?: ApiError['details'] } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    // not JSON: keep the status
  }
  throw new ApiError(
    res.status,
    body.code ?? `HTTP_${res.status}`,
    body.details ?? {},
    body.message ?? res.statusText,
  );
}

const enc = encodeURIComponent;
const fileUrl = (tour: string, file: string): string =>
  `/api/tours/${enc(tour)}/files/${file.split('/').map(enc).join('/')}`;

async function postJson<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await check(
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    }),
  );
  return (await res.json()) as T;
}

export const api = {
  listTours: async (): Promise<TourSummary[]> =>
    (await check(await fetch('/api/tours'))).json() as Promise<TourSummary[]>,
  createTour: (id: string, title: Record<string, string>): Promise<{ id: string }> =>
    postJson('/api/tours', { id, title }),
  duplicateTour: (id: string, newId: string): Promise<{ id: string }> =>
    postJson(`/api/tours/${enc(id)}/duplicate`, { newId }),
  archiveTour: (id: string): Promise<{ archivedTo: string }> => postJson(`/api/tours/${enc(id)}/archive`, {}),

  async readJson<T>(tour: string, file: string): Promise<Versioned<T>> {
    const res = await check(await fetch(fileUrl(tour, file), { cache: 'no-store' }));
    return { value: (await res.json()) as T, etag: res.headers.get('etag') ?? '' };
  },
  /** Saves if the file is still at `etag` (else ApiError 412 with `details.etag` = theirs). */
  async writeJson(tour: string, file: string, value: unknown, etag: string | null): Promise<string> {
    const res = await check(
      await fetch(fileUrl(tour, file), {
        method: 'PUT',
        headers: etag === null ? { 'if-none-match': '*' } : { 'if-match': etag },
        body: JSON.stringify(value, null, 2) + '\n',
      }),
    );
    return res.headers.get('etag') ?? '';
  },
  mediaUrl: (tour: string, file: string): string => fileUrl(tour, file),

  addStop: (
    tour: string,
    position: [number, number],
    title: Record<string, string>,
  ): Promise<{ stopId: string; etag: string }> =>
    postJson(`/api/tours/${enc(tour)}/stops`, { position, title }),
  async removeStop(tour: string, stop: string, etag: string): Promise<void> {
    await check(
      await fetch(`/api/tours/${enc(tour)}/stops/${enc(stop)}`, {
        method: 'DELETE',
        headers: { 'if-match': etag },
      }),
    );
  },
  async importRoute(
    tour: string,
    text: string,
    format: 'gpx' | 'geojson',
    etag: string,
  ): Promise<{ etag: string; points: number }> {
    const res = await check(
      await fetch(`/api/tours/${enc(tour)}/route/import?format=${format}`, {
        method: 'POST',
        headers: { 'if-match': etag },
        body: text,
      }),
    );
    return (await res.json()) as { etag: string; points: number };
  },
  report: async (tour: string): Promise<TourReport> =>
    (
      await check(await fetch(`/api/tours/${enc(tour)}/report`, { cache: 'no-store' }))
    ).json() as Promise<TourReport>,
  async importMedia(
    tour: string,
    file: Blob,
    q: { kind: MediaKind; name: string; credit: string; licence: string; sourceUrl?: string },
  ): Promise<ImportedAsset> {
    const params = new URLSearchParams({ kind: q.kind, name: q.name, credit: q.credit, licence: q.licence });
    if (q.sourceUrl) params.set('sourceUrl', q.sourceUrl);
    const res = await check(
      await fetch(`/api/tours/${enc(tour)}/media?${params}`, { method: 'POST', body: file }),
    );
    return (await res.json()) as ImportedAsset;
  },
  draftNarration: (
    tour: string,
    req: { stop: string; list: string; block: number; locale: string },
  ): Promise<{ audio: string; captions: string; durationS: number }> =>
    postJson(`/api/tours/${enc(tour)}/narration/draft`, req),
  async readText(tour: string, file: string): Promise<Versioned<string>> {
    const res = await check(await fetch(fileUrl(tour, file), { cache: 'no-store' }));
    return { value: await res.text(), etag: res.headers.get('etag') ?? '' };
  },
  async writeText(tour: string, file: string, text: string, etag: string): Promise<string> {
    const res = await check(
      await fetch(fileUrl(tour, file), { method: 'PUT', headers: { 'if-match': etag }, body: text }),
    );
    return res.headers.get('etag') ?? '';
  },
  layers: async (tour: string): Promise<LayersOverview> =>
    (
      await check(await fetch(`/api/tours/${enc(tour)}/layers`, { cache: 'no-store' }))
    ).json() as Promise<LayersOverview>,
  /** Checks (save = false) or saves a data file into the tour's map layers; the server runs `tour import`'s importers. */
  async importLayers(
    tour: string,
    q: {
      kind: LayerImportKind;
      files: readonly File[];
      source?: { name: string; licence: string; attribution: string };
      category?: string;
    },
    save: boolean,
  ): Promise<LayersImportReport> {
    const form = new FormData();
    form.set('kind', q.kind);
    for (const f of q.files) form.append('file', f, f.name);
    if (q.source) {
      form.set('name', q.source.name);
      form.set('licence', q.source.licence);
      form.set('attribution', q.source.attribution);
    }
    if (q.category) form.set('category', q.category);
    const res = await check(
      await fetch(`/api/tours/${enc(tour)}/layers/import${save ? '?save=1' : ''}`, {
        method: 'POST',
        body: form,
      }),
    );
    return (await res.json()) as LayersImportReport;
  },
  simulate: (
    tour: string,
    o: { speedMps: number; noiseM: number; accuracyM: number; seed: number; gpx?: string },
  ): Promise<WalkResult & { path: [number, number][] }> => postJson(`/api/tours/${enc(tour)}/simulate`, o),
  publish: (
    tour: string,
    o: { bump: Bump; note?: Record<string, string>; allowMissing: boolean; draftVoices: boolean },
  ): Promise<PublishResult> => postJson(`/api/tours/${enc(tour)}/publish`, o),
};
