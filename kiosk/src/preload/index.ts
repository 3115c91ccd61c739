/**
 * The kiosk window's preload: runs sandboxed, exposes exactly one object, and passes messages only on
 * the kiosk channels. It holds no logic: main checks every request against the contracts.
 * Bundled to one CommonJS file at build time (sandboxed preloads cannot load other files).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_KEY, CHANNELS, type KioskBridge } from '../common/channels';
import type { RpcEvent, RpcResponse } from '../common/rpc';

let nextId = 1;

const bridge: KioskBridge = {
  request: (service, method, args) =>
    ipcRenderer.invoke(CHANNELS.request, { id: nextId++, service, method, args }) as Promise<RpcResponse>,
  listen: (listener) => {
    const handler = (_event: IpcRendererEvent, message: RpcEvent) => listener(message);
    ipcRenderer.on(CHANNELS.event, handler);
    return () => {
      ipcRenderer.removeListener(CHANNELS.event, handler);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
