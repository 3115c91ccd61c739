/**
 * The whole kiosk on one machine, for the demo and end-to-end tests: the embedded Les Balises network
 * (SIP2 over TCP), the reader simulator on the far end of a real serial line (a socat PTY pair), the
 * kiosk core booted from an ordinary configuration, and the browser shell serving the touch UI.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  FeigReader,
  ThreeMReader,
  startMemorySimulator,
  startPtySimulator,
  type RfidReader,
  type VirtualPad,
} from '@dunkirk/rfid-driver';
import {
  MEMBER_LIBRARIES,
  SEED_FIXTURES,
  openNetworkDb,
  seedNetwork,
  startSipNetworkServer,
  type NetworkDb,
  type SipNetworkServer,
} from '../network';
import { bootKiosk } from '../node/boot';
import { parseKioskConfig, type KioskConfig } from '../node/config';
import { asPadService, DemoPadService, type DemoDocument } from '../node/demo-pad';
import type { KioskCore } from '../node/kiosk-core';
import type { CrashPoint } from '../node/loan/session';
import { hashStaffPin } from '../node/staff';
import { startKioskHost, type KioskHost } from './server';

export interface KioskStackOptions {
  /** Folder for the journal, receipts and (when seeded here) the network database. */
  dir: string;
  /** Member library (1–12) the kiosk stands in. */
  libraryId: number;
  protocol: '3m' | 'feig';
  documents: DemoDocument[];
  /** An already running network; otherwise one is seeded in `dir` and started. */
  network?: { host: string; port: number };
  seed?: { items: number; patrons: number };
  host?: string;
  port?: number;
  rendererDir?: string;
  staffPin?: string;
  idleSeconds?: number;
  idleWarningSeconds?: number;
  crashPoint?: (point: CrashPoint) => void;
  log?: (message: string, data?: Record<string, unknown>) => void;
}

export interface KioskStack {
  url: string;
  config: KioskConfig;
  core: KioskCore;
  host: KioskHost;
  /** The simulated reader: on a PTY pair (`path`) when socat is installed, in memory otherwise. */
  simulator: {
    path: string | null;
    pad: VirtualPad;
    simulator: { stats: { requests: number; airTimeUs: number; serialTimeUs: number; lateUs: number } };
  };
  pad: DemoPadService;
  /** Present when the stack started its own network. */
  network: { server: SipNetworkServer; db: NetworkDb } | null;
  stop(): Promise<void>;
}

export const DEFAULT_RENDERER_DIR = join(import.meta.dirname, '..', '..', 'dist', 'renderer');

