/**
 * The touch UI in real Chromium, over the browser shell, against the real loan session with in-memory
 * library and pad doubles. (test/e2e drives the full kiosk: reader simulator and embedded network.)
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium, seriousViolations, type Chromium } from '../../../test/support/chromium';
import { startKioskHost, type KioskHost } from '../../src/host/server';
import { Journal } from '../../src/node/journal/journal';
import { defaultSessionConfig, LoanSession } from '../../src/node/loan/session';
import { FakeLibrary, FakePad } from '../loan/fakes';

const kioskDir = join(import.meta.dirname, '..', '..');
const rendererDir = join(kioskDir, 'dist', 'renderer');
const artifacts = join(kioskDir, 'test-artifacts', 'touch-ui');
const CARD = '29000000000017';

vi.setConfig({ testTimeout: 60_000 });

let chromium: Chromium;
let host: KioskHost;
let session: LoanSession;
let library: FakeLibrary;
let pad: FakePad;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  library = new FakeLibrary('FR-LOCAL')
    .addPatron(CARD, { name: 'Camille' })
    .addItem('B1', { title: 'Dunkerque 1940' })
    .addItem('H1', { title: 'Les petits navires', holdFor: '29000000000099' });
  pad = new FakePad().addTag('E004010000000001', 'B1').addTag('E004010000000002', 'H1');
  const journal = new Journal(join(mkdtempSync(join(tmpdir(), 'kiosk-ui-')), 'journal.db'));
  session = new LoanSession({
    library,
    pad,
    journal,
    config: {
      ...defaultSessionConfig,
      library: { name: 'Médiathèque de Dunkerque', isil: 'FR-LOCAL' },
      networkIsils: ['FR-LOCAL'],
    },
  });
  await session.start();
  host = await startKioskHost({ services: { kiosk: session }, rendererDir });
  chromium = await launchChromium({ bypassCSP: true });
}, 120_000);

afterAll(async () => {
  await chromium?.close();
  await host?.close();
  await session?.stop();
});

async function axeClean(page: Page, name: string) {
  await page.screenshot({ path: join(artifacts, `${name}.png`) });
  expect(await seriousViolations(page), `${name}: axe serious/critical`).toEqual([]);
}

describe('the touch UI', () => {
  it('lets a visitor borrow, tells them what was refused and why, in their language', async () => {
    const page = await chromium.context.newPage();
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'Bienvenue' }).waitFor();
    await axeClean(page, '1-welcome');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Welcome' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.getByRole('button', { name: 'Borrow' }).click();
    await page.getByLabel('Card number').fill(CARD);
    await axeClean(page, '2-identify');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('heading', { name: 'Hello Camille' }).waitFor();

    pad.place('E004010000000001', 'E004010000000002');
    await page.getByText('Borrowed until').waitFor();
    await page.getByText('This item is reserved for another reader.').waitFor();
    await axeClean(page, '3-borrowed');
    expect(pad.tags.get('E004010000000001')?.secured).toBe(false);
    expect(pad.tags.get('E004010000000002')?.secured).toBe(true);

    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByText('Dit materiaal is gereserveerd voor een andere lezer.').waitFor();

    await page.getByRole('button', { name: 'Afronden zonder bon' }).click();
    await page.getByRole('heading', { name: 'Bedankt en tot ziens!' }).waitFor();
    await axeClean(page, '4-receipt');
    expect((await session.getState()).patron).toBeNull();
    await page.close();
  });

  it('says plainly when the card is unknown, with an accessible alert', async () => {
    const page = await chromium.context.newPage();
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Mon compte' }).click();
    await page.getByLabel('Numéro de carte').fill('12345');
    await page.getByRole('button', { name: 'Valider' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Carte inconnue');
    await axeClean(page, '5-unknown-card');
    await page.getByRole('button', { name: 'Annuler' }).click();
    await page.getByRole('heading', { name: 'Bienvenue' }).waitFor();
    await page.close();
  });
});
