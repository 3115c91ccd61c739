import type { RfidError } from '../errors';
import type { TransportInfo } from '../transport/Transport';
import type { SecurityConfig } from '../iso28560/security';

export interface TagInfo {
  /** Normalised UID: 16 upper-case hex digits, MSB first. */
  uid: string;
  dsfid?: number;
}

export interface ReaderEvents {
  /** The link dropped; pending and new commands fail with `disconnected` until `reconnect`. */
  disconnect: (reason: RfidError) => void;
  reconnect: () => void;
}

/**
 * What every reader family offers. UIDs are normalised strings; block data
 * is in tag memory order (the family converts, e.g. FEIG's reversed blocks).
 */
export interface RfidReader {
  readonly family: string;
  readonly transport: TransportInfo;
  readonly isConnected: boolean;
  /** AFI pair and EAS use that `setSecured` applies by default. */
  readonly security: SecurityConfig;
  open(): Promise<void>;
  close(): Promise<void>;
  version(): Promise<string>;
  inventory(options?: { afi?: number }): Promise<TagInfo[]>;
  readBlocks(uid: string, first: number, count: number): Promise<Uint8Array>;
  writeBlocks(uid: string, first: number, data: Uint8Array): Promise<void>;
  writeAfi(uid: string, afi: number): Promise<void>;
  readAfi(uid: string): Promise<number>;
  /** NXP EAS bit. */
  setEas(uid: string, on: boolean): Promise<void>;
  checkEas(uid: string): Promise<boolean>;
  on<K extends keyof ReaderEvents>(event: K, listener: ReaderEvents[K]): () => void;
}
