/**
 * The layers components in headless Chromium (Debian's /usr/bin/chromium through playwright-core),
 * offline once the harness page has loaded: toggles, the point card's source and licence, and the
 * next departures from a sample stop at a fixed simulated time. Skipped where Chromium is absent.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, CHROMIUM_QUIET_ARGS } from '../../../test/support/chromium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const APP_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ARTIFACTS = join(APP_ROOT, 'test-artifacts');
/** Tuesday 26 May 2026, 08:50 in Dunkirk (CEST, UTC+2). */
const NOW = '2026-05-26T06:50:00Z';
/** The visitor stands on Malo beach, the tour's last stop. */
const AT = '2.40557,51.05226';

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

describe.skipIf(!existsSync(CHROMIUM_PATH))('layers components in Chromium, offline', () => {
  let dist: string;
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'layers-harness-'));
    await promisify(execFile)(
      process.execPath,
      [
        join(APP_ROOT, '../node_modules/vite/bin/vite.js'),
        'build',
        '--config',
        join(APP_ROOT, 'src/layers/harness/vite.config.ts'),
        '--outDir',
        dist,
      ],
      { cwd: APP_ROOT, env: { ...process.env, NODE_ENV: 'production' } },
    );
    server = createServer((req, res) => {
      const path = normalize(new URL(req.url ?? '/', 'http://x').pathname).replace(/^(\.\.[/\\])+/, '');
      const file = join(dist, path === '/' ? 'index.html' : path);
      if (!file.startsWith(dist) || !existsSync(file)) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const port = (server.address() as { port: number }).port;
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_QUIET_ARGS,
    });
    context = await browser.newContext({ locale: 'en-GB' });
    page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/?lang=en&now=${NOW}&at=${AT}`);
    await page.getByRole('heading', { name: 'Map layers' }).waitFor();
    await context.setOffline(true);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((ok) => server?.close(ok));
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  it('is offline, and shows heritage and museums but no bus stops at first', async () => {
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    expect(await page.locator('.layers-list [data-point^="stop-"]').count()).toBe(0);
    expect(await page.locator('.layers-plot circle[data-category="heritage"]').count()).toBe(4);
  });

  it('toggling the transport layer shows its points in the list and on the plot, and hides them again', async () => {
    const transport = page.getByRole('checkbox', { name: /Transport/ });
    await transport.check();
    await expect.poll(() => page.locator('.layers-list [data-point^="stop-"]').count()).toBe(5);
    expect(await page.locator('.layers-plot circle[data-category="transport"]').count()).toBe(5);
    // nearest first: the visitor stands on Malo beach, about 70 m from the Malo stop
    expect(
      await page
        .locator('.layers-list li')
        .evaluateAll((lis) => lis.slice(0, 2).map((li) => li.dataset['point'])),
    ).toEqual(['poi-plage-malo-les-bains', 'stop-malo']);
    await transport.uncheck();
    expect(await page.locator('.layers-plot circle[data-category="transport"]').count()).toBe(0);
    await transport.check();
  });

  it('a point’s card shows its source and licence, and moves focus to its heading', async () => {
    await page.locator('[data-point="poi-statue-jean-bart"] button').click();
    const card = page.locator('.layers-card');
    await expect.poll(() => card.locator('h3').textContent()).toBe('Statue of Jean Bart, Place Jean-Bart');
    expect(await card.locator('.layers-source').textContent()).toBe('DATAtourisme (Hand-made sample data)');
    expect(await card.locator('.layers-licence').textContent()).toBe('Licence Ouverte 2.0 (Etalab)');
    expect(await card.locator('.layers-attribution').textContent()).toBe(
      'DATAtourisme, Licence Ouverte 2.0 (Etalab)',
    );
    expect(await card.textContent()).toContain('poi-statue-jean-bart');
    expect(await card.textContent()).toContain('Opening hours not known');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H3');
  });

  it('next departures from the Place Jean-Bart sample stop at 08:50 on a Tuesday list the right trips', async () => {
    await page.locator('[data-point="stop-jbart"] button').click();
    const rows = page.locator('.layers-card .layers-departures tbody tr');
    await expect.poll(() => rows.count()).toBe(6);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-trip')))).toEqual([
      'S1-WD-OUT-0900',
      'S2-WD-IN-0900',
      'S2-WD-OUT-0915',
      'S2-WD-IN-0930',
      'S2-WD-OUT-0945',
      'S1-WD-OUT-1000',
    ]);
    expect(await rows.first().innerText()).toMatch(/^09:00\s+S1\s+Bray-Dunes$/);
    expect(await page.locator('.layers-card caption').textContent()).toBe(
      'Next departures from Place Jean-Bart',
    );
    // The timetable's own licence, named, and its credit line.
    expect(await page.locator('.layers-card .layers-licence').textContent()).toMatch(/^CC0 1\.0/);
  });

  it('closing a card gives the focus back to the point in the list', async () => {
    await page.locator('.layers-card').getByRole('button', { name: 'Close' }).click();
    expect(await page.locator('.layers-card').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.dataset['point'])).toBe(
      'stop-jbart',
    );
  });

  it('"how to get there" back to the centre offers the next S1 from Malo, with honest walking legs', async () => {
    await page.getByRole('button', { name: 'Go to: Town centre (Place Jean-Bart)' }).click();
    const first = page.locator('.layers-rides > li').first();
    await first.waitFor();
    expect(await first.getAttribute('data-trip')).toBe('S1-WD-IN-0830');
    expect(await first.innerText()).toContain('Bus S1 at 08:58 towards Place Jean-Bart');
    expect(await page.locator('.layers-journey').innerText()).toContain('as the crow flies');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'layers-harness.png'), fullPage: true });
  });

  it('passes axe-core’s WCAG 2 A/AA rules with a card and a journey open', async () => {
    const axe = readFileSync(join(APP_ROOT, '../node_modules/axe-core/axe.min.js'), 'utf8');
    await page.addScriptTag({ content: axe });
    const violations = await page.evaluate(async () => {
      const w = window as unknown as {
        axe: { run(o: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
      };
      const r = await w.axe.run({ runOnly: ['wcag2a', 'wcag2aa'] });
      return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
  });

  it('offers catalogue links only while online: offline, it says a connection is needed', async () => {
    const library = page.locator('.layers-library');
    expect(await library.locator('a').count()).toBe(0);
    expect(await library.innerText()).toContain('Offline: this link needs a connection.');
    expect(await library.innerText()).toContain('ISBN 9780062740311');
  });
});
