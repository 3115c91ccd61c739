/**
 * The Electron channel names and the bridge's shape: the only things the preload imports, so the
 * sandboxed preload stays a few lines with no dependency (no zod, no contracts).
 */
import type { RpcEvent, RpcResponse, Unsubscribe } from './rpc';

export const CHANNEL_PREFIX = 'kiosk:';
export const CHANNELS = {
  request: `${CHANNEL_PREFIX}request`,
  event: `${CHANNEL_PREFIX}event`,
} as const;

/** The one object the preload exposes as `window.kioskBridge`. */
export interface KioskBridge {
  request(service: string, method: string, args: unknown[]): Promise<RpcResponse>;
  listen(listener: (event: RpcEvent) => void): Unsubscribe;
}

export const BRIDGE_KEY = 'kioskBridge';
