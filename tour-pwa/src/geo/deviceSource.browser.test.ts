// deviceSource against Chromium's real Geolocation API (emulated positions through Playwright).
// Skipped where Chromium is absent; CI installs it (TOOLCHAIN.md).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, CHROMIUM_QUIET_ARGS } from '../../../test/support/chromium';

// A loopback origin is a secure context, so the Geolocation API is exposed; no server is started:
// every request is answered by the route below.
const ORIGIN = 'http://127.0.0.1:9';
const here = fileURLToPath(new URL('.', import.meta.url));

const PAGE = `<!doctype html><script type="module">
import { deviceSource } from './deviceSource';
window.log = [];
window.stop = deviceSource(navigator.geolocation, { timeoutMs: 60000 }).start(
  (f) => window.log.push({ fix: f.position, accuracyM: f.accuracyM }),
  (e) => window.log.push({ error: e.code }),
);
</script>`;

async function openPage(browser: Browser, grant: boolean): Promise<Page> {
  const context = await browser.newContext();
  if (grant) await context.grantPermissions(['geolocation'], { origin: ORIGIN });
  await context.route(`${ORIGIN}/**`, async (route) => {
    const name = new URL(route.request().url()).pathname.slice(1);
    if (name === '') return route.fulfill({ contentType: 'text/html', body: PAGE });
    // Serve src/geo/<name>.ts with its types stripped, so the page runs the very module under test.
    const file = `${here}${name}.ts`;
    if (!/^[A-Za-z]+$/.test(name) || !existsSync(file)) return route.fulfill({ status: 404 });
    const js = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    return route.fulfill({ contentType: 'text/javascript', body: js });
  });
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => Array.isArray((window as unknown as { log?: unknown }).log));
  return page;
}

type Entry = { fix?: [number, number]; accuracyM?: number; error?: string };
const log = (page: Page) => page.evaluate(() => (window as unknown as { log: Entry[] }).log);

describe.skipIf(!existsSync(CHROMIUM_PATH))('deviceSource in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_QUIET_ARGS,
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('delivers each emulated position as a [lon, lat] fix and keeps watching across overrides', async () => {
    const page = await openPage(browser, true);
    const positions: [number, number][] = [
      [2.3767, 51.0341],
      [2.3786, 51.0403],
      [2.3796, 51.0456],
    ];
    for (const [lon, lat] of positions) {
      await page.context().setGeolocation({ longitude: lon, latitude: lat, accuracy: 12 });
      await page.waitForFunction(
        ([x, y]) =>
          (window as unknown as { log: Entry[] }).log.some((e) => e.fix?.[0] === x && e.fix?.[1] === y),
        [lon, lat],
      );
    }
    const entries = await log(page);
    const fixes = entries.filter((e) => e.fix).map((e) => e.fix);
    expect(fixes).toEqual(expect.arrayContaining(positions));
    // Whatever errors Chromium emitted between overrides, only "unavailable" ones, and the watch survived them.
    expect(entries.filter((e) => e.error).every((e) => e.error === 'POSITION_UNAVAILABLE')).toBe(true);
    const firstError = entries.findIndex((e) => e.error);
    if (firstError !== -1) expect(entries.findLastIndex((e) => e.fix)).toBeGreaterThan(firstError);
    expect(entries.find((e) => e.fix)?.accuracyM).toBe(12);
    await page.context().close();
  }, 30_000);

  it('reports PERMISSION_DENIED when the visitor refuses location', async () => {
    const page = await openPage(browser, false);
    await page.waitForFunction(() => (window as unknown as { log: Entry[] }).log.length > 0);
    expect(await log(page)).toEqual([{ error: 'PERMISSION_DENIED' }]);
    await page.context().close();
  }, 30_000);
});
