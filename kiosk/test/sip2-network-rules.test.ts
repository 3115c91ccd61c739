import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SipNetworkServer } from '../src/network';
import { Sip2Client, SipError } from '../src/node/sip2';
import { I, P, isil, kioskClient, startTestNetwork } from './network-fixture';

/** Network rules beyond the main visit: holds for another library, login required, Latin-1 end to end. */
let server: SipNetworkServer;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ server, stop } = await startTestNetwork());
});
afterAll(async () => stop());

describe('embedded network rules', () => {
  it('checkin of an item held for pickup elsewhere answers CV 02 with the pickup library as CT', async () => {
    server.db
      .prepare('INSERT INTO holds (item, card, pickup, placed) VALUES (?, ?, 10, ?)')
      .run(I.grandeSynthe, P.visitor.card, new Date().toISOString());
    const kiosk = kioskClient(server, 2);
    try {
      await kiosk.start();
      const r = await kiosk.checkin({ itemIdentifier: I.grandeSynthe });
      expect(r).toMatchObject({
        alert: true,
        alertType: '02',
        destinationLocation: isil(10),
        holdPatronId: P.visitor.card,
      });
      expect((await kiosk.itemInformation(I.grandeSynthe)).circulationStatus).toBe('10');
    } finally {
      await kiosk.close();
    }
  });

  it('a floating item (magazines) returned elsewhere stays there: no transit, location updated', async () => {
    const magazine = server.db
      .prepare(
        "SELECT barcode FROM items WHERE type = 'revue' AND owner = 1 AND status = 'available' AND barcode NOT IN (SELECT item FROM holds) LIMIT 1",
      )
      .pluck()
      .get() as string;
    const kiosk = kioskClient(server, 3);
    try {
      await kiosk.start();
      const r = await kiosk.checkin({ itemIdentifier: magazine });
      expect(r).toMatchObject({ ok: '1', alert: false, permanentLocation: isil(1) });
      expect(r.alertType).toBeUndefined();
      expect(await kiosk.itemInformation(magazine)).toMatchObject({
        owner: isil(1),
        currentLocation: isil(3),
        circulationStatus: '03',
      });
    } finally {
      await kiosk.close();
    }
  });

  it('a terminal that has not logged in is refused (LOGIN_REFUSED), status aside', async () => {
    const anonymous = new Sip2Client({
      host: server.host,
      port: server.port,
      institutionId: isil(1),
      statusIntervalMs: 0,
    });
    try {
      expect(await anonymous.start()).toBe('online'); // 99/98 need no login
      const err = await anonymous.itemInformation(I.book).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SipError);
      expect((err as SipError).code).toBe('LOGIN_REFUSED');
    } finally {
      await anonymous.close();
    }
  });

  it('speaks Latin-1 end to end when both sides are set to it', async () => {
    const latin = await startTestNetwork({ charset: 'latin1' });
    const kiosk = kioskClient(latin.server, 1, { charset: 'latin1' });
    try {
      expect(await kiosk.start()).toBe('online');
      const r = await kiosk.checkout({ patronIdentifier: P.elise.card, itemIdentifier: I.book });
      expect(r.titleIdentifier).toBe('Les Dunes de Zuydcoote : récit');
      expect(r.screenMessage).toEqual(['Prêt enregistré.']);
      expect(latin.server.stats().acsResends).toBe(0);
    } finally {
      await kiosk.close();
      await latin.stop();
    }
  });
});
