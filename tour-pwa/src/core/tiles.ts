/** Slippy-map tile arithmetic (the OSM / XYZ scheme, Web Mercator) for caching a tour's area. */
export interface TileId {
  z: number;
  x: number;
  y: number;
}

export function lonLatToTile(lon: number, lat: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const clampedLat = Math.max(-85.05112878, Math.min(85.05112878, lat));
  const rad = (clampedLat * Math.PI) / 180;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return { x: Math.min(n - 1, Math.max(0, x)), y: Math.min(n - 1, Math.max(0, y)) };
}

/**
 * Every tile covering `bounds` from `minZoom` up to the highest zoom that keeps
 * the total under `maxTiles` (so a long tour does not fill the phone).
 */
export function tilesForBounds(
  bounds: [west: number, south: number, east: number, north: number],
  minZoom: number,
  maxZoom: number,
  maxTiles: number,
): TileId[] {
  const [west, south, east, north] = bounds;
  const out: TileId[] = [];
  for (let z = minZoom; z <= maxZoom; z++) {
    const a = lonLatToTile(west, north, z);
    const b = lonLatToTile(east, south, z);
    const count = (b.x - a.x + 1) * (b.y - a.y + 1);
    if (out.length + count > maxTiles) break;
    for (let x = a.x; x <= b.x; x++) for (let y = a.y; y <= b.y; y++) out.push({ z, x, y });
  }
  return out;
}
