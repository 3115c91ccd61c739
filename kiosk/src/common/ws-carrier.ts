/**
 * The browser shell's carrier of the kiosk contracts: the same requests and events as the Electron
 * preload, over one WebSocket to the host process. Reconnects by itself; calls made while the socket is
 * down wait for it (up to `requestTimeoutMs`) rather than failing at once, so a host restart is a pause.
 */
import { PendingRequests, type RpcCarrier, type RpcEvent, type RpcResponse, type Unsubscribe } from './rpc';

export interface WebSocketCarrierOptions {
  /** Delay before each reconnect attempt, doubled up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  requestTimeoutMs?: number;
  /** Injected for tests in Node; the browser's WebSocket by default. */
  WebSocketImpl?: typeof WebSocket;
  onConnectionChange?: (connected: boolean) => void;
}

export interface WebSocketCarrier extends RpcCarrier {
  close(): void;
  readonly connected: boolean;
}

export function createWebSocketCarrier(url: string, options: WebSocketCarrierOptions = {}): WebSocketCarrier {
  const Impl = options.WebSocketImpl ?? WebSocket;
  const pending = new PendingRequests();
  const listeners = new Set<(event: RpcEvent) => void>();
  const outbox: string[] = [];
  let socket: WebSocket | null = null;
  let connected = false;
  let closed = false;
  let backoff = options.backoffMs ?? 250;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const setConnected = (value: boolean) => {
    if (connected === value) return;
    connected = value;
    options.onConnectionChange?.(value);
  };

  const connect = () => {
    if (closed) return;
    const ws = new Impl(url);
    socket = ws;
    ws.onopen = () => {
      backoff = options.backoffMs ?? 250;
      setConnected(true);
      while (outbox.length > 0 && ws.readyState === Impl.OPEN) ws.send(outbox.shift()!);
    };
    ws.onmessage = (message: MessageEvent) => {
      let data: unknown;
      try {
        data = JSON.parse(String(message.data));
      } catch {
        return;
      }
      if (typeof data !== 'object' || data === null) return;
      if ('event' in data) listeners.forEach((l) => l(data as RpcEvent));
      else if ('id' in data) pending.settle(data as RpcResponse);
    };
    ws.onclose = () => {
      socket = null;
      setConnected(false);
      if (closed) return;
      timer = setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, options.maxBackoffMs ?? 5000);
    };
    ws.onerror = () => {
      // `close` follows every error; reconnection is decided there.
    };
  };
  connect();

  return {
    get connected() {
      return connected;
    },
    request(service, method, args) {
      const { id, result } = pending.open();
      const frame = JSON.stringify({ id, service, method, args });
      if (socket && socket.readyState === Impl.OPEN) socket.send(frame);
      else outbox.push(frame);
      const timeoutMs = options.requestTimeoutMs ?? 15_000;
      let timeout: ReturnType<typeof setTimeout> | undefined;
      const expiry = new Promise<never>((_, reject) => {
        timeout = setTimeout(
          () =>
            reject(Object.assign(new Error(`${service}.${method}: no answer`), { code: 'transport-closed' })),
          timeoutMs,
        );
      });
      return Promise.race([result, expiry]).finally(() => clearTimeout(timeout));
    },
    listen(service, event, listener): Unsubscribe {
      const l = (msg: RpcEvent) => {
        if (msg.service === service && msg.event === event) listener(msg.payload);
      };
      listeners.add(l);
      return () => listeners.delete(l);
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      socket?.close();
      pending.failAll('carrier closed');
    },
  };
}
