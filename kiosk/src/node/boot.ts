/**
 * The composition root: from a kiosk configuration to a running core with a real SIP2 connection, a
 * real reader behind the hardware manager, and the configured receipt printer.
 */
import { openReader, type RfidReader } from '@dunkirk/rfid-driver';
import type { KioskConfig } from './config';
import { Sip2LibrarySystem } from './adapters/sip2-library';
import { PadManager } from './hardware/pad-manager';
import { createKioskCore, type KioskCore, type KioskCoreParts } from './kiosk-core';
import type { Printer } from './loan/ports';
import type { CrashPoint } from './loan/session';
import { SerialReceiptPrinter, SimulatedPrinter } from './printer/printers';
import { Sip2Client } from './sip2/Sip2Client';
import type { Services } from '../common/rpc';

export interface BootOptions {
  log?: (message: string, data?: Record<string, unknown>) => void;
  /** Overrides the reader (the demo's simulator); the configuration's reader otherwise. */
  openReader?: () => Promise<RfidReader>;
  padService?: Services['pad'];
  crashPoint?: (point: CrashPoint) => void;
  /** Also closed on stop (e.g. the demo's simulator). */
  onStop?: () => Promise<void>;
}

export function readerFor(config: KioskConfig['reader']): () => Promise<RfidReader> {
  return () =>
    openReader({
      protocol: config.protocol === 'hid' ? 'hid-rrhf' : config.protocol,
      ...(config.path ? { path: config.path } : {}),
      afi: config.afi,
      eas: config.eas,
    });
}

export async function bootKiosk(config: KioskConfig, options: BootOptions = {}): Promise<KioskCore> {
  const client = new Sip2Client({
    host: config.sip2.host,
    port: config.sip2.port,
    tls: config.sip2.tls,
    charset: config.sip2.charset,
    terminator: config.sip2.terminator,
    institutionId: config.sip2.institutionId,
    ...(config.sip2.user
      ? {
          login: {
            userId: config.sip2.user,
            password: config.sip2.password,
            locationCode: config.sip2.location ?? config.library.isil,
          },
        }
      : {}),
    ...(config.sip2.location ? { location: config.sip2.location } : {}),
    timeoutMs: config.sip2.timeoutMs,
    retries: config.sip2.retries,
  });
  let lastSipError: string | null = null;
  client.on('offline', (reason) => {
    lastSipError = reason.message;
    options.log?.('library system offline', { code: reason.code });
  });
  client.on('online', () => {
    lastSipError = null;
    options.log?.('library system online');
  });
  // The first connection may fail: the kiosk then starts offline and keeps trying.
  await client.start();

  const library = new Sip2LibrarySystem(client, {
    requirePin: config.sip2.requirePin,
    here: config.sip2.location ?? config.library.isil,
    libraryNames: new Map(Object.entries(config.libraryNames)),
  });
  const pad = new PadManager({
    openReader: options.openReader ?? readerFor(config.reader),
    pollMs: config.reader.pollMs,
    ...(config.reader.emptyPollMs !== undefined ? { emptyPollMs: config.reader.emptyPollMs } : {}),
    goneAfterMisses: config.reader.goneAfterMisses,
    maxQuietMs: config.reader.maxQuietMs,
    security: { afi: config.reader.afi, eas: config.reader.eas },
    ...(options.log ? { log: options.log } : {}),
  });

  let printer: Printer | undefined;
  if (config.printer.kind === 'escpos-serial') {
    const serial = new SerialReceiptPrinter(config.printer.path, config.printer.baudRate);
    await serial.open().catch((err: unknown) => options.log?.('printer unavailable', { error: String(err) }));
    printer = serial;
  } else if (config.printer.kind === 'simulated') {
    printer = new SimulatedPrinter(config.printer.dir);
  }

  const parts: KioskCoreParts = {
    config,
    library,
    pad,
    ...(printer ? { printer } : {}),
    ...(options.padService ? { padService: options.padService } : {}),
    ...(options.crashPoint ? { crashPoint: options.crashPoint } : {}),
    ...(options.log ? { log: options.log } : {}),
    librarySystemInfo: () => ({
      online: library.online,
      host: `${config.sip2.host}:${config.sip2.port}`,
      lastError: lastSipError,
      roundTripMs: null,
    }),
    readerInfo: () => ({ protocol: config.reader.protocol, port: config.reader.path ?? '(discovered)' }),
    close: async () => {
      await client.close();
      if (printer instanceof SerialReceiptPrinter) await printer.close();
      await options.onStop?.();
    },
  };
  return createKioskCore(parts);
}
