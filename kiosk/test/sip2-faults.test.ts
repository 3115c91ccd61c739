import { createConnection } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SipError, encodeMessage, type Sip2Client, type Sip2ClientState } from '../src/node/sip2';
import { I, P, kioskClient, startTestNetwork } from './network-fixture';

/** The client against a library system that drops the connection, answers late, or garbles checksums. */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(
  opts: Parameters<typeof startTestNetwork>[0] = {},
  client: Parameters<typeof kioskClient>[2] = {},
) {
  const net = await startTestNetwork(opts);
  cleanups.push(net.stop);
  const kiosk = kioskClient(net.server, 1, client);
  cleanups.push(() => kiosk.close());
  expect(await kiosk.start()).toBe('online');
  return { server: net.server, kiosk };
}

function nextState(kiosk: Sip2Client, want: Sip2ClientState): Promise<void> {
  return new Promise((resolve) => {
    const off = kiosk.on('state', (s) => {
      if (s === want) {
        off();
        resolve();
      }
    });
  });
}

async function rejection(p: Promise<unknown>): Promise<SipError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof SipError) return err;
    throw err;
  }
  throw new Error('expected a rejection');
}

describe('SIP2 client under faults', () => {
  it('connection dropped mid-request: the call fails, the client goes offline, reconnects and works again', async () => {
    const { server, kiosk } = await setup();
    const offline = nextState(kiosk, 'offline');
    server.inject({ kind: 'drop' });
    expect((await rejection(kiosk.itemInformation(I.book))).code).toBe('CONNECTION_CLOSED');
    await offline;
    expect((await rejection(kiosk.itemInformation(I.book))).code).toBe('OFFLINE');
    await nextState(kiosk, 'online');
    expect((await kiosk.itemInformation(I.book)).itemIdentifier).toBe(I.book);
  });

  it('a late answer within the retries is accepted (timeout from the 98: 0.3 s)', async () => {
    const { server, kiosk } = await setup({ acsTimeoutTenths: 3, acsRetries: 3 });
    expect(kiosk.limits).toEqual({ timeoutMs: 300, retries: 3 });
    server.inject({ kind: 'delay', ms: 450 });
    const r = await kiosk.checkout({ patronIdentifier: P.elise.card, itemIdentifier: I.book });
    expect(r.ok).toBe('1');
    // The retried checkout reached the server too; it is idempotent for the same reader.
    expect(
      (await kiosk.patronInformation({ patronIdentifier: P.elise.card, summary: 'charged' })).chargedItems,
    ).toEqual([I.book]);
  });

  it('no answer after all retries: TIMEOUT, then offline and reconnect', async () => {
    const { server, kiosk } = await setup({ acsTimeoutTenths: 2, acsRetries: 1 });
    server.inject({ kind: 'silence', times: 2 });
    const offline = nextState(kiosk, 'offline');
    const err = await rejection(kiosk.itemInformation(I.set));
    expect(err.code).toBe('TIMEOUT');
    await offline;
    await nextState(kiosk, 'online');
    expect((await kiosk.itemInformation(I.set)).partsCount).toBe(3);
  });

  it('a bad checksum from the server is answered by a resend request (97) and the good copy is used', async () => {
    const { server, kiosk } = await setup();
    server.inject({ kind: 'corrupt-checksum' });
    const r = await kiosk.itemInformation(I.book);
    expect(r.itemIdentifier).toBe(I.book);
    expect(server.stats().acsResends).toBe(1);
  });

  it('the server asks for a resend (96) when a request arrives garbled', async () => {
    const { server } = await setup();
    const good = encodeMessage(
      { type: 'scStatus', statusCode: '0', maxPrintWidth: 40, protocolVersion: '2.00' },
      { sequence: 1 },
    );
    const bad = Buffer.from(good);
    bad[3] = 0x35; // one digit of the print width changed: the AZ no longer matches
    const answer = await new Promise<string>((resolve, reject) => {
      const s = createConnection({ host: server.host, port: server.port }, () => s.write(bad));
      s.once('data', (d) => {
        resolve(d.toString('latin1'));
        s.destroy();
      });
      s.once('error', reject);
    });
    expect(answer).toBe('96AZFEF6\r');
    expect(server.stats().scResends).toBe(1);
  });

  it('a 98 saying the library system is off-line puts the kiosk offline until it says on-line again', async () => {
    const { server, kiosk } = await setup({}, { statusIntervalMs: 50 });
    const offline = new Promise<SipError>((resolve) => kiosk.on('offline', resolve));
    server.setAcsOnline(false);
    expect((await offline).details.acsOnline).toBe(false);
    expect(
      (await rejection(kiosk.checkout({ patronIdentifier: P.elise.card, itemIdentifier: I.book }))).code,
    ).toBe('OFFLINE');
    server.setAcsOnline(true);
    await nextState(kiosk, 'online');
  });

  it('a refused terminal login leaves the client offline with LOGIN_REFUSED', async () => {
    const net = await startTestNetwork();
    cleanups.push(net.stop);
    const kiosk = kioskClient(net.server, 2, { login: { userId: 'kiosk-02', password: 'wrong' } });
    cleanups.push(() => kiosk.close());
    const reason = new Promise<SipError>((resolve) => kiosk.on('offline', resolve));
    expect(await kiosk.start()).toBe('offline');
    expect((await reason).code).toBe('LOGIN_REFUSED');
  });

  it('no server at all: offline at start, requests fail at once', async () => {
    const net = await startTestNetwork();
    const port = net.server.port;
    await net.stop();
    const { Sip2Client } = await import('../src/node/sip2');
    const kiosk = new Sip2Client({
      host: '127.0.0.1',
      port,
      institutionId: 'X',
      backoff: { initialMs: 1000 },
    });
    cleanups.push(() => kiosk.close());
    expect(await kiosk.start()).toBe('offline');
    expect((await rejection(kiosk.status())).code).toBe('OFFLINE');
  });
});
