/**
 * The kiosk's central promise, tested by killing a real kiosk process (SIGKILL) at every step boundary
 * of checkout and checkin — before SIP2, after SIP2 before the tag write, during the tag write (between
 * the two tags of a set), after it — then starting it again over the same journal: once recovery has
 * run, every tag is disarmed if and only if the library system records its item on loan. Then the same
 * with the library system down during the session and back later: the offline queue replays exactly once.
 *
 * The reader simulator and the network live in this test process, so they outlive each kiosk process,
 * as the tags on the pad and the library system outlive a kiosk's power cut.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPtySimulator, type PtySimulator } from '@dunkirk/rfid-driver';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { createClient, type Services } from '../../src/common/rpc';
import { createWebSocketCarrier, type WebSocketCarrier } from '../../src/common/ws-carrier';
import {
  MEMBER_LIBRARIES,
  SEED_FIXTURES,
  openNetworkDb,
  seedNetwork,
  startSipNetworkServer,
  type NetworkDb,
  type SipNetworkServer,
} from '../../src/network';
import { DemoPadService, type DemoDocument } from '../../src/node/demo-pad';
import { CRASH_POINTS, type CrashPoint } from '../../src/node/loan/session';
import { hashStaffPin } from '../../src/node/staff';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 60_000 });

const kioskDir = join(import.meta.dirname, '..', '..');
const { patrons } = SEED_FIXTURES;
const B = MEMBER_LIBRARIES[0]!;
const SET = '3010000000991';

let dir: string;
let db: NetworkDb;
let server: SipNetworkServer;
let sim: PtySimulator;
let pad: DemoPadService;
const staffPinHash = hashStaffPin('246810');

const docs: DemoDocument[] = [
  { uid: 'E004017000000001', label: 'part 1', itemId: SET, ownerIsil: B.isil, part: 1, parts: 2 },
  { uid: 'E004017000000002', label: 'part 2', itemId: SET, ownerIsil: B.isil, part: 2, parts: 2 },
];

async function startNetwork(port = 0) {
  server = await startSipNetworkServer({ db, host: '127.0.0.1', port });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-crash-'));
  db = openNetworkDb(join(dir, 'network.sqlite'));
  await seedNetwork(db, { items: 200, patrons: 20, seed: 5 });
  const type = (db.prepare('SELECT type FROM items LIMIT 1').get() as { type: string }).type;
  db.prepare(
    "INSERT INTO items (barcode, title, author, type, owner, location, parts, status) VALUES (?, 'Opération Dynamo (2 DVD)', 'INA', ?, 1, 1, 2, 'available')",
  ).run(SET, type);
  await startNetwork();
  sim = await startPtySimulator({ protocol: '3m' });
  pad = new DemoPadService(sim.pad, docs);
});

afterAll(async () => {
  pad?.dispose();
  await sim?.stop();
  await server?.close();
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

function writeConfig(name: string, journal: string, sipPort: number): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      library: { name: B.name, isil: B.isil },
      networkIsils: MEMBER_LIBRARIES.map((l) => l.isil),
      sip2: {
        host: '127.0.0.1',
        port: sipPort,
        user: 'kiosk-01',
        password: SEED_FIXTURES.terminalPassword,
        institutionId: B.isil,
        location: B.isil,
        requirePin: false,
        timeoutMs: 1500,
        retries: 0,
      },
      reader: { protocol: '3m', path: sim.path, pollMs: 100 },
      staffPinHash,
      journalPath: journal,
    }),
  );
  return file;
}

interface Kiosk {
  child: ChildProcess;
  services: Services;
  carrier: WebSocketCarrier;
  exited: Promise<NodeJS.Signals | number | null>;
}

async function startKiosk(configFile: string, crashAt?: CrashPoint): Promise<Kiosk> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'kiosk-process.ts')], {
    cwd: kioskDir,
    env: {
      ...process.env,
      KIOSK_CONFIG: configFile,
      KIOSK_RENDERER_DIR: join(kioskDir, 'dist', 'renderer'),
      ...(crashAt ? { KIOSK_CRASH_AT: crashAt } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = out.match(/READY (\S+)/);
      if (ready) resolve(ready[1]!);
    });
    void exited.then((how) => reject(new Error(`kiosk exited before READY (${String(how)})`)));
  });
  const origin = new URL(url).origin;
  const WS = class extends WebSocket {
    constructor(address: string) {
      super(address, { origin });
    }
  } as unknown as typeof globalThis.WebSocket;
  const carrier = createWebSocketCarrier(`${origin.replace('http', 'ws')}/rpc`, {
    WebSocketImpl: WS,
    backoffMs: 50,
    requestTimeoutMs: 10_000,
  });
  return { child, services: createClient(carrier), carrier, exited };
}

async function stopKiosk(k: Kiosk): Promise<void> {
  k.carrier.close();
  if (k.child.exitCode === null && k.child.signalCode === null) k.child.kill('SIGTERM');
  await k.exited;
}

function onLoan(barcode: string): boolean {
  return db.prepare('SELECT 1 FROM loans WHERE item = ?').get(barcode) !== undefined;
}

function tagsDisarmed(): boolean[] {
  return docs.map((d) => sim.pad.get(d.uid)!.afi === 0xc2);
}

function unfinished(journal: string): number {
  const j = new Database(journal, { readonly: true });
  try {
    return (
      j
        .prepare("SELECT COUNT(*) AS n FROM steps WHERE phase NOT IN ('done','refused','compensated')")
        .get() as {
        n: number;
      }
    ).n;
  } finally {
    j.close();
  }
}

const waitFor = async (what: () => boolean | Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** Sets the pad and the library system to the state a checkout or checkin starts from. */
async function prepare(kind: 'checkout' | 'checkin'): Promise<void> {
  for (const d of docs) await pad.lift(d.uid);
  db.prepare('DELETE FROM loans WHERE item = ?').run(SET);
  db.prepare("UPDATE items SET status = 'available' WHERE barcode = ?").run(SET);
  if (kind === 'checkin') {
    db.prepare(
      "INSERT INTO loans (item, card, library, checked_out, due) VALUES (?, ?, 1, '2026-11-20T10:00:00Z', '2026-12-11T10:00:00Z')",
    ).run(SET, patrons.elise.card);
    db.prepare("UPDATE items SET status = 'loaned' WHERE barcode = ?").run(SET);
  }
  const armed = kind === 'checkout';
  for (const d of docs) {
    const tag = sim.pad.get(d.uid);
    if (tag) {
      tag.afi = armed ? 0x07 : 0xc2;
      tag.eas = armed;
    }
  }
  // Tags lifted keep their state in the demo pad: rewrite it there too.
  for (const d of docs) {
    await pad.place(d.uid);
    const tag = sim.pad.get(d.uid)!;
    tag.afi = armed ? 0x07 : 0xc2;
    tag.eas = armed;
  }
}

