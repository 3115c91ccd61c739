/**
 * Main's end of the kiosk channel: it answers only the kiosk page, checks every request against the
 * contracts (through the dispatcher) and forwards the core's events to the window.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNELS } from '../common/ipc';
import type { RpcEvent, RpcResponse } from '../common/rpc';
import { isTrustedSender } from './security';

export interface KioskIpcOptions {
  dispatch(request: unknown): Promise<RpcResponse>;
  /** The kiosk window's contents: requests from any other sender are refused. */
  contents(): WebContents | null;
}

export function registerKioskIpc(ipcMain: IpcMain, options: KioskIpcOptions): () => void {
  ipcMain.handle(CHANNELS.request, async (event: IpcMainInvokeEvent, request: unknown) => {
    const window = options.contents();
    const trusted = window !== null && event.sender === window && isTrustedSender(event.senderFrame?.url);
    if (!trusted) {
      const id = typeof (request as { id?: unknown })?.id === 'number' ? (request as { id: number }).id : -1;
      const refusal: RpcResponse = {
        id,
        ok: false,
        error: { code: 'bad-request', message: 'untrusted sender' },
      };
      return refusal;
    }
    return options.dispatch(request);
  });
  return () => ipcMain.removeHandler(CHANNELS.request);
}

export function sendKioskEvent(contents: WebContents | null, event: RpcEvent): void {
  if (contents && !contents.isDestroyed()) contents.send(CHANNELS.event, event);
}
