/**
 * Picks the carrier: the Electron preload's bridge when the page runs in the kiosk window, the host's
 * WebSocket when it runs in a browser (development, demo, end-to-end tests). Same contracts either way.
 */
import { BRIDGE_KEY, bridgeCarrier, type KioskBridge } from '../common/ipc';
import { createClient, type Services } from '../common/rpc';
import { createWebSocketCarrier } from '../common/ws-carrier';

export function connect(onConnectionChange?: (connected: boolean) => void): Services {
  const bridge = (window as unknown as Record<string, KioskBridge | undefined>)[BRIDGE_KEY];
  if (bridge) {
    onConnectionChange?.(true);
    return createClient(bridgeCarrier(bridge));
  }
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return createClient(
    createWebSocketCarrier(
      `${scheme}://${location.host}/rpc`,
      onConnectionChange ? { onConnectionChange } : {},
    ),
  );
}