describe('a kiosk killed with SIGKILL at every step boundary', () => {
  it.each(CRASH_POINTS)('%s: after restart and recovery, disarmed ⇔ on loan', async (point) => {
    const kind = point.startsWith('checkout') ? 'checkout' : 'checkin';
    const journal = join(dir, `journal-${point.replace(':', '-')}.db`);
    const configFile = writeConfig(point.replace(':', '-'), journal, server.port);
    for (const d of docs) await pad.lift(d.uid);
    await prepare(kind);
    for (const d of docs) await pad.lift(d.uid);

    const first = await startKiosk(configFile, point);
    await first.services.kiosk.begin(kind === 'checkout' ? 'borrow' : 'return');
    if (kind === 'checkout') await first.services.kiosk.identify({ card: patrons.elise.card });
    for (const d of docs) await pad.place(d.uid);
    expect(await first.exited).toBe('SIGKILL');
    first.carrier.close();

    const second = await startKiosk(configFile);
    try {
      const loan = onLoan(SET);
      expect(tagsDisarmed()).toEqual([loan, loan]);
      expect(unfinished(journal)).toBe(0);
    } finally {
      await stopKiosk(second);
    }
  });

  it('accepts a loan while the library system is down, survives a SIGKILL, and replays it exactly once', async () => {
    const journal = join(dir, 'journal-offline.db');
    const port = server.port;
    const configFile = writeConfig('offline', journal, port);
    await prepare('checkout');
    for (const d of docs) await pad.lift(d.uid);
    await server.close();

    const first = await startKiosk(configFile);
    await first.services.kiosk.begin('borrow');
    await first.services.kiosk.identify({ card: patrons.elise.card });
    for (const d of docs) await pad.place(d.uid);
    await waitFor(async () => (await first.services.kiosk.getState()).items.some((i) => i.status === 'done'));
    expect((await first.services.kiosk.getState()).offlineQueue).toBe(1);
    expect(tagsDisarmed()).toEqual([true, true]);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    first.carrier.close();

    await startNetwork(port);
    const second = await startKiosk(configFile);
    await waitFor(async () => (await second.services.kiosk.getState()).offlineQueue === 0);
    expect(onLoan(SET)).toBe(true);
    const applied = db
      .prepare('SELECT COUNT(*) AS n FROM applied_transactions WHERE key LIKE ?')
      .get(`%${SET}%`) as {
      n: number;
    };
    expect(applied.n).toBe(1);
    await stopKiosk(second);

    // A third start must not apply it again.
    const third = await startKiosk(configFile);
    await stopKiosk(third);
    expect(
      (
        db.prepare('SELECT COUNT(*) AS n FROM applied_transactions WHERE key LIKE ?').get(`%${SET}%`) as {
          n: number;
        }
      ).n,
    ).toBe(1);
    expect(tagsDisarmed()).toEqual([true, true]);
  });
});
