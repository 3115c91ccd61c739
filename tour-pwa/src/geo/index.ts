// The geo core of the tour PWA: the only entry the app imports. No DOM or framework at import time.
export type { LngLat, Fix } from './types';
export { isLngLat } from './types';
export { GeoError } from './GeoError';
export type { GeoErrorCode, GeoErrorDetails } from './GeoError';

export { EARTH_RADIUS_M, distanceM, bearingDeg, destination, routeLengthM, alongRoute } from './distances';

export { createFixFilter, DEFAULT_MAX_SPEED_MPS, SMOOTHING_RESET_MS } from './fixFilter';
export type { FixFilterOptions, FixVerdict, FixRejection } from './fixFilter';

export { createPointIndex } from './pointIndex';
export type { IndexedPoint, PointIndex } from './pointIndex';

export { createGeofencer, ENTER_ACCURACY_FACTOR } from './geofencer';
export type { GeofenceStop, GeofenceEvent, GeofenceState, Geofencer, GeofencerOptions } from './geofencer';

export type { PositionSource } from './positionSource';
export { deviceSource } from './deviceSource';
export type { DeviceSourceOptions } from './deviceSource';
export { simulatedWalk, walkFixes, DEFAULT_WALK_SPEED_MPS } from './simulatedWalk';
export type { SimulatedWalkOptions, WalkFixesOptions } from './simulatedWalk';
export { parseGpx } from './parseGpx';
export { parseRouteGeoJson } from './parseRouteGeoJson';

export { geoErrorMessages } from './messages';
export type { GeoLocale } from './messages';
