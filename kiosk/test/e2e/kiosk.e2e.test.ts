/**
 * The kiosk end to end, as a visitor meets it: headless Chromium on the browser shell, the loan core
 * booted from a configuration, the 3M reader simulator on the far end of a socat PTY pair (the real
 * serialport stack), and the embedded Les Balises network over SIP2/TCP.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium, seriousViolations, type Chromium } from '../../../test/support/chromium';
import { startKioskStack, type KioskStack } from '../../src/host/stack';
import {
  MEMBER_LIBRARIES,
  SEED_FIXTURES,
  openNetworkDb,
  seedNetwork,
  startSipNetworkServer,
  type NetworkDb,
  type SipNetworkServer,
} from '../../src/network';
import type { DemoDocument } from '../../src/node/demo-pad';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const artifacts = join(import.meta.dirname, '..', '..', 'test-artifacts', 'e2e');
const { items, patrons } = SEED_FIXTURES;
const isil = (id: number) => MEMBER_LIBRARIES.find((l) => l.id === id)!.isil;
/** A two-part set added to the seed for this test (the seed's own set has three parts). */
const TWO_PART_SET = '3010000000990';

const stack5: DemoDocument[] = [
  { uid: 'E004016000000001', label: 'book', itemId: items.book, ownerIsil: isil(1) },
  { uid: 'E004016000000002', label: 'book2', itemId: items.book2, ownerIsil: isil(1) },
  { uid: 'E004016000000003', label: 'held', itemId: items.held, ownerIsil: isil(1) },
  { uid: 'E004016000000011', label: 'set 1/2', itemId: TWO_PART_SET, ownerIsil: isil(1), part: 1, parts: 2 },
  { uid: 'E004016000000012', label: 'set 2/2', itemId: TWO_PART_SET, ownerIsil: isil(1), part: 2, parts: 2 },
];

let dir: string;
let db: NetworkDb;
let server: SipNetworkServer;
let chromium: Chromium;
const stacks: KioskStack[] = [];

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  db = openNetworkDb(join(dir, 'network.sqlite'));
  await seedNetwork(db, { items: 300, patrons: 40, seed: 1940 });
  const type = (db.prepare('SELECT type FROM items WHERE barcode = ?').get(items.set) as { type: string })
    .type;
  db.prepare(
    "INSERT INTO items (barcode, title, author, type, owner, location, parts, status) VALUES (?, ?, ?, ?, 1, 1, 2, 'available')",
  ).run(TWO_PART_SET, 'Dunkerque, mai-juin 1940 (2 DVD)', 'Archives municipales', type);
  server = await startSipNetworkServer({ db, host: '127.0.0.1', port: 0 });
  chromium = await launchChromium({ bypassCSP: true });
});

afterAll(async () => {
  await chromium?.close();
  for (const s of stacks) await s.stop();
  await server?.close();
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function kioskAt(
  libraryId: number,
  documents: DemoDocument[],
  idle?: { idleSeconds: number; idleWarningSeconds: number },
) {
  const stack = await startKioskStack({
    dir: join(dir, `kiosk-${libraryId}`),
    libraryId,
    protocol: '3m',
    documents,
    network: { host: server.host, port: server.port },
    ...(idle ?? {}),
  });
  stacks.push(stack);
  return stack;
}

async function check(page: Page, name: string) {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
  expect(await seriousViolations(page), `${name}: axe serious/critical`).toEqual([]);
}

const onLoan = (barcode: string) =>
  (db.prepare('SELECT card FROM loans WHERE item = ?').get(barcode) as { card: string } | undefined)?.card ??
  null;

describe('a visitor at a Les Balises kiosk', () => {
  it('borrows a stack of five tags: the item on hold is refused, the rest (with a two-part set) lent and disarmed', async () => {
    const kiosk = await kioskAt(1, stack5);
    const page = await chromium.context.newPage();
    await page.goto(kiosk.url);
    await page.getByRole('heading', { name: 'Bienvenue' }).waitFor();
    await check(page, '01-welcome');

    await page.getByRole('button', { name: 'Emprunter' }).click();
    await page.getByLabel('Numéro de carte').fill(patrons.elise.card);
    await page.getByRole('button', { name: 'Valider' }).click();
    await page.getByRole('heading', { name: 'Votre code' }).waitFor();
    await check(page, '02-pin');
    await page.getByLabel('Code confidentiel').fill(patrons.elise.pin);
    await page.getByRole('button', { name: 'Valider' }).click();
    await page.getByRole('heading', { name: `Bonjour ${patrons.elise.name}` }).waitFor();

    for (const doc of stack5) await kiosk.pad.place(doc.uid);
    await page.getByText('Ce document est réservé pour un autre lecteur.').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByText(/Prêté jusqu’au/).count(), { timeout: 30_000 }).toBe(3);
    await check(page, '03-borrowed');

    // The library system and the tags agree, item by item.
    expect(onLoan(items.book)).toBe(patrons.elise.card);
    expect(onLoan(items.book2)).toBe(patrons.elise.card);
    expect(onLoan(TWO_PART_SET)).toBe(patrons.elise.card);
    expect(onLoan(items.held)).toBeNull();
    const tags = Object.fromEntries((await kiosk.pad.list()).map((t) => [t.label, t.secured]));
    expect(tags).toEqual({ book: false, book2: false, held: true, 'set 1/2': false, 'set 2/2': false });

    await page.getByRole('button', { name: 'Terminer avec un ticket' }).click();
    await page.getByRole('heading', { name: 'Merci et à bientôt !' }).waitFor();
    await page.getByText('Prenez votre ticket.').waitFor();
    await check(page, '04-receipt');
    expect((await kiosk.core.session.getState()).patron).toBeNull();
    await page.close();
  });

  it('takes the book back at Grande-Synthe and says it must travel to the B!B; then forgets the visitor when idle', async () => {
    const kiosk = await kioskAt(
      2,
      [{ uid: 'E004016000000001', label: 'book', itemId: items.book, ownerIsil: isil(1), secured: false }],
      { idleSeconds: 20, idleWarningSeconds: 10 },
    );
    const page = await chromium.context.newPage();
    await page.goto(kiosk.url);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Return' }).click();
    await kiosk.pad.place('E004016000000001');
    await page.getByText('Goes back to: B!B Dunkerque').waitFor({ timeout: 30_000 });
    await check(page, '05-return-transit');
    expect(onLoan(items.book)).toBeNull();
    expect((await kiosk.pad.list())[0]?.secured).toBe(true);

    // No touch for a while: a warning, then the session is forgotten.
    await page.getByRole('alertdialog', { name: 'Are you still there?' }).waitFor({ timeout: 25_000 });
    await check(page, '06-idle-warning');
    await page.getByRole('heading', { name: 'Bienvenue' }).waitFor({ timeout: 25_000 });
    const state = await kiosk.core.session.getState();
    expect(state).toMatchObject({ screen: 'welcome', patron: null, items: [] });
    await page.close();
  });
});
