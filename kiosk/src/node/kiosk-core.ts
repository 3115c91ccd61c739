/**
 * The kiosk core: journal, loan session and staff service over a library system, a pad and a printer.
 * The Electron main process and the browser shell both run exactly this; only the carriers differ.
 */
import type { Diagnostics } from '../common/contracts';
import type { Services } from '../common/rpc';
import type { KioskConfig } from './config';
import { Journal } from './journal/journal';
import type { LibrarySystem, Pad, Printer } from './loan/ports';
import { LoanSession, type CrashPoint } from './loan/session';
import { StaffService } from './staff';

export interface ManagedPad extends Pad {
  start(): void;
  /** Resolves true once the reader answers, false after the timeout. */
  ready?(timeoutMs: number): Promise<boolean>;
  stop(): Promise<void>;
  readonly error?: string | null;
  readonly tagCount?: number;
}

export interface KioskCoreParts {
  config: KioskConfig;
  library: LibrarySystem;
  pad: ManagedPad;
  printer?: Printer;
  /** The demo pad's control service, when the reader is the simulator. */
  padService?: Services['pad'];
  librarySystemInfo(): Diagnostics['librarySystem'];
  readerInfo(): { protocol: string; port: string };
  /** Closes what the parts opened (SIP2 connection, simulator…). */
  close(): Promise<void>;
  crashPoint?: (point: CrashPoint) => void;
  log?: (message: string, data?: Record<string, unknown>) => void;
  version?: string;
}

export interface KioskCore {
  services: Partial<Services>;
  session: LoanSession;
  journal: Journal;
  stop(): Promise<void>;
}

export async function createKioskCore(parts: KioskCoreParts): Promise<KioskCore> {
  const { config } = parts;
  const journal = new Journal(config.journalPath);
  const session = new LoanSession({
    library: parts.library,
    pad: parts.pad,
    journal,
    ...(parts.printer ? { printer: parts.printer } : {}),
    ...(parts.crashPoint ? { crashPoint: parts.crashPoint } : {}),
    ...(parts.log ? { log: parts.log } : {}),
    config: {
      library: config.library,
      networkIsils: config.networkIsils,
      defaultLocale: config.session.defaultLocale,
      idleSeconds: config.session.idleSeconds,
      idleWarningSeconds: config.session.idleWarningSeconds,
      receiptSeconds: config.session.receiptSeconds,
      maxPinAttempts: config.session.maxPinAttempts,
      offline: config.offline,
    },
  });
  const staff = new StaffService({
    pinHash: config.staffPinHash,
    journal,
    replayNow: () => session.settle(),
    diagnostics: () => ({
      reader: {
        connected: parts.pad.connected,
        ...parts.readerInfo(),
        lastError: parts.pad.error ?? null,
        tagsOnPad: parts.pad.tagCount ?? parts.pad.items().length,
      },
      librarySystem: parts.librarySystemInfo(),
      printer: {
        connected: parts.printer?.connected ?? false,
        port: config.printer.kind === 'escpos-serial' ? config.printer.path : null,
      },
      journal: {
        path: journal.path,
        unfinished: journal.unfinished().length,
        offlineQueue: journal.queued().length,
      },
      version: parts.version ?? '0.1.0',
    }),
  });
  parts.pad.start();
  // Recovery needs the tags: give the reader a moment to answer before it runs. If it does not,
  // recovery leaves those steps pending and runs again when the reader connects.
  await parts.pad.ready?.(5000);
  await session.start();
  return {
    // The session and staff classes implement the contracts; the dispatcher checks every call anyway.
    services: {
      kiosk: session as unknown as Services['kiosk'],
      staff: staff as unknown as Services['staff'],
      ...(parts.padService ? { pad: parts.padService } : {}),
    },
    session,
    journal,
    stop: async () => {
      await session.stop();
      await parts.pad.stop();
      await parts.close();
      journal.close();
    },
  };
}
