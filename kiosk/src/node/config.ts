/**
 * The kiosk's configuration file: one JSON file per kiosk, validated at start-up. A wrong value stops
 * the kiosk with a message that names the field, before any visitor can meet a half-configured kiosk.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { Locale } from '../common/contracts';

const byte = z.number().int().min(0).max(255);

export const KioskConfigSchema = z.object({
  /** The member library this kiosk stands in. */
  library: z.object({ name: z.string().min(1), isil: z.string().min(1) }),
  /** Owners whose documents this kiosk lends and takes back (the network's ISILs). */
  networkIsils: z.array(z.string().min(1)).min(1),
  /** Display names of member libraries for transit messages, by ISIL. */
  libraryNames: z.record(z.string(), z.string()).default({}),
  sip2: z.object({
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535),
    tls: z.boolean().default(false),
    user: z.string().default(''),
    password: z.string().default(''),
    institutionId: z.string().min(1),
    location: z.string().optional(),
    charset: z.enum(['utf-8', 'latin1', 'cp850']).default('utf-8'),
    terminator: z.enum(['cr', 'crlf']).default('cr'),
    timeoutMs: z.number().int().positive().default(5000),
    retries: z.number().int().min(0).default(2),
    requirePin: z.boolean().default(true),
  }),
  reader: z.object({
    protocol: z.enum(['3m', 'feig', 'hid']),
    /** Serial port path (3M, FEIG) or HID path; omitted: discovered by USB vendor/product id. */
    path: z.string().optional(),
    pollMs: z.number().int().min(50).max(5000).default(250),
    /** Poll period while the pad is empty; omitted: a third of pollMs. */
    emptyPollMs: z.number().int().min(20).max(5000).optional(),
    goneAfterMisses: z.number().int().min(1).max(20).default(3),
    /** Longest pause of the pad's inventories while a stack's tags are being written; 0: never pause. */
    maxQuietMs: z.number().int().min(0).max(10000).default(1000),
    afi: z
      .object({ onShelf: byte.default(0x07), onLoan: byte.default(0xc2) })
      .default({ onShelf: 0x07, onLoan: 0xc2 }),
    eas: z.boolean().default(true),
  }),
  printer: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('none') }),
      z.object({
        kind: z.literal('escpos-serial'),
        path: z.string().min(1),
        baudRate: z.number().int().default(19200),
      }),
      z.object({ kind: z.literal('simulated'), dir: z.string().min(1) }),
    ])
    .default({ kind: 'none' }),
  session: z
    .object({
      defaultLocale: Locale.default('fr'),
      idleSeconds: z.number().int().min(20).max(600).default(60),
      idleWarningSeconds: z.number().int().min(5).max(120).default(20),
      receiptSeconds: z.number().int().min(3).max(60).default(10),
      maxPinAttempts: z.number().int().min(1).max(10).default(3),
    })
    .default({
      defaultLocale: 'fr',
      idleSeconds: 60,
      idleWarningSeconds: 20,
      receiptSeconds: 10,
      maxPinAttempts: 3,
    }),
  offline: z
    .object({
      enabled: z.boolean().default(true),
      maxCheckoutsPerCard: z.number().int().min(0).default(5),
      refusedTypesOfUsage: z.array(byte).default([]),
    })
    .default({ enabled: true, maxCheckoutsPerCard: 5, refusedTypesOfUsage: [] }),
  /** scrypt hash from `npx kiosk staff-pin <pin>`; never the PIN itself. */
  staffPinHash: z.string().regex(/^scrypt\$/, 'a hash made by `npx kiosk staff-pin`'),
  journalPath: z.string().min(1),
  logFile: z.string().nullable().default(null),
});

export type KioskConfig = z.infer<typeof KioskConfigSchema>;

export class KioskConfigError extends Error {
  override readonly name = 'KioskConfigError';
  constructor(
    readonly code: 'CONFIG_UNREADABLE' | 'CONFIG_NOT_JSON' | 'CONFIG_INVALID',
    message: string,
    readonly details: { file: string; field?: string },
  ) {
    super(message);
  }
}

/** Parses and checks a configuration; relative paths are taken from the file's folder. */
export function parseKioskConfig(raw: unknown, file: string): KioskConfig {
  const result = KioskConfigSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path.join('.');
    throw new KioskConfigError('CONFIG_INVALID', `${file}: ${field || '(root)'}: ${issue.message}`, {
      file,
      field,
    });
  }
  const config = result.data;
  const base = dirname(file);
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(base, p));
  config.journalPath = abs(config.journalPath);
  if (config.logFile) config.logFile = abs(config.logFile);
  if (config.printer.kind === 'simulated') config.printer.dir = abs(config.printer.dir);
  return config;
}

export function loadKioskConfig(file: string): KioskConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new KioskConfigError('CONFIG_UNREADABLE', `${file}: ${(err as Error).message}`, { file });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new KioskConfigError('CONFIG_NOT_JSON', `${file}: ${(err as Error).message}`, { file });
  }
  return parseKioskConfig(raw, file);
}
