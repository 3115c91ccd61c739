import { catalogueSchema } from '@dunkirk/content';
import type { Text } from '@dunkirk/content';
import { TourAppError } from './errors';
import { createStore } from './store';

/** What the catalogue says of one tour: enough to choose it before downloading anything. */
export interface TourSummary {
  id: string;
  version: string;
  title: Text;
  subtitle?: Text;
  description: Text;
  locales: string[];
  characters: { id: string; name: string; role?: Text }[];
  scenarios: { id: string; audience: string; character: string; title: Text }[];
  durationMin: number;
  distanceM: number;
  stopCount: number;
  bounds: [number, number, number, number];
  /** Absolute URL of the package folder, ending with '/'. */
  packageUrl: string;
  packageBytes: number;
  firstStopBytes: number;
}

export async function fetchCatalogue(fetchFn: typeof fetch, url: string): Promise<TourSummary[]> {
  let res: Response;
  try {
    res = await fetchFn(url, { cache: 'no-cache' });
  } catch (cause) {
    throw new TourAppError('CATALOGUE_UNAVAILABLE', { path: url }, { cause });
  }
  if (!res.ok) throw new TourAppError('CATALOGUE_UNAVAILABLE', { path: url, status: res.status });
  let json: unknown;
  try {
    json = await res.json();
  } catch (cause) {
    throw new TourAppError('CATALOGUE_INVALID', { path: url }, { cause });
  }
  return parseCatalogue(json, res.url || url);
}

export function parseCatalogue(json: unknown, catalogueUrl: string): TourSummary[] {
  const parsed = catalogueSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TourAppError('CATALOGUE_INVALID', {
      path: catalogueUrl,
      pointer: issue ? '/' + issue.path.map(String).join('/') : '',
    });
  }
  return parsed.data.tours.map((t) => ({
    ...(t as Omit<TourSummary, 'packageUrl'>),
    packageUrl: new URL(t.packageUrl, catalogueUrl).href,
  }));
}

export interface CatalogueState {
  status: 'loading' | 'ready' | 'failed';
  tours: TourSummary[];
  error: string | null;
}

/** The catalogue as a store: fetched once per page, refreshable; offline it fails and the library shows. */
export function createCatalogueStore(fetchFn: typeof fetch, url: string) {
  const store = createStore<CatalogueState>({ status: 'loading', tours: [], error: null });
  async function refresh(): Promise<void> {
    store.set({ status: 'loading' });
    try {
      store.set({ status: 'ready', tours: await fetchCatalogue(fetchFn, url), error: null });
    } catch (err) {
      store.set({ status: 'failed', error: err instanceof TourAppError ? err.code : 'UNKNOWN' });
    }
  }
  return { store, refresh };
}
