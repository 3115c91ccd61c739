/**
 * The acceptance walk-through, in headless Chromium against `vite preview` of the
 * production build: install criteria, download with progress and verification,
 * refusal of a tampered package, offline reload and play, a geolocated walk that
 * fires every stop once and in order with narration and captions, privacy, axe-core.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { walkFixes } from '../../src/geo';
import { BROKEN_ID, FIXTURE_ID, buildFixtures } from '../support/buildFixtures';
import type { Fixtures } from '../support/buildFixtures';
import type { Preview } from '../support/harness';
import { ARTIFACTS, buildApp, haveChromium, launchBrowser, startPreview } from '../support/harness';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

describe.skipIf(!haveChromium())('tour PWA end to end', { timeout: 120_000 }, () => {
  let fx: Fixtures;
  let site: Preview;
  let context: BrowserContext;
  let page: Page;
  const pageRequests: string[] = [];

  beforeAll(async () => {
    const work = mkdtempSync(join(tmpdir(), 'tour-pwa-e2e-'));
    const [fixtures] = await Promise.all([buildFixtures(join(work, 'tours')), buildApp(join(work, 'dist'))]);
    fx = fixtures;
    site = await startPreview({
      distDir: join(work, 'dist'),
      toursDir: fx.root,
      trustedKeys: [fx.publicKeyPem],
      assetDelayMs: 250,
    });
    context = await launchBrowser();
    await context.grantPermissions(['geolocation'], { origin: new URL(site.url).origin });
    page = await context.newPage();
    page.on('request', (r) => pageRequests.push(r.url()));
    if (process.env.E2E_DEBUG) {
      page.on('console', (m) => console.log('[console]', m.text()));
      page.on('pageerror', (e) => console.log('[pageerror]', e.message));
    }
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await site?.close();
  });

  async function axe(name: string): Promise<void> {
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
    await page.addScriptTag({ content: readFileSync(axePath, 'utf8') });
    const violations = await page.evaluate(async () => {
      const w = window as unknown as {
        axe: {
          run(opts: object): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
        };
      };
      const r = await w.axe.run({
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, count: v.nodes.length }));
    });
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad, `${name}: ${JSON.stringify(bad)}`).toEqual([]);
  }

  it('meets the install criteria: a manifest with icons and a service worker in control', async () => {
    await page.goto(site.url);
    await page.getByRole('heading', { level: 1, name: 'Heritage tours' }).waitFor();
    const manifestHref = await page.getAttribute('link[rel=manifest]', 'href');
    expect(manifestHref).toBeTruthy();
    const manifest = (await (await page.request.get(new URL(manifestHref!, site.url).href)).json()) as {
      icons: { sizes: string; purpose?: string }[];
      display: string;
      start_url: string;
      name: string;
    };
    expect(manifest.display).toBe('standalone');
    expect(manifest.start_url).toBeTruthy();
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    const controlled = await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      for (let i = 0; i < 50 && !navigator.serviceWorker.controller; i++)
        await new Promise((r) => setTimeout(r, 100));
      return navigator.serviceWorker.controller !== null;
    });
    expect(controlled).toBe(true);
    // Chromium decided the app is installable: it offered its install prompt (the app defers it to a button).
    await page.getByRole('button', { name: 'Install the app' }).waitFor();
    await axe('01-catalogue');
    // The language follows the browser (en-GB here) and can be switched; the choice is kept.
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { level: 1, name: 'Parcours patrimoniaux' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.getByLabel('Langue').selectOption('nl');
    await page.getByRole('heading', { level: 1, name: 'Erfgoedwandelingen' }).waitFor();
    await page.getByLabel('Taal').selectOption('en');
  });

  it('downloads a tour with a visible progress bar, verified, and marks it downloaded', async () => {
    await page.getByRole('link', { name: /Test walk \(fixture-walk\)/ }).click();
    await page.getByRole('heading', { level: 1, name: /fixture-walk/ }).waitFor();
    await axe('02-tour-page');
    await page.getByRole('button', { name: /Download for offline use/ }).click();
    const bar = page.locator('progress#dl-progress');
    await bar.waitFor({ state: 'visible' });
    const seen = new Set<number>();
    while (await bar.isVisible().catch(() => false)) {
      const v = Number(await bar.getAttribute('value').catch(() => 0));
      seen.add(v);
      await page.waitForTimeout(100);
    }
    expect(seen.size, 'the bar moved through several values').toBeGreaterThan(2);
    await page.getByText('Downloaded: this tour works offline.').waitFor();
    const cached = await page.evaluate(
      async () => (await (await caches.open('tour-packages')).keys()).length,
    );
    expect(cached).toBeGreaterThan(5);
  });

  it('refuses a package with one asset byte changed, with a clear message, and installs nothing of it', async () => {
    await page.goto(`${site.url}#/tour/${BROKEN_ID}`);
    await page.getByRole('button', { name: /Download for offline use/ }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.getAttribute('data-code')).toBe('PACKAGE_REFUSED');
    expect(await alert.textContent()).toMatch(/failed its security check.*ASSET_HASH_MISMATCH/);
    await axe('03-refused');
    const broken = await page.evaluate(async (id) => {
      const keys = await (await caches.open('tour-packages')).keys();
      return keys.filter((k) => k.url.includes(`/${id}/`) && k.url.endsWith('manifest.json')).length;
    }, BROKEN_ID);
    expect(broken).toBe(0);
    expect(await page.getByRole('button', { name: /Start the walk/ }).count()).toBe(0);
  });

  it('offline: reloads, opens the downloaded tour and plays a stop', async () => {
    await context.setOffline(true);
    try {
      await page.goto(`${site.url}#/`);
      await page.reload();
      await page.getByText('You are offline').waitFor();
      await page.getByRole('link', { name: /Test walk \(fixture-walk\)/ }).click();
      await page.getByRole('radio', { name: /Adult/ }).check();
      await page.getByRole('button', { name: /Start the walk/ }).click();
      await page.getByRole('heading', { level: 1, name: /Walking mode/ }).waitFor();
      await axe('04-walk');
      await page.getByRole('button', { name: "I'm here" }).click();
      await page.locator('#stop-title').filter({ hasText: 'Stop 1' }).waitFor();
      await page.locator('audio[data-status=playing]').waitFor({ state: 'attached', timeout: 10_000 });
      await expect
        .poll(() => page.getByTestId('caption').textContent())
        .toMatch(/Caption (one|two) of stop 1/);
      await axe('05-stop');
      // Leave the walk and forget its progress, for the geolocated walk below.
      await page.evaluate(() => localStorage.removeItem('dunkirk.progress'));
    } finally {
      await context.setOffline(false);
    }
  });

  it('walking with geolocation: a 200 m fix fires nothing; every stop fires once, in order, with narration and captions', async () => {
    await page.goto(`${site.url}#/tour/${FIXTURE_ID}`);
    await page.reload();
    await page.getByRole('radio', { name: /Family/ }).check();
    // An imprecise fix right on the first stop must not trigger it.
    const s1 = fx.stops[0]!.position;
    await context.setGeolocation({ longitude: s1[0], latitude: s1[1], accuracy: 200 });
    await page.getByRole('button', { name: /Start the walk/ }).click();
    await page.getByText(/Position too imprecise \(200 m\)/).waitFor();
    await page.waitForTimeout(500);
    expect(await page.locator('#stop-title').count()).toBe(0);

    const fixes = walkFixes(fx.route, { everyM: 5, noiseM: 5, accuracyM: 10, seed: 7 });
    const reached: string[] = [];
    for (const f of fixes) {
      await context.setGeolocation({
        longitude: f.position[0],
        latitude: f.position[1],
        accuracy: f.accuracyM,
      });
      await page.waitForTimeout(40);
      const title = await page
        .locator('#stop-title')
        .textContent({ timeout: 50 })
        .catch(() => null);
      if (title && title !== reached.at(-1)) {
        reached.push(title);
        await page.locator('audio[data-status=playing]').waitFor({ state: 'attached', timeout: 5_000 });
        const n = reached.length;
        await expect
          .poll(() => page.getByTestId('caption').textContent(), { timeout: 3_000 })
          .toMatch(new RegExp(`Caption (one|two) of stop ${n}`));
        if (n === 1) await page.screenshot({ path: join(ARTIFACTS, '06-arrival.png'), fullPage: true });
      }
    }
    expect(reached).toEqual(['Stop 1', 'Stop 2', 'Stop 3']);
    const arrivals = await page.evaluate(() => performance.getEntriesByName('geofence-arrive').length);
    expect(arrivals).toBe(3);
    const saved = await page.evaluate(() => localStorage.getItem('dunkirk.progress'));
    expect(
      (JSON.parse(saved!) as { state: { tours: Record<string, { visited: string[] }> } }).state.tours[
        FIXTURE_ID
      ]!.visited,
    ).toEqual(['stop-1', 'stop-2', 'stop-3']);
  });

  it('offline, at a fixed simulated time: the tour’s map layers on the walk (toggles, map points, card with source and licence, next departures), library links on a stop, getting there from the tour page', async () => {
    // Tuesday 26 May 2026, 08:50 in Dunkirk; the visitor stands on Malo beach.
    const now = '2026-05-26T06:50:00Z';
    await context.setGeolocation({ longitude: 2.40557, latitude: 51.05226, accuracy: 10 });
    await context.setOffline(true);
    try {
      await page.goto(`${site.url}?now=${now}#/tour/${FIXTURE_ID}`);
      await page.reload();
      // The tour page offers "getting there" from the downloaded timetable.
      await page.getByRole('heading', { level: 2, name: 'Getting there' }).waitFor();
      await page.getByRole('button', { name: 'Use my position' }).click();
      await page.getByRole('button', { name: 'Go to: Town centre (Place Jean-Bart)' }).click();
      const ride = page.locator('.layers-rides > li').first();
      await ride.waitFor();
      expect(await ride.getAttribute('data-trip')).toBe('S1-WD-IN-0830');
      expect(await ride.innerText()).toContain('Bus S1 at 08:58 towards Place Jean-Bart');
      await axe('08-getting-there');

      await page.getByRole('button', { name: /(Start|Continue) the walk/ }).click();
      await page.getByRole('heading', { level: 2, name: 'Map layers' }).waitFor();
      // The map loads lazily: wait until it is drawn, or gone (no WebGL: the list alone carries the layers).
      await expect.poll(() => page.locator('.map[data-map-state=loading]').count()).toBe(0);
      const map = page.locator('.map[data-layer-points]');
      const mapPoints = async () => Number(await map.getAttribute('data-layer-points'));
      const hasMap = (await map.count()) > 0;
      const shownBefore = hasMap ? await mapPoints() : 0;
      expect(await page.locator('.layers-list [data-point^="stop-"]').count()).toBe(0);

      // Toggling the transport layer shows its five bus stops in the list and on the map.
      const transport = page.getByRole('checkbox', { name: /Transport/ });
      await transport.check();
      await expect.poll(() => page.locator('.layers-list [data-point^="stop-"]').count()).toBe(5);
      if (hasMap) await expect.poll(mapPoints).toBe(shownBefore + 5);

      // A point's card names its source and licence.
      await page.locator('[data-point="poi-statue-jean-bart"] button').click();
      const card = page.locator('.layers-card');
      expect(await card.locator('.layers-source').textContent()).toBe('DATAtourisme (Hand-made sample data)');
      expect(await card.locator('.layers-licence').textContent()).toBe('Licence Ouverte 2.0 (Etalab)');
      expect(await card.locator('.layers-attribution').textContent()).toBe(
        'DATAtourisme, Licence Ouverte 2.0 (Etalab)',
      );

      // Next departures from the Place Jean-Bart stop at 08:50 on that Tuesday.
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
      await axe('09-walk-layers');

      // A stop's screen lists its library links; offline, it says a connection is needed.
      await page.goto(`${site.url}?now=${now}#/walk/${FIXTURE_ID}/stop/stop-1`);
      const links = page.locator('.layers-library');
      await links.waitFor();
      expect(await links.locator('a').count()).toBe(0);
      expect(await links.innerText()).toContain('Offline: this link needs a connection.');
      await axe('10-stop-library');
    } finally {
      await context.setOffline(false);
    }
  });

  it('keeps the position on the device: no request leaves the origin or carries coordinates', () => {
    const origin = new URL(site.url).origin;
    const external = pageRequests.filter(
      (u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'),
    );
    expect(external).toEqual([]);
    const coords = /51\.03|2\.3[56]|lat|lon|lng|accuracy/i;
    expect(pageRequests.filter((u) => coords.test(u))).toEqual([]);
    expect(site.requests.filter((u) => coords.test(u))).toEqual([]);
  });
});
