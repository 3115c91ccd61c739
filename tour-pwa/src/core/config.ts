import { TourAppError } from './errors';

/**
 * Deploy-time configuration: `config.json` next to index.html, written after
 * `vite build` by whoever deploys (the demo, the tests). Nothing here is baked in.
 */
export interface AppConfig {
  /** Absolute or relative to config.json. */
  catalogueUrl: string;
  /** PEM (SPKI) public keys whose signatures the app accepts. */
  trustedKeys: string[];
  /** Raster/vector tile URL template (`{z}/{x}/{y}`) cached for the tour's area at download time. */
  tileUrl?: string;
  /** A MapLibre style URL to use when online (overrides the tour's own style). */
  styleUrl?: string;
  /** A Mapbox access token: when present the map uses the mapbox-gl adapter. */
  mapboxToken?: string;
  /** Highest zoom of the tiles cached for offline use (default 16). */
  offlineMaxZoom?: number;
}

export function parseConfig(raw: unknown, baseUrl: string): AppConfig {
  const fail = (field: string): never => {
    throw new TourAppError('CONFIG_INVALID', { field });
  };
  if (!raw || typeof raw !== 'object') return fail('');
  const r = raw as Record<string, unknown>;
  if (typeof r.catalogueUrl !== 'string' || r.catalogueUrl === '') fail('catalogueUrl');
  if (!Array.isArray(r.trustedKeys) || !r.trustedKeys.every((k) => typeof k === 'string'))
    fail('trustedKeys');
  const optionalString = (k: string): string | undefined => {
    if (r[k] === undefined || r[k] === null || r[k] === '') return undefined;
    return typeof r[k] === 'string' ? (r[k] as string) : fail(k);
  };
  const maxZoom = r.offlineMaxZoom;
  if (maxZoom !== undefined && (typeof maxZoom !== 'number' || maxZoom < 0 || maxZoom > 20))
    fail('offlineMaxZoom');
  const config: AppConfig = {
    catalogueUrl: new URL(r.catalogueUrl as string, baseUrl).href,
    trustedKeys: r.trustedKeys as string[],
  };
  const tileUrl = optionalString('tileUrl');
  const styleUrl = optionalString('styleUrl');
  const mapboxToken = optionalString('mapboxToken');
  if (tileUrl)
    config.tileUrl = new URL(
      tileUrl.replace(/[{}]/g, (c) => encodeURIComponent(c)),
      baseUrl,
    ).href
      .replace(/%7B/g, '{')
      .replace(/%7D/g, '}');
  if (styleUrl) config.styleUrl = new URL(styleUrl, baseUrl).href;
  if (mapboxToken) config.mapboxToken = mapboxToken;
  if (typeof maxZoom === 'number') config.offlineMaxZoom = maxZoom;
  return config;
}

export async function loadConfig(fetchFn: typeof fetch, url: string): Promise<AppConfig> {
  let res: Response;
  try {
    res = await fetchFn(url, { cache: 'no-cache' });
  } catch (cause) {
    throw new TourAppError('CONFIG_INVALID', { path: url }, { cause });
  }
  if (!res.ok) throw new TourAppError('CONFIG_INVALID', { path: url, status: res.status });
  let json: unknown;
  try {
    json = await res.json();
  } catch (cause) {
    throw new TourAppError('CONFIG_INVALID', { path: url }, { cause });
  }
  return parseConfig(json, res.url || url);
}
