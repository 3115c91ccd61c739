import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SipNetworkServer } from '../src/network';
import type { Sip2Client } from '../src/node/sip2';
import { I, P, isil, kioskClient, startTestNetwork } from './network-fixture';

/**
 * The SIP2 client against the embedded Les Balises network over TCP on localhost:
 * a reader's visit from login to end of session, as a kiosk performs it.
 */
let server: SipNetworkServer;
let stop: () => Promise<void>;
let bib: Sip2Client; // kiosk at the B!B Dunkerque (library 1)
let coudekerque: Sip2Client; // kiosk at Coudekerque-Branche (library 3)

beforeAll(async () => {
  ({ server, stop } = await startTestNetwork());
  bib = kioskClient(server, 1);
  coudekerque = kioskClient(server, 3);
  await Promise.all([bib.start(), coudekerque.start()]);
});
afterAll(async () => {
  await Promise.all([bib.close(), coudekerque.close()]);
  await stop();
});

describe('kiosk session against the embedded network', () => {
  it('logs in and takes timeout and retries from the ACS status (98)', () => {
    expect(bib.state).toBe('online');
    expect(bib.acsStatus).toMatchObject({
      onlineStatus: true,
      institutionId: isil(1),
      protocolVersion: '2.00',
    });
    expect(bib.limits).toEqual({ timeoutMs: 5000, retries: 3 });
  });

  it('patron information checks the PIN and answers in the reader’s language', async () => {
    const ok = await bib.patronInformation({ patronIdentifier: P.elise.card, patronPassword: P.elise.pin });
    expect(ok).toMatchObject({ validPatron: true, validPatronPassword: true, personalName: P.elise.name });
    const wrong = await bib.patronInformation({ patronIdentifier: P.elise.card, patronPassword: '0000' });
    expect(wrong.validPatronPassword).toBe(false);
    const dutch = await bib.patronInformation({
      patronIdentifier: P.jan.card,
      patronPassword: P.jan.pin,
      language: '005',
    });
    expect(dutch.screenMessage?.[0]).toBe('Hallo Jan');
    const unknown = await bib.patronInformation({ patronIdentifier: '29990099999999', patronPassword: '1' });
    expect(unknown.validPatron).toBe(false);
  });

  it('checks out a book: ok, desensitize, due date, owner and parts reported', async () => {
    const r = await bib.checkout({
      patronIdentifier: P.elise.card,
      itemIdentifier: I.book,
      patronPassword: P.elise.pin,
    });
    expect(r).toMatchObject({
      ok: '1',
      desensitize: true,
      itemIdentifier: I.book,
      mediaType: '001',
      partsCount: 1,
    });
    expect(r.dueDate).toMatch(/^\d{8} {3}Z\d{6}$/);
    const info = await bib.itemInformation(I.book);
    expect(info).toMatchObject({ circulationStatus: '04', owner: isil(1), dueDate: r.dueDate });
    const patron = await bib.patronInformation({ patronIdentifier: P.elise.card, summary: 'charged' });
    expect(patron.chargedItems).toContain(I.book);
  });

  it('renews up to the item type’s limit (books: 2), then refuses', async () => {
    const first = await bib.checkout({ patronIdentifier: P.elise.card, itemIdentifier: I.book2 });
    const r1 = await bib.renew({ patronIdentifier: P.elise.card, itemIdentifier: I.book2 });
    expect(r1).toMatchObject({ ok: '1', renewalOk: true });
    expect(r1.dueDate > first.dueDate).toBe(true);
    expect((await bib.renew({ patronIdentifier: P.elise.card, itemIdentifier: I.book2 })).ok).toBe('1');
    const r3 = await bib.renew({ patronIdentifier: P.elise.card, itemIdentifier: I.book2 });
    expect(r3.ok).toBe('0');
    expect(r3.screenMessage?.[0]).toBe('Plus de prolongation possible.');
    expect((await bib.renew({ patronIdentifier: P.visitor.card, itemIdentifier: I.book2 })).ok).toBe('0');
  });

  it('checkin at another member library answers transit to the owner (CT owner ISIL, CV 04)', async () => {
    const r = await coudekerque.checkin({ itemIdentifier: I.book });
    expect(r).toMatchObject({
      ok: '1',
      resensitize: true,
      alert: true,
      alertType: '04',
      destinationLocation: isil(1),
      permanentLocation: isil(1),
      patronIdentifier: P.elise.card,
    });
    expect((await bib.itemInformation(I.book)).circulationStatus).toBe('10');
    // Back home: no alert, it stays.
    const home = await bib.checkin({ itemIdentifier: I.book });
    expect(home).toMatchObject({ ok: '1', alert: false });
    expect(home.alertType).toBeUndefined();
    expect((await bib.itemInformation(I.book)).circulationStatus).toBe('03');
  });

  it('a held item cannot be loaned to another reader; checkin at the pickup library sends it to the hold shelf', async () => {
    const refused = await bib.checkout({ patronIdentifier: P.elise.card, itemIdentifier: I.held });
    expect(refused).toMatchObject({ ok: '0', desensitize: false });
    expect(refused.screenMessage?.[0]).toBe('Document réservé par un autre lecteur.');
    const shelf = await bib.checkin({ itemIdentifier: I.held });
    expect(shelf).toMatchObject({
      alert: true,
      alertType: '01',
      destinationLocation: isil(1),
      holdPatronId: P.jan.card,
    });
    expect((await bib.itemInformation(I.held)).circulationStatus).toBe('08');
    expect((await bib.checkout({ patronIdentifier: P.elise.card, itemIdentifier: I.held })).ok).toBe('0');
    const jan = await bib.checkout({ patronIdentifier: P.jan.card, itemIdentifier: I.held });
    expect(jan.ok).toBe('1');
    expect(jan.screenMessage?.[0]).toBe('Uitlening geregistreerd.');
    expect((await bib.itemInformation(I.held)).holdQueueLength).toBe(0);
  });

  it('blocked readers are refused: fines over the threshold, expired card', async () => {
    const fined = await bib.checkout({ patronIdentifier: P.fined.card, itemIdentifier: I.grandeSynthe });
    expect(fined.ok).toBe('0');
    expect(fined.screenMessage?.[0]).toBe('Amendes à régler avant tout prêt.');
    const status = await bib.patronStatus(P.fined.card, P.fined.pin);
    expect(status.patronStatus).toMatchObject({
      chargePrivilegesDenied: true,
      excessiveOutstandingFines: true,
    });
    expect(status.feeAmount).toBe('15.50');
    const expired = await bib.checkout({ patronIdentifier: P.expired.card, itemIdentifier: I.grandeSynthe });
    expect(expired.ok).toBe('0');
    expect(expired.screenMessage?.[0]).toBe('Votre carte a expiré.');
  });

  it('reports a multi-part set with its part count (ZP) and media type', async () => {
    const set = await bib.itemInformation(I.set);
    expect(set).toMatchObject({ partsCount: 3, mediaType: '005', owner: isil(1), circulationStatus: '03' });
    const r = await bib.checkout({ patronIdentifier: P.visitor.card, itemIdentifier: I.set });
    expect(r).toMatchObject({ ok: '1', partsCount: 3 });
    expect(r.screenMessage?.[0]).toBe('Loan recorded.');
  });

  it('applies an offline checkout (no block + original date) exactly once', async () => {
    const when = new Date(Date.now() - 3_600_000);
    const args = {
      patronIdentifier: P.fined.card,
      itemIdentifier: I.grandeSynthe,
      noBlock: true,
      transactionDate: when,
    };
    const a = await bib.checkout(args);
    const b = await bib.checkout(args);
    expect(a.ok).toBe('1'); // no block: the loan already happened, even for a blocked reader
    expect(b).toMatchObject({ ok: '1', dueDate: a.dueDate });
    const info = await bib.patronInformation({ patronIdentifier: P.fined.card, summary: 'charged' });
    expect(info.chargedItems).toEqual([I.grandeSynthe]);
  });

  it('ends the patron session', async () => {
    const r = await bib.endPatronSession(P.elise.card);
    expect(r).toMatchObject({ endSession: true, patronIdentifier: P.elise.card });
  });

  it('serialises concurrent calls: one request in flight, answers matched to callers', async () => {
    const items = [I.book, I.set, I.held, I.grandeSynthe, I.book2];
    const answers = await Promise.all(items.map((i) => bib.itemInformation(i)));
    expect(answers.map((a) => a.itemIdentifier)).toEqual(items);
  });
});
