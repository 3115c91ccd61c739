/**
 * The Electron carrier of the kiosk contracts: one channel prefix, and the shape of the single object
 * the preload exposes. The renderer turns that object into typed services with `createClient`.
 */
import type { KioskBridge } from './channels';
import { KioskError, type RpcCarrier } from './rpc';

export { BRIDGE_KEY, CHANNEL_PREFIX, CHANNELS, type KioskBridge } from './channels';

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
