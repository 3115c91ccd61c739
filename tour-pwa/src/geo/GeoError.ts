/**
 * Stable codes of every failure the geo core reports. Code branches on these, never on message text;
 * the app translates them with {@link geoErrorMessages}.
 */
export type GeoErrorCode =
  /** The visitor (or the browser's policy) refused location access. Watching stops. */
  | 'PERMISSION_DENIED'
  /** No position could be obtained for now (no satellites, or Chromium between overrides). Watching goes on. */
  | 'POSITION_UNAVAILABLE'
  /** No position arrived within `timeoutMs`. Watching goes on. */
  | 'TIMEOUT'
  /** This browser has no Geolocation API. */
  | 'UNSUPPORTED'
  /** A GPX document is not well formed or a point lacks a valid lat/lon (`details.line`). */
  | 'GPX_INVALID'
  /** A GeoJSON value is not a LineString route (`details.path` is a JSON pointer). */
  | 'GEOJSON_INVALID'
  /** A route has fewer than two points. */
  | 'ROUTE_TOO_SHORT'
  /** A point given to the index or a geofence stop has an invalid field (`details.index`, `details.field`). */
  | 'POINT_INVALID'
  /** A stop id is unknown to the geofencer (`details.stopId`). */
  | 'STOP_UNKNOWN'
  /** An option is out of its range (`details.field`). */
  | 'OPTION_INVALID';

export interface GeoErrorDetails {
  /** 1-based line in a text document. */
  line?: number;
  /** JSON pointer into a parsed document. */
  path?: string;
  /** The field or option at fault. */
  field?: string;
  /** Position of the item at fault in the array given. */
  index?: number;
  stopId?: string;
  /** The browser's own GeolocationPositionError code (1, 2 or 3) when it came from the device. */
  browserCode?: number;
}

/** The one error class of the geo core. */
export class GeoError extends Error {
  override readonly name = 'GeoError';
  constructor(
    readonly code: GeoErrorCode,
    readonly details: GeoErrorDetails = {},
    message?: string,
  ) {
    super(message ?? `${code}${describe(details)}`);
  }
}

function describe(details: GeoErrorDetails): string {
  const parts = Object.entries(details).map(([k, v]) => `${k}=${String(v)}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}
