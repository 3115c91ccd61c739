/**
 * The session's library port over SIP2, against the embedded Les Balises network on localhost: the
 * refusal codes the visitor sees come from standard flags and statuses, not from screen text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMBER_LIBRARIES } from '../../src/network';
import { Sip2LibrarySystem } from '../../src/node/adapters/sip2-library';
import { LibraryOffline } from '../../src/node/loan/ports';
import type { Sip2Client } from '../../src/node/sip2';
import { I, P, isil, kioskClient, startTestNetwork } from '../network-fixture';

let network: Awaited<ReturnType<typeof startTestNetwork>>;
let client: Sip2Client;
let library: Sip2LibrarySystem;

beforeAll(async () => {
  network = await startTestNetwork();
  client = kioskClient(network.server, 1);
  await client.start();
  library = new Sip2LibrarySystem(client, {
    requirePin: true,
    here: isil(1),
    libraryNames: new Map(MEMBER_LIBRARIES.map((l) => [l.isil, l.name])),
  });
});

afterAll(async () => {
  await client?.close();
  await network?.stop();
});

describe('the library system over SIP2', () => {
  it('knows a reader, checks the PIN, and says whether it is right', async () => {
    expect(library.online).toBe(true);
    const wrong = await library.patron(P.elise.card, '0000');
    expect(wrong).toMatchObject({
      kind: 'found',
      pinValid: false,
      patron: { name: P.elise.name, pinRequired: true },
    });
    const right = await library.patron(P.elise.card, P.elise.pin);
    expect(right).toMatchObject({ kind: 'found', pinValid: true });
    expect(await library.patron('29990000009999')).toEqual({ kind: 'unknown' });
  });

  it('lends, asks to disarm, and gives the due date and title', async () => {
    const answer = await library.checkout(P.elise.card, I.book);
    expect(answer).toMatchObject({ ok: true, desensitize: true });
    expect(answer.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(answer.title).toBeTruthy();
    expect(await library.item(I.book)).toMatchObject({ known: true, onLoan: true });
    const account = await library.patron(P.elise.card, P.elise.pin);
    expect(account.kind === 'found' && account.patron.loans.map((l) => l.itemId)).toContain(I.book);
  });

  it('refuses an item on hold for someone else with that reason', async () => {
    expect(await library.checkout(P.elise.card, I.held)).toMatchObject({
      ok: false,
      desensitize: false,
      refusal: 'item-on-hold-for-other',
    });
  });

  it('reports blocked readers from their status flags', async () => {
    const fined = await library.patron(P.fined.card, P.fined.pin);
    expect(fined).toMatchObject({ kind: 'found', patron: { blocked: 'fines-over-limit' } });
    expect((await library.checkout(P.fined.card, I.book2)).refusal).toBe('fines-over-limit');
    const expired = await library.patron(P.expired.card, P.expired.pin);
    expect(expired.kind === 'found' && expired.patron.blocked).toBeTruthy();
  });

  it('takes back a Grande-Synthe book at the B!B and says it goes back to Grande-Synthe', async () => {
    await library.checkout(P.elise.card, I.grandeSynthe);
    const answer = await library.checkin(I.grandeSynthe);
    expect(answer).toMatchObject({ ok: true, resensitize: true });
    expect(answer.destination).toMatchObject({ kind: 'transit', isil: isil(2) });
    expect(await library.item(I.grandeSynthe)).toMatchObject({ onLoan: false });
  });

  it('renews a loan with a new due date', async () => {
    await library.checkout(P.elise.card, I.book2);
    const renewed = await library.renew(P.elise.card, I.book2);
    expect(renewed.ok).toBe(true);
  });

  it('turns an unreachable system into LibraryOffline, whatever the call', async () => {
    const lonely = kioskClient(network.server, 3, { timeoutMs: 300, retries: 0 });
    await lonely.start();
    const port = new Sip2LibrarySystem(lonely, { requirePin: false, here: isil(3), libraryNames: new Map() });
    await lonely.close();
    await expect(port.item(I.book)).rejects.toBeInstanceOf(LibraryOffline);
    await expect(port.checkout(P.elise.card, I.book)).rejects.toBeInstanceOf(LibraryOffline);
  });
});
