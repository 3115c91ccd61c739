import type { Asset } from '../schema/manifest';
import { baseMediaType, mediaTypeExtensions } from '../schema/primitives';

/** File extension of an asset under `assets/`: from its media type (`audio/ogg; codecs=opus` → `opus`). */
export function assetExtension(mediaType: string): string {
  const base = baseMediaType(mediaType);
  if (base === 'audio/ogg' && /codecs\s*=\s*"?opus/i.test(mediaType)) return 'opus';
  return mediaTypeExtensions[base] ?? 'bin';
}

/** Where an asset lives inside a package: `assets/<sha256>.<ext>`. */
export function assetPath(asset: Pick<Asset, 'sha256' | 'mediaType'>): string {
  return `assets/${asset.sha256}.${assetExtension(asset.mediaType)}`;
}

/** Media type to serve for a file name, from the same table (for servers and caches). */
export function mediaTypeForPath(path: string): string | undefined {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  if (ext === 'opus') return 'audio/ogg; codecs=opus';
  if (ext === 'json') return 'application/json; charset=utf-8';
  if (ext === 'sig') return 'application/json; charset=utf-8';
  if (ext === 'vtt') return 'text/vtt; charset=utf-8';
  return Object.entries(mediaTypeExtensions).find(([, e]) => e === ext)?.[0];
}
