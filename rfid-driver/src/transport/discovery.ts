import { RfidError } from '../errors';
import { HidTransport } from './HidTransport';
import { SerialTransport } from './SerialTransport';
import type { Transport } from './Transport';

export type ReaderFamily = '3m' | 'feig' | 'hid-rrhf';

/** Serial line settings of each family (from the vendors' protocol descriptions). */
export const SERIAL_SETTINGS: Record<'3m' | 'feig', { baudRate: number; parity: 'none' | 'even' }> = {
  '3m': { baudRate: 19200, parity: 'none' }, // 3M 810/210: 19200 8N1
  feig: { baudRate: 38400, parity: 'even' }, // FEIG ID CPR/ISC: 38400 8E1 (factory default)
};

export interface KnownDevice {
  vendorId: number;
  productId?: number;
  family: ReaderFamily;
  bus: 'serial' | 'hid';
  note: string;
}

/**
 * USB ids matched to a family. Only the RRHFOEM04 pair and the FEIG vendor
 * id are taken from public sources; 3M pads enumerate through a generic
 * USB-serial bridge, so they cannot be told apart from other adapters and
 * need configuration (`protocol: '3m'`).
 */
export const KNOWN_DEVICES: readonly KnownDevice[] = [
  { vendorId: 0x1781, productId: 0x0c10, family: 'hid-rrhf', bus: 'hid', note: 'RRHFOEM04 HID reader' },
  { vendorId: 0x0ab1, family: 'feig', bus: 'serial', note: 'FEIG ELECTRONIC (USB CDC / serial)' },
];

export interface DeviceInfo {
  bus: 'serial' | 'hid';
  path: string;
  vendorId?: number;
  productId?: number;
  manufacturer?: string;
  product?: string;
  /** Family matched from the USB ids or from an override; undefined when unknown. */
  family?: ReaderFamily;
}

export interface DiscoveryOverride {
  /** Device path, or "vid:pid" in hex (e.g. "0403:6001"). */
  match: string;
  family: ReaderFamily;
}

/** Pure matching step of discovery: overrides first, then the known-id table. */
export function matchFamily(
  d: Omit<DeviceInfo, 'family'>,
  overrides: readonly DiscoveryOverride[] = [],
): ReaderFamily | undefined {
  const vidpid =
    d.vendorId !== undefined && d.productId !== undefined
      ? `${d.vendorId.toString(16).padStart(4, '0')}:${d.productId.toString(16).padStart(4, '0')}`
      : undefined;
  const o = overrides.find((x) => x.match === d.path || x.match.toLowerCase() === vidpid);
  if (o) return o.family;
  return KNOWN_DEVICES.find(
    (k) =>
      k.bus === d.bus &&
      k.vendorId === d.vendorId &&
      (k.productId === undefined || k.productId === d.productId),
  )?.family;
}

/** Lists serial ports and HID devices and names the family of each reader it recognises. */
export async function listDevices(overrides: readonly DiscoveryOverride[] = []): Promise<DeviceInfo[]> {
  const out: DeviceInfo[] = [];
  const { SerialPort } = await import('serialport');
  for (const p of await SerialPort.list()) {
    const base = {
      bus: 'serial' as const,
      path: p.path,
      ...(p.vendorId ? { vendorId: parseInt(p.vendorId, 16) } : {}),
      ...(p.productId ? { productId: parseInt(p.productId, 16) } : {}),
      ...(p.manufacturer ? { manufacturer: p.manufacturer } : {}),
    };
    const family = matchFamily(base, overrides);
    out.push({ ...base, ...(family ? { family } : {}) });
  }
  try {
    const hid = await import('node-hid');
    for (const h of await hid.devicesAsync()) {
      if (!h.path) continue;
      const base = {
        bus: 'hid' as const,
        path: h.path,
        vendorId: h.vendorId,
        productId: h.productId,
        ...(h.manufacturer ? { manufacturer: h.manufacturer } : {}),
        ...(h.product ? { product: h.product } : {}),
      };
      const family = matchFamily(base, overrides);
      out.push({ ...base, ...(family ? { family } : {}) });
    }
  } catch {
    // no HID support on this machine (no hidraw): serial devices are still listed
  }
  return out;
}

export interface TransportConfig {
  protocol: ReaderFamily;
  /** Serial device path or HID path. */
  path?: string;
  vendorId?: number;
  productId?: number;
  /** Override the family's default baud rate. */
  baudRate?: number;
}

/** Builds the transport a reader family needs (not opened yet). */
export function createTransport(config: TransportConfig): Transport {
  if (config.protocol === 'hid-rrhf') {
    return new HidTransport({
      ...(config.path ? { path: config.path } : {}),
      vendorId: config.vendorId ?? 0x1781,
      productId: config.productId ?? 0x0c10,
    });
  }
  if (!config.path) throw new RfidError('CONFIG', { field: 'path' });
  const s = SERIAL_SETTINGS[config.protocol];
  if (!s) throw new RfidError('CONFIG', { field: 'protocol', actual: String(config.protocol) });
  return new SerialTransport({
    path: config.path,
    baudRate: config.baudRate ?? s.baudRate,
    parity: s.parity,
  });
}