export async function startKioskStack(options: KioskStackOptions): Promise<KioskStack> {
  mkdirSync(options.dir, { recursive: true });
  let network: KioskStack['network'] = null;
  let sip = options.network;
  if (!sip) {
    const file = join(options.dir, 'network.sqlite');
    const fresh = !existsSync(file);
    const db = openNetworkDb(file);
    if (fresh)
      await seedNetwork(db, {
        items: options.seed?.items ?? 300,
        patrons: options.seed?.patrons ?? 40,
        seed: 1940,
      });
    const server = await startSipNetworkServer({ db, host: '127.0.0.1', port: 0 });
    network = { server, db };
    sip = { host: server.host, port: server.port };
  }
  const library = MEMBER_LIBRARIES.find((l) => l.id === options.libraryId);
  if (!library) throw new Error(`no member library ${options.libraryId}`);

  // The real serial stack when socat can make a PTY pair; otherwise the same simulator in memory.
  let simulator: KioskStack['simulator'] & { stop(): Promise<void> };
  let openReader: (() => Promise<RfidReader>) | undefined;
  if (hasSocat()) {
    simulator = await startPtySimulator({ protocol: options.protocol });
  } else {
    const memory = await startMemorySimulator({ protocol: options.protocol });
    simulator = { ...memory, path: null };
    openReader = async () => {
      const reader =
        options.protocol === '3m' ? new ThreeMReader(memory.transport) : new FeigReader(memory.transport);
      await reader.open();
      return reader;
    };
    options.log?.('socat is not installed: the reader simulator runs in memory instead of on a PTY pair');
  }
  const pad = new DemoPadService(simulator.pad, options.documents);

  const config = parseKioskConfig(
    {
      library: { name: library.name, isil: library.isil },
      networkIsils: MEMBER_LIBRARIES.map((l) => l.isil),
      libraryNames: Object.fromEntries(MEMBER_LIBRARIES.map((l) => [l.isil, l.name])),
      sip2: {
        host: sip.host,
        port: sip.port,
        user: `kiosk-${String(library.id).padStart(2, '0')}`,
        password: SEED_FIXTURES.terminalPassword,
        institutionId: library.isil,
        location: library.isil,
        requirePin: true,
        timeoutMs: 2000,
        retries: 1,
      },
      reader: { protocol: options.protocol, path: simulator.path ?? 'memory', pollMs: 150 },
      printer: { kind: 'simulated', dir: 'receipts' },
      session: {
        idleSeconds: options.idleSeconds ?? 60,
        idleWarningSeconds: options.idleWarningSeconds ?? 20,
      },
      staffPinHash: hashStaffPin(options.staffPin ?? '246810'),
      journalPath: 'journal.db',
    },
    join(options.dir, 'kiosk.json'),
  );
  const core = await bootKiosk(config, {
    padService: asPadService(pad),
    ...(openReader ? { openReader } : {}),
    ...(options.crashPoint ? { crashPoint: options.crashPoint } : {}),
    ...(options.log ? { log: options.log } : {}),
    onStop: () => simulator.stop(),
  });
  const host = await startKioskHost({
    services: core.services,
    rendererDir: options.rendererDir ?? DEFAULT_RENDERER_DIR,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
  });
  return {
    url: host.url,
    config,
    core,
    host,
    simulator,
    pad,
    network,
    stop: async () => {
      await host.close();
      await core.stop();
      pad.dispose();
      if (network) {
        await network.server.close();
        network.db.close();
      }
    },
  };
}

function hasSocat(): boolean {
  try {
    execFileSync('socat', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The demo's documents: fixtures of the seed, so their records exist in every seeded network. */
export function demoDocuments(): DemoDocument[] {
  const { items, patrons } = SEED_FIXTURES;
  const isil = (id: number) => MEMBER_LIBRARIES.find((l) => l.id === id)!.isil;
  return [
    { uid: 'E004015000000001', label: 'Livre (B!B)', itemId: items.book, ownerIsil: isil(1), onPad: false },
    { uid: 'E004015000000002', label: 'Livre 2 (B!B)', itemId: items.book2, ownerIsil: isil(1) },
    { uid: 'E004015000000003', label: 'Réservé pour Jan', itemId: items.held, ownerIsil: isil(1) },
    {
      uid: 'E004015000000011',
      label: 'Coffret DVD 1/3',
      itemId: items.set,
      ownerIsil: isil(1),
      part: 1,
      parts: 3,
    },
    {
      uid: 'E004015000000012',
      label: 'Coffret DVD 2/3',
      itemId: items.set,
      ownerIsil: isil(1),
      part: 2,
      parts: 3,
    },
    {
      uid: 'E004015000000013',
      label: 'Coffret DVD 3/3',
      itemId: items.set,
      ownerIsil: isil(1),
      part: 3,
      parts: 3,
    },
    {
      uid: 'E004015000000021',
      label: 'Livre de Grande-Synthe',
      itemId: items.grandeSynthe,
      ownerIsil: isil(2),
    },
    {
      uid: 'E004015000000031',
      label: 'Livre d’un autre réseau',
      itemId: '9990000000001',
      ownerIsil: 'BE-A0510',
    },
    {
      uid: 'E004015000000099',
      label: `Carte de ${patrons.elise.name}`,
      itemId: patrons.elise.card,
      ownerIsil: isil(1),
      typeOfUsage: 4,
    },
  ];
}
