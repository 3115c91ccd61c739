import type { GeoError } from './GeoError';
import type { Fix } from './types';

/**
 * Anything that produces fixes: the device, a simulated walk, a replayed trace.
 * `start` begins delivery and returns the function that stops it; fixes are never delivered
 * synchronously from inside `start`, nor after the stop function has been called.
 */
export interface PositionSource {
  start(onFix: (f: Fix) => void, onError?: (e: GeoError) => void): () => void;
}
