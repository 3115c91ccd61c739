/**
 * The AR view's live modes in headless Chromium (software WebGL): WebXR `immersive-ar` on a fake
 * XR device (support/fakeXr.ts) — the model placed from the hit test, or geo-anchored from the
 * stop's coordinates and heading, and leaving the session returns to the stop — and the camera
 * passthrough on Chromium's fake camera, with the model drawn over the video by device
 * orientation and compass heading (emulated device-orientation events), turned by the calibration.
 * Screenshots: tour-pwa/test-artifacts/scenes-ar-*.png.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import {
  ARTIFACTS,
  buildSceneHarness,
  distinctColours,
  serveSceneSite,
  turnThePhone,
  type SceneSite,
} from './support/sceneSite';
import { installFakeXr, type FakeXrOptions, type FakeXrState } from './support/fakeXr';
import { markerBlockGlb } from './support/modelGlb';
import type { SceneFiguresOnPage } from '../../src/scenes/harness';
import { CHROMIUM_PATH as CHROMIUM, CHROMIUM_QUIET_ARGS } from '../../../test/support/chromium';

const ARGS = [
  ...CHROMIUM_QUIET_ARGS,
  // A fake camera (a test pattern) that is granted without a prompt.
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];

/** The AR anchor of the test block: on the Dunkirk sea front, the model facing north-west (322°). */
const ANCHOR: [number, number] = [2.37863, 51.04015];
/** A visitor 20 m due south of the anchor (1° of latitude ≈ 111,195 m). */
const VISITOR = { longitude: ANCHOR[0], latitude: ANCHOR[1] - 20 / 111_195 };

