/** A WGS84 position in GeoJSON order: longitude first (as in content/FORMAT.md). */
export type LngLat = [lon: number, lat: number];

/** One position report, from the device or a simulator. */
export interface Fix {
  position: LngLat;
  /** Radius of the horizontal uncertainty in metres, as the Geolocation API reports it (95 % confidence). */
  accuracyM: number;
  /** Milliseconds since the Unix epoch (or any monotonic origin the caller keeps consistent). */
  timestamp: number;
  headingDeg?: number | null;
  speedMps?: number | null;
}

/** True when `p` is a finite longitude in [-180, 180] and latitude in [-90, 90]. */
export function isLngLat(p: unknown): p is LngLat {
  if (!Array.isArray(p) || p.length < 2) return false;
  const [lon, lat] = p as unknown[];
  return (
    typeof lon === 'number' &&
    typeof lat === 'number' &&
    Number.isFinite(lon) &&
    Number.isFinite(lat) &&
    lon >= -180 &&
    lon <= 180 &&
    lat >= -90 &&
    lat <= 90
  );
}
