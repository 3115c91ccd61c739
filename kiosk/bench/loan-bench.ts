/**
 * How long a visitor waits: from a stack of 10 documents placed on the (simulated 3M) pad to the last
 * one lent and disarmed, through the whole kiosk (hardware manager, journal with fsync, SIP2 to the
 * embedded network, tag writes over a real serial line). Printed next to its floor, measured in the
 * same run: the reader simulator's modelled ISO 15693 air time + serial byte time for the operations
 * it served, plus 10 SIP2 checkout round trips measured alone. Then the same for returns.
 *
 *   npm run bench -w kiosk   (this file: npx tsx kiosk/bench/loan-bench.ts [--rounds 3])
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKioskStack } from '../src/host/stack';
import {
  MEMBER_LIBRARIES,
  SEED_FIXTURES,
  openNetworkDb,
  seedNetwork,
  startSipNetworkServer,
} from '../src/network';
import type { DemoDocument } from '../src/node/demo-pad';
import { Sip2Client } from '../src/node/sip2';
import type { KioskState } from '../src/common/contracts';

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 3;
const N = 10;
const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-'));
const db = openNetworkDb(join(dir, 'network.sqlite'));
await seedNetwork(db, { items: 2000, patrons: 50, seed: 3 });
const B = MEMBER_LIBRARIES[0]!;
const barcodes = (
  db
    .prepare(
      `SELECT barcode FROM items WHERE owner = 1 AND parts = 1 AND status = 'available'
       AND barcode NOT IN (SELECT item FROM holds) ORDER BY barcode LIMIT ?`,
    )
    .all(N + N) as { barcode: string }[]
).map((r) => r.barcode);
const server = await startSipNetworkServer({ db, host: '127.0.0.1', port: 0 });

const docs: DemoDocument[] = barcodes.slice(0, N).map((itemId, i) => ({
  uid: `E0040180000000${String(i + 10).padStart(2, '0')}`,
  label: itemId,
  itemId,
  ownerIsil: B.isil,
}));
const stack = await startKioskStack({
  dir: join(dir, 'kiosk'),
  libraryId: 1,
  protocol: '3m',
  documents: docs,
  network: { host: server.host, port: server.port },
});
const session = stack.core.session;
const { elise } = SEED_FIXTURES.patrons;

function until(predicate: (s: KioskState) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const off = session.onDidChangeState((s) => {
      if (predicate(s)) {
        off();
        resolve();
      }
    });
  });
}

async function liftAll(): Promise<void> {
  for (const d of docs) await stack.pad.lift(d.uid);
  // The hardware manager forgets a tag after `goneAfterMisses` empty inventories (3 × 150 ms here):
  // wait well past that, so the next round reads every tag again as a new visitor's stack would.
  await new Promise((r) => setTimeout(r, 1500));
}

/** 10 SIP2 checkout round trips alone (other items, a fresh connection), then checked back in. */
async function sipFloor(): Promise<{ checkout: number; checkin: number }> {
  const client = new Sip2Client({
    host: server.host,
    port: server.port,
    institutionId: B.isil,
    login: { userId: 'kiosk-02', password: SEED_FIXTURES.terminalPassword, locationCode: B.isil },
    statusIntervalMs: 0,
  });
  await client.start();
  let checkout = 0;
  let checkin = 0;
  for (const item of barcodes.slice(N, N + N)) {
    let t = performance.now();
    await client.checkout({ patronIdentifier: SEED_FIXTURES.patrons.visitor.card, itemIdentifier: item });
    checkout += performance.now() - t;
    t = performance.now();
    await client.checkin({ itemIdentifier: item });
    checkin += performance.now() - t;
  }
  await client.close();
  return { checkout, checkin };
}

async function round(
  mode: 'borrow' | 'return',
): Promise<{ ms: number; detectedMs: number; readerMs: number; lateMs: number; requests: number }> {
  await session.begin(mode);
  if (mode === 'borrow') {
    await session.identify({ card: elise.card });
    await session.enterPin(elise.pin);
  }
  const before = { ...stack.simulator.simulator.stats };
  let detectedAt = NaN;
  const offDetected = session.onDidChangeState((s) => {
    if (Number.isNaN(detectedAt) && s.items.length === N) detectedAt = performance.now();
  });
  const done = until((s) => s.items.length === N && s.items.every((i) => i.status === 'done'));
  const t0 = performance.now();
  for (const d of docs) await stack.pad.place(d.uid);
  await done;
  const ms = performance.now() - t0;
  offDetected();
  const after = { ...stack.simulator.simulator.stats };
  const disarmed = (await stack.pad.list()).filter((t) => !t.secured).length;
  if (disarmed !== (mode === 'borrow' ? N : 0)) throw new Error(`${mode}: ${disarmed} tags disarmed`);
  await session.finish('none');
  await liftAll();
  return {
    ms,
    detectedMs: detectedAt - t0,
    readerMs: (after.airTimeUs - before.airTimeUs + after.serialTimeUs - before.serialTimeUs) / 1000,
    lateMs: (after.lateUs - before.lateUs) / 1000,
    requests: after.requests - before.requests,
  };
}

console.log(`kiosk loan bench: ${N} documents, 3M protocol simulator over a socat PTY, ${rounds} rounds`);
console.log(
  `load average before: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const f = (n: number) => n.toFixed(0).padStart(6);
for (let r = 1; r <= rounds; r++) {
  for (const mode of ['borrow', 'return'] as const) {
    const sip = await sipFloor();
    const res = await round(mode);
    const sipMs = mode === 'borrow' ? sip.checkout : sip.checkin;
    const floor = res.readerMs + sipMs;
    console.log(
      `round ${r} ${mode.padEnd(6)} measured ${f(res.ms)} ms (all 10 read after ${f(res.detectedMs)} ms) | floor ${f(floor)} ms ` +
        `(reader air+serial ${f(res.readerMs)} ms for ${res.requests} commands, simulator lag ${f(res.lateMs)} ms, 10 SIP2 ${f(sipMs)} ms) | ` +
        `ratio ${(res.ms / floor).toFixed(2)}`,
    );
  }
}
console.log(
  `load average after: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
await stack.stop();
await server.close();
db.close();
rmSync(dir, { recursive: true, force: true });
