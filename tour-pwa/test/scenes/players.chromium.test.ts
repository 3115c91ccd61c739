/**
 * The immersive players in headless Chromium (software WebGL through SwiftShader), on the tours'
 * real media through the scenes harness page: frames are drawn and within budget, the timeline
 * advances and subtitles change, a panorama turns when dragged, an AR stop with the camera
 * refused falls back and says why, and axe-core finds nothing serious. Screenshots are kept in
 * tour-pwa/test-artifacts/ (scenes-*.png).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import {
  ARTIFACTS,
  TOURS_DIR,
  buildSceneHarness,
  distinctColours,
  harnessChunks,
  serveSceneSite,
  type SceneSite,
} from './support/sceneSite';
import { existsSync } from 'node:fs';
import type { SceneFiguresOnPage } from '../../src/scenes/harness';
import { CHROMIUM_ARGS, CHROMIUM_PATH, seriousViolations } from '../../../test/support/chromium';

const MOLE = 'tours/dunkirk-port-mole/media';
const haveFixtures = existsSync(join(TOURS_DIR, 'dunkirk-port-mole/media/scenes/east-mole.block.json'));

describe.skipIf(!existsSync(CHROMIUM_PATH) || !haveFixtures)(
  'immersive players in Chromium',
  { timeout: 90_000 },
  () => {
    let dist: string;
    let site: SceneSite;
    let browser: Browser;
    let context: BrowserContext;
    let extra: string;

    beforeAll(async () => {
      dist = await buildSceneHarness();
      // An AR block whose fallback is the compass-aligned panorama (the tours' two use the slider).
      extra = mkdtempSync(join(tmpdir(), 'scenes-extra-'));
      const mole = JSON.parse(
        readFileSync(join(TOURS_DIR, 'dunkirk-port-mole/media/ar/mole-then-now.block.json'), 'utf8'),
      );
      writeFileSync(
        join(extra, 'mole-panorama-fallback.block.json'),
        JSON.stringify({ ...mole, fallback: 'panorama' }),
      );
      site = await serveSceneSite(dist, extra);
      // A fake camera exists, so getUserMedia fails for want of permission, not of a device.
      browser = await chromium.launch({
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream'],
      });
      context = await browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'en-GB' });
      mkdirSync(ARTIFACTS, { recursive: true });
    }, 180_000);

    afterAll(async () => {
      await context?.close();
      await browser?.close();
      await site?.close();
      for (const dir of [dist, extra]) if (dir) rmSync(dir, { recursive: true, force: true });
    });

    async function open(query: string): Promise<Page> {
      const page = await context.newPage();
      page.on('pageerror', (e) => console.warn('[pageerror]', e.message));
      await page.goto(`${site.url}scenes.html?${query}`);
      return page;
    }
    const figures = (page: Page) =>
      page.evaluate(() => (window as unknown as { __scenes: SceneFiguresOnPage }).__scenes);
    async function firstFrame(page: Page) {
      await page.waitForFunction(
        () => (window as unknown as { __scenes: SceneFiguresOnPage }).__scenes.firstFrameAt !== null,
        null,
        { timeout: 30_000 },
      );
    }

    it('keeps three.js out of the page’s first load: it arrives in its own chunk when a block is opened', () => {
      const chunks = harnessChunks(dist);
      expect(chunks.three.length).toBeGreaterThan(0);
      for (const f of chunks.entry) expect(chunks.three).not.toContain(f);
    });

    it('plays a re-enactment: non-blank frames within budget, a moving timeline, changing subtitles', async () => {
      const page = await open(`block=/${MOLE}/scenes/east-mole.block.json&locale=en`);
      await firstFrame(page);
      const subtitle = page.getByTestId('subtitle');
      await expect
        .poll(() => subtitle.textContent(), { timeout: 15_000 })
        .toContain('Dunkirk, late May 1940');
      expect(
        await distinctColours(page, '[data-testid=reenactment-view] canvas', 'reenactment-start', 7),
      ).toBeGreaterThan(20);
      const t1 = await page.getByTestId('scene-time').textContent();
      await expect.poll(() => page.getByTestId('scene-time').textContent(), { timeout: 10_000 }).not.toBe(t1);

      // Seek into the third subtitle with the keyboard, as a visitor without a pointer would.
      const seek = page.getByRole('slider', { name: 'Position in the scene' });
      await seek.focus();
      for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
      await expect
        .poll(() => subtitle.textContent(), { timeout: 10_000 })
        .toContain('Captain William Tennant');
      expect(
        await distinctColours(page, '[data-testid=reenactment-view] canvas', 'reenactment-seek', 7),
      ).toBeGreaterThan(20);

      await page.getByRole('button', { name: 'Pause' }).click();
      const paused = await page.getByTestId('scene-time').textContent();
      await page.waitForTimeout(1500);
      expect(await page.getByTestId('scene-time').textContent()).toBe(paused);
      await page.getByRole('button', { name: 'Replay from the start' }).click();
      await expect.poll(() => page.getByTestId('scene-time').textContent()).toMatch(/^0:0[0-2] of 1:15$/);

      const f = await figures(page);
      expect(f.maxCalls).toBeGreaterThan(0);
      expect(f.maxCalls).toBeLessThanOrEqual(100);
      expect(f.maxTriangles).toBeGreaterThan(1000);
      expect(f.maxTriangles).toBeLessThanOrEqual(150_000);
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });

    it('steps the quality down when frames are over budget: a new canvas without multisampling, then fewer pixels, the story going on', async () => {
      // A 1 ms budget no frame can meet: the governor takes every step down to its floor.
      const page = await open(`block=/${MOLE}/scenes/east-mole.block.json&locale=en&budget=1`);
      await firstFrame(page);
      await expect
        .poll(async () => (await figures(page)).quality, { timeout: 30_000 })
        .toEqual({ antialias: false, dpr: 0.75, stepsDown: 3 });
      const canvas = page.locator('[data-testid=reenactment-view] canvas');
      expect(await canvas.count()).toBe(1);
      const drawn = await canvas.evaluate((c: HTMLCanvasElement) => ({
        antialias: (c.getContext('webgl2') as WebGL2RenderingContext).getContextAttributes()!.antialias,
        width: c.width,
        cssWidth: c.getBoundingClientRect().width,
      }));
      expect(drawn.antialias).toBe(false);
      expect(drawn.width).toBe(Math.round(drawn.cssWidth * 0.75));
      // The re-created canvas keeps drawing the scene and the timeline keeps going.
      const before = await figures(page);
      const t1 = await page.getByTestId('scene-time').textContent();
      await expect.poll(async () => (await figures(page)).frames).toBeGreaterThan(before.frames + 10);
      await expect.poll(() => page.getByTestId('scene-time').textContent(), { timeout: 10_000 }).not.toBe(t1);
      expect((await figures(page)).lastCalls).toBeGreaterThan(0);
      expect(
        await distinctColours(page, '[data-testid=reenactment-view] canvas', 'reenactment-governed', 7),
      ).toBeGreaterThan(20);
      await page.close();
    });

    it('shows the still frames with captions when the visitor asked for reduced motion', async () => {
      const page = await open(`block=/${MOLE}/scenes/east-mole.block.json&locale=fr&reduced=1`);
      const still = page.locator('.scene-still img');
      await expect.poll(() => still.getAttribute('alt')).toContain('racine de la jetée Est');
      await page.getByRole('button', { name: 'Image suivante' }).click();
      await expect.poll(() => still.getAttribute('alt')).toContain('destroyer');
      expect(await page.locator('canvas').count()).toBe(0);
      await page.screenshot({ path: join(ARTIFACTS, 'scenes-reenactment-stills.png'), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });

    it('turns a panorama when dragged or with the arrow keys, and opens a hotspot', async () => {
      const page = await open(`block=/${MOLE}/panoramas/harbour-1940.block.json&locale=en`);
      await firstFrame(page);
      const view = page.getByTestId('panorama-view');
      const before = Number(await view.getAttribute('data-bearing'));
      // The view opens on the image centre, the block's heading, rounded to 5° for screen readers.
      const { headingDeg } = JSON.parse(
        readFileSync(join(TOURS_DIR, 'dunkirk-port-mole/media/panoramas/harbour-1940.block.json'), 'utf8'),
      ) as { headingDeg: number };
      expect(before).toBe((Math.round(headingDeg / 5) * 5) % 360);
      const c0 = await distinctColours(page, '[data-testid=panorama-view] canvas', 'panorama-start', 7);
      expect(c0).toBeGreaterThan(20);
      // A still panorama is not redrawn (frameloop "demand"): no frames while nobody turns it.
      const still = (await figures(page)).frames;
      await page.waitForTimeout(1000);
      expect((await figures(page)).frames).toBe(still);
      const box = (await view.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      for (let i = 1; i <= 10; i++)
        await page.mouse.move(box.x + box.width / 2 - 20 * i, box.y + box.height / 2);
      await page.mouse.up();
      // Dragging left turns the view right (east): 200 px of a 70° field over the view's height.
      const after = Number(await view.getAttribute('data-bearing'));
      expect((after - before + 360) % 360).toBeGreaterThan(10);
      expect((after - before + 360) % 360).toBeLessThan(60);
      await distinctColours(page, '[data-testid=panorama-view] canvas', 'panorama-dragged', 7);

      await view.focus();
      await page.keyboard.press('ArrowLeft');
      expect(Number(await view.getAttribute('data-bearing'))).toBe((after - 10 + 360) % 360);

      await page.getByRole('button', { name: 'The Risban lighthouse' }).click();
      await expect(page.getByTestId('hotspot-panel').textContent()).resolves.toContain(
        'It still stands today',
      );
      const f = await figures(page);
      expect(f.maxTexturePx).toBe(2048); // the 4096 × 2048 image decoded to budget
      expect(f.maxCalls).toBeLessThanOrEqual(100);
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });

    it('falls back to the compass-aligned panorama and says why when the camera is refused', async () => {
      const page = await open(
        `block=/extra/mole-panorama-fallback.block.json&assets=/tours/dunkirk-port-mole/&locale=en`,
      );
      await page.getByRole('button', { name: 'Open the camera view' }).click();
      const reason = page.getByTestId('ar-reason');
      await expect.poll(() => reason.getAttribute('data-reason'), { timeout: 15_000 }).toBe('camera-denied');
      expect(await reason.textContent()).toContain('Access to the camera was refused.');
      await firstFrame(page);
      expect(
        await distinctColours(page, '[data-testid=ar-panorama] canvas', 'ar-fallback-panorama', 7),
      ).toBeGreaterThan(20);
      await page.screenshot({ path: join(ARTIFACTS, 'scenes-ar-camera-denied.png'), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });

    it('with the camera allowed but no compass, falls back to the then/now slider and says so (in Dutch)', async () => {
      // Motion sensors allowed too (Chromium asks for them): the compass just never reports.
      await context.grantPermissions(['camera', 'accelerometer', 'gyroscope', 'magnetometer'], {
        origin: new URL(site.url).origin,
      });
      const page = await open(`block=/${MOLE}/ar/mole-then-now.block.json&locale=nl`);
      await page.getByRole('button', { name: 'Cameraweergave openen' }).click();
      const reason = page.getByTestId('ar-reason');
      await expect
        .poll(() => reason.getAttribute('data-reason'), { timeout: 15_000 })
        .toBe('heading-unavailable');
      expect(await reason.textContent()).toContain('Het kompas van het toestel is niet beschikbaar.');
      const slider = page.getByRole('slider', { name: 'Aandeel van het beeld uit 1940' });
      await slider.focus();
      await page.keyboard.press('End');
      expect(await slider.inputValue()).toBe('100');
      await page.screenshot({ path: join(ARTIFACTS, 'scenes-ar-then-now.png'), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
      await context.clearPermissions();
      await page.close();
    });
  },
);
