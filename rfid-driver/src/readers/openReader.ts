import { RfidError } from '../errors';
import { DEFAULT_SECURITY, type SecurityConfig } from '../iso28560/security';
import { createTransport, type TransportConfig } from '../transport/discovery';
import type { Transport } from '../transport/Transport';
import type { RfidReader } from './Reader';
import type { ReaderOptions } from './ReaderBase';
import { ThreeMReader } from './3m/ThreeMReader';
import { FeigReader } from './feig/FeigReader';
import { HidReader } from './hid/HidReader';

export interface ReaderConfig extends TransportConfig, ReaderOptions {
  /** AFI pair; default 0x07 on shelf, 0xC2 on loan. */
  afi?: { onShelf: number; onLoan: number };
  /** Also drive the NXP EAS bit (default true). */
  eas?: boolean;
}

/** Builds the reader for a family over a given transport. */
export function readerFor(
  protocol: TransportConfig['protocol'],
  transport: Transport,
  options?: ReaderOptions,
): RfidReader {
  switch (protocol) {
    case '3m':
      return new ThreeMReader(transport, options);
    case 'feig':
      return new FeigReader(transport, options);
    case 'hid-rrhf':
      return new HidReader(transport, options);
    default:
      throw new RfidError('CONFIG', { field: 'protocol', actual: String(protocol) });
  }
}

/** The security settings a config implies. */
export function securityOf(config: Pick<ReaderConfig, 'afi' | 'eas'>): SecurityConfig {
  return { afi: config.afi ?? DEFAULT_SECURITY.afi, eas: config.eas ?? DEFAULT_SECURITY.eas };
}

/** Opens a reader from configuration: `{ protocol: '3m' | 'feig' | 'hid-rrhf', path | vendorId/productId }`. */
export async function openReader(config: ReaderConfig): Promise<RfidReader> {
  const reader = readerFor(config.protocol, createTransport(config), {
    ...config,
    security: securityOf(config),
  });
  await reader.open();
  return reader;
}
