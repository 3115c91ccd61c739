/**
 * `npm run bench -w kiosk`: SIP2 codec throughput, then a load test of the embedded
 * Les Balises server on localhost with 100 simulated kiosks doing checkout + checkin.
 *
 * Paced phases: the kiosks together send each of BENCH_RATES transactions/s (default 10/s,
 * just above the target of 10× the busiest hour ≈ 6/s, then 100/s) for BENCH_SECONDS (default 30).
 * Last phase (ceiling): every kiosk sends as fast as its answers come back, for BENCH_SECONDS.
 * The server runs in its own process over a 600,000-item network (seeded once into .cache/).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { MEMBER_LIBRARIES, POLICY, SEED_FIXTURES, openNetworkDb, seedNetwork } from '../src/network';
import { Sip2Client, encodeMessage, parseMessage, type SipMessage } from '../src/node/sip2';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const RATES = (process.env.BENCH_RATES ?? '10,100').split(',').map(Number);
const KIOSKS = Number(process.env.BENCH_KIOSKS ?? 100);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 600_000);
const PORT = Number(process.env.BENCH_PORT ?? 6399);
const root = join(import.meta.dirname, '..');
const dbFile = process.env.BENCH_DB ?? join(root, '.cache', `bench-network-${ITEMS}.sqlite`);

function codecBench(): void {
  const t = { year: 2026, month: 11, day: 26, hour: 10, minute: 15, second: 0, zone: '    ' };
  const samples: SipMessage[] = [
    {
      type: 'checkoutRequest',
      scRenewalPolicy: true,
      noBlock: false,
      transactionDate: t,
      nbDueDate: null,
      institutionId: 'FR-599990001',
      patronIdentifier: '29990000000001',
      itemIdentifier: '3010000000001',
      terminalPassword: '',
      patronPassword: '1234',
    },
    {
      type: 'checkinResponse',
      ok: '1',
      resensitize: true,
      magneticMedia: false,
      alert: true,
      transactionDate: t,
      institutionId: 'FR-599990003',
      itemIdentifier: '3010000000001',
      permanentLocation: 'FR-599990001',
      titleIdentifier: 'Les Dunes de Zuydcoote : récit',
      mediaType: '001',
      destinationLocation: 'FR-599990001',
      alertType: '04',
      partsCount: 1,
      screenMessage: ['À renvoyer à sa bibliothèque : B!B Dunkerque'],
    },
    {
      type: 'itemInformationResponse',
      circulationStatus: '03',
      securityMarker: '02',
      feeType: '01',
      transactionDate: t,
      holdQueueLength: 0,
      itemIdentifier: '3010000000003',
      titleIdentifier: 'Coffret Opération Dynamo (3 DVD)',
      owner: 'FR-599990001',
      mediaType: '005',
      permanentLocation: 'FR-599990001',
      currentLocation: 'FR-599990001',
      partsCount: 3,
    },
  ];
  const texts = samples.map((m, i) => encodeMessage(m, { sequence: i }).toString('utf8').trimEnd());
  const run = (label: string, fn: (i: number) => void) => {
    for (let i = 0; i < 20_000; i++) fn(i); // warm-up
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < 2000) {
      for (let i = 0; i < 1000; i++) fn(n++);
    }
    const rate = n / ((performance.now() - start) / 1000);
    console.log(`${label.padEnd(34)} ${Math.round(rate).toLocaleString('en-US')} messages/s`);
  };
  console.log('— codec (mixed checkout request, checkin and item information responses, UTF-8)');
  run('parse (text → typed, checksum)', (i) => parseMessage(texts[i % texts.length]!));
  run('build (typed → bytes, checksum)', (i) =>
    encodeMessage(samples[i % samples.length]!, { sequence: i % 10 }),
  );
}

async function ensureNetwork(): Promise<void> {
  if (existsSync(dbFile)) return;
  mkdirSync(join(root, '.cache'), { recursive: true });
  const db = openNetworkDb(dbFile);
  const r = await seedNetwork(db, { items: ITEMS, patrons: 29_000, seed: 1940 });
  db.close();
  console.log(`— seeded ${r.items} items / ${r.patrons} patrons in ${(r.millis / 1000).toFixed(1)} s`);
}

interface ServerThread {
  post(msg: string): void;
  ask<T>(msg: string, key: string): Promise<T>;
  stop(): Promise<void>;
}

/** The server runs in a worker thread (its own event loop and core); tsx's loader is inherited. */
function startServer(): Promise<ServerThread> {
  const worker = new Worker(new URL('./server-worker.mjs', import.meta.url), {
    workerData: { db: dbFile, port: PORT },
  });
  const ask = <T>(msg: string, key: string): Promise<T> =>
    new Promise((resolve) => {
      const on = (m: Record<string, unknown>) => {
        if (key in m) {
          worker.off('message', on);
          resolve(m[key] as T);
        }
      };
      worker.on('message', on);
      if (msg) worker.postMessage(msg);
    });
  return ask<boolean>('', 'ready').then(() => ({
    post: (msg: string) => worker.postMessage(msg),
    ask,
    stop: async () => {
      await ask('stop', 'stopped');
      await worker.terminate();
    },
  }));
}

interface Work {
  patrons: string[];
  items: string[];
}