describe.skipIf(!existsSync(CHROMIUM))(
  'AR view: WebXR and camera passthrough in Chromium',
  { timeout: 90_000 },
  () => {
    let dist: string;
    let extra: string;
    let site: SceneSite;
    let browser: Browser;

    beforeAll(async () => {
      dist = await buildSceneHarness();
      extra = mkdtempSync(join(tmpdir(), 'scenes-ar-'));
      mkdirSync(join(extra, 'media'), { recursive: true });
      writeFileSync(join(extra, 'media/marker.glb'), await markerBlockGlb());
      writeFileSync(
        join(extra, 'model.block.json'),
        JSON.stringify({
          type: 'ar',
          alt: {
            en: 'A red block stands where the 1940 jetty began.',
            fr: 'Un bloc rouge.',
            nl: 'Een rood blok.',
          },
          anchor: { position: ANCHOR, headingDeg: 322 },
          model: 'media/marker.glb',
          fallback: 'then-now',
        }),
      );
      site = await serveSceneSite(dist, extra);
      browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
      mkdirSync(ARTIFACTS, { recursive: true });
    }, 180_000);

    afterAll(async () => {
      await browser?.close();
      await site?.close();
      for (const dir of [dist, extra]) if (dir) rmSync(dir, { recursive: true, force: true });
    });

    async function context(): Promise<BrowserContext> {
      const ctx = await browser.newContext({ viewport: { width: 800, height: 900 }, locale: 'en-GB' });
      // Chromium asks for the motion sensors' permission in DeviceOrientationEvent.requestPermission().
      await ctx.grantPermissions(['geolocation', 'camera', 'accelerometer', 'gyroscope', 'magnetometer'], {
        origin: new URL(site.url).origin,
      });
      await ctx.setGeolocation({ ...VISITOR, accuracy: 5 });
      return ctx;
    }
    async function open(ctx: BrowserContext, xr: FakeXrOptions | null): Promise<Page> {
      const page = await ctx.newPage();
      page.on('pageerror', (e) => console.warn('[pageerror]', e.message));
      if (xr) await page.addInitScript(installFakeXr, xr);
      await page.goto(`${site.url}scenes.html?block=/extra/model.block.json&assets=/extra/&locale=en`);
      return page;
    }
    const figures = (page: Page) =>
      page.evaluate(() => (window as unknown as { __scenes: SceneFiguresOnPage }).__scenes);
    const xrState = (page: Page) =>
      page.evaluate(() => (window as unknown as { __fakeXr: { state: FakeXrState } }).__fakeXr.state);

    it('WebXR with hit test: a tap places the model on the surface, and leaving returns to the stop', async () => {
      const ctx = await context();
      const page = await open(ctx, { hitTest: [0.4, -1.4, -2.5], viewerYawDeg: 0 });
      await page.getByRole('button', { name: 'Start augmented reality' }).click();
      const view = page.getByTestId('xr-view');
      await expect.poll(() => view.count(), { timeout: 15_000 }).toBe(1);
      const requested = (await xrState(page)).requested!;
      expect(requested.mode).toBe('immersive-ar');
      expect(requested.init.optionalFeatures).toContain('hit-test');
      // Frames flow through the session; the hit-test source was asked for.
      await expect.poll(async () => (await xrState(page)).frames, { timeout: 15_000 }).toBeGreaterThan(5);
      expect((await xrState(page)).hitTestSources).toBe(1);
      expect(await view.getAttribute('data-placement')).toBe('');

      await page.evaluate(() => (window as unknown as { __fakeXr: { select(): void } }).__fakeXr.select());
      await expect.poll(() => view.getAttribute('data-placement')).toBe('hit-test');
      expect(await view.getAttribute('data-position')).toBe('0.40,-1.40,-2.50');
      expect(await page.getByRole('status').first().textContent()).toContain(
        'stands on the surface you pointed at',
      );
      // The model is drawn into the session's layer.
      await expect.poll(async () => (await figures(page)).lastCalls).toBeGreaterThan(0);
      expect(
        await distinctColours(page, '[data-testid=xr-view] canvas', 'ar-webxr-hit-test'),
      ).toBeGreaterThan(3);

      await page.getByRole('button', { name: 'Leave augmented reality' }).click();
      await expect.poll(() => page.getByTestId('ar-view').getAttribute('data-phase')).toBe('intro');
      expect((await xrState(page)).ended).toBe(true);
      expect(await page.locator('canvas').count()).toBe(0);
      await expect(page.getByRole('button', { name: 'Start augmented reality' }).isVisible()).resolves.toBe(
        true,
      );
      await ctx.close();
    });

    it('WebXR without hit test: the model is geo-anchored from the stop’s coordinates and the compass', async () => {
      const ctx = await context();
      // The phone faces north; the session's forward axis starts 30° to the right of that.
      const page = await open(ctx, { hitTest: null, viewerYawDeg: 30 });
      await page.getByRole('button', { name: 'Start augmented reality' }).click();
      const view = page.getByTestId('xr-view');
      await expect.poll(() => view.count(), { timeout: 15_000 }).toBe(1);
      // No compass reading yet: the view says what it waits for.
      await expect
        .poll(() => page.getByRole('status').first().textContent())
        .toContain('Finding your position and north');
      const stop = await turnThePhone(page, { fromDeg: 30, degPerS: 0 });
      await expect.poll(() => view.getAttribute('data-placement'), { timeout: 15_000 }).toBe('geo');
      await stop();
      // Local −Z points to 30° − 30° = north: the anchor, 20 m due north, is 20 m straight ahead of
      // the space's forward axis, 1.5 m below the eyes.
      const [x, y, z] = (await view.getAttribute('data-position'))!.split(',').map(Number);
      expect(x).toBeCloseTo(0, 0);
      expect(y).toBeCloseTo(-1.5, 1);
      expect(z).toBeCloseTo(-20, 0);
      expect(await page.getByRole('status').first().textContent()).toContain('20 m to the north');
      expect((await xrState(page)).hitTestSources).toBe(0);
      await page.screenshot({ path: join(ARTIFACTS, 'scenes-ar-webxr-geo.png') });
      await page.getByRole('button', { name: 'Leave augmented reality' }).click();
      await expect.poll(() => page.getByTestId('ar-view').getAttribute('data-phase')).toBe('intro');
      await ctx.close();
    });

    it('camera passthrough with the motion sensors refused: the fallback says so', async () => {
      const ctx = await browser.newContext({ viewport: { width: 800, height: 900 }, locale: 'en-GB' });
      await ctx.grantPermissions(['geolocation', 'camera'], { origin: new URL(site.url).origin });
      const page = await open(ctx, null);
      await page.getByRole('button', { name: 'Open the camera view' }).click();
      const reason = page.getByTestId('ar-reason');
      await expect.poll(() => reason.getAttribute('data-reason'), { timeout: 15_000 }).toBe('motion-denied');
      expect(await reason.textContent()).toContain('Access to the motion sensors (compass) was refused.');
      await ctx.close();
    });

    it('camera passthrough: the model drawn over the fake camera where the compass says, moved by the calibration', async () => {
      const ctx = await context();
      const page = await open(ctx, null);
      // The visitor faces north, towards the anchor 20 m away, while the view checks the sensors.
      let stop = await turnThePhone(page, { fromDeg: 0, degPerS: 0 });
      await page.getByRole('button', { name: 'Open the camera view' }).click();
      const frame = page.locator('.scene-camera-frame');
      await expect.poll(() => frame.count(), { timeout: 20_000 }).toBe(1);
      await expect.poll(() => frame.getAttribute('data-model-x'), { timeout: 15_000 }).toBe('0.00');
      // The fake camera plays under a transparent canvas that draws the model.
      await expect
        .poll(() => page.locator('.scene-camera-frame video').evaluate((v: HTMLVideoElement) => v.videoWidth))
        .toBeGreaterThan(0);
      await expect.poll(async () => (await figures(page)).lastCalls).toBeGreaterThan(0);
      expect(await distinctColours(page, '.scene-camera-frame', 'ar-camera-model')).toBeGreaterThan(20);

      // Turned 10° to the right, the model (due north) sits left of the centre: tan 10° / tan 25°.
      await stop();
      stop = await turnThePhone(page, { fromDeg: 10, degPerS: 0 });
      await expect.poll(() => frame.getAttribute('data-model-x')).toBe('-0.38');
      // Facing south, it is behind the visitor: not drawn at all.
      await stop();
      stop = await turnThePhone(page, { fromDeg: 180, degPerS: 0 });
      await expect.poll(() => frame.getAttribute('data-model-x')).toBe('off');
      await expect.poll(async () => (await figures(page)).lastCalls).toBe(0);

      // Calibration: five nudges to the right move the content 5° right (a compass reading 5° high).
      await stop();
      stop = await turnThePhone(page, { fromDeg: 10, degPerS: 0 });
      await expect.poll(() => frame.getAttribute('data-model-x')).toBe('-0.38');
      await page.getByRole('button', { name: 'Adjust the alignment' }).click();
      for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Shift right' }).click();
      await expect.poll(() => frame.getAttribute('data-model-x')).toBe('-0.19');
      expect(await page.getByText('Correction: -5°').count()).toBe(1);
      await stop();
      await page.screenshot({ path: join(ARTIFACTS, 'scenes-ar-camera-calibrated.png') });
      await ctx.close();
    });
  },
);
