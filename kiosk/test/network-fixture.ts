import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  MEMBER_LIBRARIES,
  SEED_FIXTURES,
  openNetworkDb,
  seedNetwork,
  startSipNetworkServer,
  type SipNetworkServer,
  type SipNetworkServerOptions,
} from '../src/network';
import { Sip2Client, type Sip2ClientOptions } from '../src/node/sip2';

/** A small seeded network (hundreds of items) on an ephemeral localhost port. */
export async function startTestNetwork(
  opts: Partial<SipNetworkServerOptions> = {},
): Promise<{ server: SipNetworkServer; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'balises-test-'));
  const db = openNetworkDb(join(dir, 'network.sqlite'));
  await seedNetwork(db, { items: 300, patrons: 40, seed: 7 });
  const server = await startSipNetworkServer({ db, ...opts });
  return {
    server,
    stop: async () => {
      await server.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A client logged in as the kiosk of member library `libraryId`. */
export function kioskClient(
  server: SipNetworkServer,
  libraryId: number,
  extra: Partial<Sip2ClientOptions> = {},
): Sip2Client {
  const lib = MEMBER_LIBRARIES.find((l) => l.id === libraryId)!;
  return new Sip2Client({
    host: server.host,
    port: server.port,
    institutionId: lib.isil,
    login: {
      userId: `kiosk-${String(libraryId).padStart(2, '0')}`,
      password: SEED_FIXTURES.terminalPassword,
      locationCode: lib.isil,
    },
    statusIntervalMs: 0,
    backoff: { initialMs: 30, maxMs: 200 },
    ...extra,
  });
}

export const P = SEED_FIXTURES.patrons;
export const I = SEED_FIXTURES.items;
export const isil = (id: number): string => MEMBER_LIBRARIES.find((l) => l.id === id)!.isil;