/** Disjoint patrons and items per kiosk, so that no two kiosks contend and errors must be 0. */
function planWork(): Work[] {
  const db = new Database(dbFile, { readonly: true });
  const all = db
    .prepare<[number], { barcode: string }>(
      "SELECT barcode FROM items WHERE status = 'available' AND barcode NOT IN (SELECT item FROM holds) AND substr(barcode, 4) > '0000000020' ORDER BY random() LIMIT ?",
    )
    .all(KIOSKS * 10)
    .map((r) => r.barcode);
  const cards = db
    .prepare<[string, number, number], { card: string }>(
      `SELECT card FROM patrons WHERE expires > ? AND fines_cents < ? AND card_lost = 0 AND card > '29990000000010'
       AND (SELECT count(*) FROM loans WHERE loans.card = patrons.card) < 20 ORDER BY random() LIMIT ?`,
    )
    .all(new Date(Date.now() + 86_400_000).toISOString(), POLICY.fineBlockCents, KIOSKS * 3)
    .map((r) => r.card);
  db.close();
  return Array.from({ length: KIOSKS }, (_, k) => ({
    items: all.slice(k * 10, k * 10 + 10),
    patrons: cards.slice(k * 3, k * 3 + 3),
  }));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

type Stats = { requests: number; serviceMs: { p50: number; p99: number; max: number } };

async function loadPhase(
  label: string,
  kiosks: Sip2Client[],
  work: Work[],
  paced: boolean,
  server: ServerThread,
  rate = 0,
  seconds = SECONDS,
  quiet = false,
): Promise<void> {
  server.post('reset');
  const latencies: number[] = [];
  let errors = 0;
  const firstErrors: string[] = [];
  const end = performance.now() + seconds * 1000;
  const interval = (KIOSKS / rate) * 1000;
  const timed = async <T>(p: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const r = await p();
    latencies.push(performance.now() - t0);
    return r;
  };
  const fail = (why: string) => {
    errors++;
    if (firstErrors.length < 5) firstErrors.push(why);
  };
  const started = performance.now();
  await Promise.all(
    kiosks.map(async (kiosk, k) => {
      const w = work[k]!;
      let i = 0;
      let next = performance.now() + Math.random() * interval * 2;
      while (performance.now() < end) {
        if (paced) {
          if (next >= end) break;
          const wait = next - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          next += interval * 2; // one iteration = two transactions
        }
        const item = w.items[i % w.items.length]!;
        const card = w.patrons[i % w.patrons.length]!;
        i++;
        try {
          const co = await timed(() => kiosk.checkout({ patronIdentifier: card, itemIdentifier: item }));
          if (co.ok !== '1') fail(`checkout ${item} → ${co.screenMessage?.join(' ')}`);
          const ci = await timed(() => kiosk.checkin({ itemIdentifier: item }));
          if (ci.ok !== '1') fail(`checkin ${item} → ${ci.screenMessage?.join(' ')}`);
        } catch (err) {
          fail(String(err));
        }
      }
    }),
  );
  // A paced phase lasts its configured length even if the last slot fell early.
  const elapsed = Math.max((performance.now() - started) / 1000, paced ? seconds : 0);
  if (quiet) return;
  latencies.sort((a, b) => a - b);
  console.log(`— ${label}`);
  console.log(`  transactions        ${latencies.length.toLocaleString('en-US')} in ${elapsed.toFixed(1)} s`);
  console.log(`  throughput          ${(latencies.length / elapsed).toFixed(1)} transactions/s`);
  console.log(
    `  latency p50 / p99   ${percentile(latencies, 50).toFixed(2)} ms / ${percentile(latencies, 99).toFixed(2)} ms (max ${latencies.at(-1)?.toFixed(2)} ms)`,
  );
  const st = await server.ask<Stats>('stats', 'stats');
  console.log(
    `  inside the server   p50 ${st.serviceMs.p50.toFixed(2)} ms / p99 ${st.serviceMs.p99.toFixed(2)} ms (max ${st.serviceMs.max.toFixed(2)} ms), ${st.requests} requests`,
  );
  console.log(
    `  load average        ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} cores`,
  );
  console.log(`  errors              ${errors}${firstErrors.length ? ` — ${firstErrors.join('; ')}` : ''}`);
}

async function main(): Promise<void> {
  codecBench();
  await ensureNetwork();
  const work = planWork();
  const server = await startServer();
  const kiosks = work.map((_, k) => {
    const lib = MEMBER_LIBRARIES[k % MEMBER_LIBRARIES.length]!;
    return new Sip2Client({
      host: '127.0.0.1',
      port: PORT,
      institutionId: lib.isil,
      login: {
        userId: `kiosk-${String(lib.id).padStart(2, '0')}`,
        password: SEED_FIXTURES.terminalPassword,
        locationCode: lib.isil,
      },
      statusIntervalMs: 0,
    });
  });
  try {
    const states = await Promise.all(kiosks.map((k) => k.start()));
    if (states.some((s) => s !== 'online')) throw new Error(`not all kiosks online: ${states.join(',')}`);
    console.log(
      `— ${KIOSKS} kiosks online against ${ITEMS.toLocaleString('en-US')} items; target ≥ 6 transactions/s (10× busiest hour), p99 < 20 ms`,
    );
    // Warm-up (not measured): JIT, SQLite page cache, TCP connections.
    await loadPhase('warm-up', kiosks, work, true, server, 100, 3, true);
    for (const rate of RATES) {
      await loadPhase(`paced: ${rate} transactions/s for ${SECONDS} s`, kiosks, work, true, server, rate);
    }
    await loadPhase(`ceiling: as fast as answers return, ${SECONDS} s`, kiosks, work, false, server);
  } finally {
    await Promise.all(kiosks.map((k) => k.close()));
    await server.stop();
  }
}

await main();
