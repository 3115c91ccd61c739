import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  MEMBER_LIBRARIES,
  SEED_FIXTURES,
  openNetworkDb,
  seedNetwork,
  startSipNetworkServer,
  type SeedReport,
} from '../network';
import type { SipCharset } from '../node/sip2';

/** Where the demo keeps its small seeded network (gitignored). */
export const DEFAULT_DB = join(import.meta.dirname, '..', '..', '.cache', 'network.sqlite');

export async function seedCommand(args: {
  db: string;
  items: number;
  patrons: number;
  seed: number;
  force: boolean;
  log: (line: string) => void;
}): Promise<SeedReport> {
  if (existsSync(args.db)) {
    if (!args.force) throw new Error(`${args.db} exists; pass --force to replace it`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(args.db + suffix, { force: true });
  }
  mkdirSync(dirname(args.db), { recursive: true });
  const db = openNetworkDb(args.db);
  try {
    return await seedNetwork(db, {
      items: args.items,
      patrons: args.patrons,
      seed: args.seed,
      log: args.log,
    });
  } finally {
    db.close();
  }
}

/** Seed a small network at `db` if it does not exist yet. */
export async function ensureDemoNetwork(db: string, log: (line: string) => void): Promise<void> {
  if (existsSync(db)) return;
  log(`seeding a small demo network at ${db}`);
  await seedCommand({ db, items: 3000, patrons: 200, seed: 1940, force: false, log });
}

export async function serveCommand(args: {
  db: string;
  host: string;
  port: number;
  charset: SipCharset;
  terminator: 'cr' | 'crlf';
  log: (line: string) => void;
}): Promise<() => Promise<void>> {
  await ensureDemoNetwork(args.db, args.log);
  const server = await startSipNetworkServer({
    db: args.db,
    host: args.host,
    port: args.port,
    charset: args.charset,
    terminator: args.terminator,
  });
  args.log(
    `Les Balises SIP2 server on sip2://${server.host}:${server.port} (${args.charset}, ${args.terminator.toUpperCase()})`,
  );
  args.log(
    `terminal logins: kiosk-01 … kiosk-12, password "${SEED_FIXTURES.terminalPassword}"; location code = the library's ISIL`,
  );
  for (const l of MEMBER_LIBRARIES.slice(0, 3)) args.log(`  ${l.isil}  ${l.name}`);
  args.log(
    `  … and ${MEMBER_LIBRARIES.length - 3} more; try card ${SEED_FIXTURES.patrons.elise.card} PIN ${SEED_FIXTURES.patrons.elise.pin}, item ${SEED_FIXTURES.items.book}`,
  );
  return () => server.close();
}
