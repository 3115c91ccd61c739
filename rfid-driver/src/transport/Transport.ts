import type { RfidError } from '../errors';

/**
 * A byte pipe to a reader. Readers receive one and never import a binding.
 *
 * Rules every implementation keeps (checked by test/transport.contract.ts):
 * - `open()` resolves once bytes can flow; it rejects with `OPEN_FAILED`.
 *   Opening an open transport is a no-op.
 * - `write()` before `open()` or after `close()` rejects with `NOT_OPEN`.
 *   A write that cannot complete because the link dropped rejects with an
 *   error whose `disconnected` flag is set; one cut short by `close()` has
 *   `canceled` set.
 * - `data` carries chunks in arrival order; chunk boundaries mean nothing
 *   (framing is the reader's job).
 * - `close` fires exactly once per open: with no argument after `close()`,
 *   with a `DISCONNECTED` RfidError when the device went away. After a
 *   disconnect the same transport may be opened again.
 * - `error` carries faults that do not close the link.
 */
export interface TransportEvents {
  data: (chunk: Uint8Array) => void;
  close: (reason?: RfidError) => void;
  error: (error: RfidError) => void;
}

export interface TransportInfo {
  kind: 'serial' | 'hid' | 'memory';
  /** Device path, HID path, or a name for in-memory links. */
  path: string;
  /** Serial line settings, for byte-time calculations. */
  baudRate?: number;
  /** Bits on the wire per byte (start + data + parity + stop), default 10. */
  bitsPerByte?: number;
}

export interface Transport {
  readonly info: TransportInfo;
  readonly isOpen: boolean;
  open(): Promise<void>;
  write(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
  on<K extends keyof TransportEvents>(event: K, listener: TransportEvents[K]): () => void;
}
