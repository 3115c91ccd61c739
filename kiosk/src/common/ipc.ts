/**
 * The Electron carrier of the kiosk contracts: one channel prefix, and the shape of the single object
 * the preload exposes. The renderer turns that object into typed services with `createClient`.
 */
import { KioskError, type RpcCarrier, type RpcEvent, type RpcResponse, type Unsubscribe } from './rpc';

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

/** Adapts the preload's bridge to the carrier interface `createClient` expects. */
export function bridgeCarrier(bridge: KioskBridge): RpcCarrier {
  return {
    async request(service, method, args) {
      const response = await bridge.request(service, method, args);
      if (response.ok) return response.result;
      throw new KioskError(response.error.code, response.error.message);
    },
    listen(service, event, listener) {
      return bridge.listen((msg) => {
        if (msg.service === service && msg.event === event) listener(msg.payload);
      });
    },
  };
}
