/**
 * Immersive scenes bench (issue 7): per scene of the tours, in headless Chromium with software
 * WebGL (SwiftShader): draw calls and triangles from renderer.info, glb bytes, time from opening
 * the stop to its first drawn frame (first visit, then again OFFLINE: the network is cut and every
 * request is answered from what the first visit stored, as the PWA's service worker answers from
 * Cache Storage; a request not stored fails), and the median frame time over 300 frames next to an empty scene drawn in the
 * same canvas (same size, pixel-ratio setting, renderer options and governor) in the same run.
 *
 * Re-enactments play their timeline. A panorama draws only when its view changes, so during the
 * 300 frames the visitor turns the phone (emulated device-orientation events, 30°/s): every frame
 * is a real redraw of a moving view. The quality column shows where the frame-time governor
 * (src/scenes/core/quality.ts) left the canvas; BENCH_GOVERNOR=0 measures without it.
 *
 *   npx tsx bench/scenes.bench.ts           (from tour-pwa/; about two minutes on 2 cores)
 *
 * Targets: first frame ≤ 1.5 s offline (from the store); frame time ≤ 2× the empty baseline. Figures are
 * printed, never asserted.
 */
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Route } from 'playwright-core';
import { TOURS_DIR, buildSceneHarness, serveSceneSite, turnThePhone } from '../test/scenes/support/sceneSite';
import type { SceneFiguresOnPage } from '../src/scenes/harness';
import { CHROMIUM_PATH as CHROMIUM, CHROMIUM_QUIET_ARGS } from '../../test/support/chromium';

const FRAMES = 300;
/** BENCH_AA=0 measures without multisampling, to see how much of the frame is fill rate. */
const AA = process.env.BENCH_AA === '0' ? '&aa=0' : '';
/** BENCH_GOVERNOR=0 keeps every view at its starting quality. */
const GOVERNOR = process.env.BENCH_GOVERNOR === '0' ? '&governor=0' : '';
const OPTIONS = `${AA}${GOVERNOR}`;

const scenes = [
  {
    name: 'east-mole (re-enactment)',
    block: 'dunkirk-port-mole/media/scenes/east-mole.block.json',
    turn: false,
  },
  {
    name: 'little-ship-beach (re-enactment)',
    block: 'beaches-rearguard/media/scenes/little-ship-beach.block.json',
    turn: false,
  },
  {
    name: 'harbour-1940 (panorama)',
    block: 'dunkirk-port-mole/media/panoramas/harbour-1940.block.json',
    turn: true,
  },
  {
    name: 'zuydcoote-beach (panorama)',
    block: 'beaches-rearguard/media/panoramas/zuydcoote-beach.block.json',
    turn: true,
  },
].filter((s) => existsSync(join(TOURS_DIR, s.block)));

interface Run {
  firstFrameMs: number;
  medianFrameMs: number;
  calls: number;
  triangles: number;
  quality: string;
}

async function measure(context: BrowserContext, url: string, frames = FRAMES, turn = false): Promise<Run> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(
    () => (window as unknown as { __scenes: SceneFiguresOnPage }).__scenes.firstFrameAt !== null,
    null,
    {
      timeout: 60_000,
    },
  );
  if (turn) {
    await page.getByRole('button', { name: 'Follow the phone’s movements' }).click();
    await page.getByRole('button', { name: 'Stop following the phone' }).waitFor({ timeout: 10_000 });
    await turnThePhone(page, { fromDeg: 0, degPerS: 30 });
  }
  const start = await page.evaluate(
    () => (window as unknown as { __scenes: SceneFiguresOnPage }).__scenes.frames,
  );
  if (frames > 0) {
    await page.waitForFunction(
      (n) => (window as unknown as { __scenes: SceneFiguresOnPage }).__scenes.frames >= n,
      start + frames + 1,
      { timeout: 180_000, polling: 250 },
    );
  }
  const f = await page.evaluate(() => (window as unknown as { __scenes: SceneFiguresOnPage }).__scenes);
  await page.close();
  const last = f.frameMs.slice(-Math.max(1, frames)).sort((a, b) => a - b);
  return {
    firstFrameMs: f.firstFrameAt! - f.openedAt,
    medianFrameMs: last[Math.floor(last.length / 2)]!,
    calls: f.maxCalls,
    triangles: f.maxTriangles,
    quality: f.quality
      ? `${f.quality.antialias ? 'MSAA' : 'no MSAA'}, ${f.quality.dpr}× (${f.quality.stepsDown} steps down)`
      : '?',
  };
}

async function main() {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}`);
  console.log('building the scenes harness…');
  const dist = await buildSceneHarness();
  const site = await serveSceneSite(dist);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_QUIET_ARGS,
  });
  const rows: string[][] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const renderer = await (
      await context.newPage()
    ).evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      const ext = gl?.getExtension('WEBGL_debug_renderer_info');
      return gl && ext ? String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL)) : 'none';
    });
    console.log(
      `WebGL: ${renderer}; multisampling ${AA ? 'off' : 'as the screen allows'}; governor ${GOVERNOR ? 'off' : 'on'}`,
    );
    // One empty baseline per canvas setup: a model view (multisampled at 1×) and a textured view.
    const baselines = {
      model: await measure(context, `${site.url}scenes.html?empty=1${OPTIONS}`),
      textured: await measure(context, `${site.url}scenes.html?empty=1&edges=0${OPTIONS}`),
    };
    for (const [kind, b] of Object.entries(baselines)) {
      rows.push([
        `empty scene, ${kind} canvas (baseline)`,
        String(b.calls),
        String(b.triangles),
        '–',
        ms(b.firstFrameMs),
        '–',
        ms(b.medianFrameMs),
        '1.0×',
        b.quality,
      ]);
    }
    for (const s of scenes) {
      const block = JSON.parse(readFileSync(join(TOURS_DIR, s.block), 'utf8')) as { model?: string };
      const glbBytes = block.model
        ? statSync(join(TOURS_DIR, s.block.split('/')[0]!, block.model)).size
        : null;
      const url = `${site.url}scenes.html?block=/tours/${s.block}&locale=en${OPTIONS}`;
      const baseline = s.turn ? baselines.textured : baselines.model;
      // A fresh context has an empty cache: the first visit fetches everything.
      const cold = await browser.newContext({ viewport: { width: 1000, height: 900 } });
      // Chromium asks for the motion sensors' permission (DeviceOrientationEvent.requestPermission).
      await cold.grantPermissions(['accelerometer', 'gyroscope', 'magnetometer'], {
        origin: new URL(site.url).origin,
      });
      // The first visit is timed to its first frame only (a still panorama draws no more). What it
      // asked for is then downloaded into a store (as the PWA downloads a tour), and the second visit
      // runs with the network cut, every request answered from that store; anything else fails.
      const asked = new Set<string>();
      cold.on('request', (r) => void asked.add(r.url()));
      const first = await measure(cold, url, 0);
      cold.removeAllListeners('request');
      const stored = new Map<string, { status: number; contentType: string; body: Buffer }>();
      for (const u of asked) {
        const res = await fetch(u);
        if (!res.ok) continue;
        const contentType = res.headers.get('content-type') ?? 'application/octet-stream';
        stored.set(u, { status: res.status, contentType, body: Buffer.from(await res.arrayBuffer()) });
      }
      let missed = 0;
      await cold.route('**/*', (route: Route) => {
        const hit = stored.get(route.request().url());
        if (hit) return route.fulfill(hit);
        missed++;
        return route.abort('internetdisconnected');
      });
      await cold.setOffline(true);
      const cached = await measure(cold, url, FRAMES, s.turn);
      await cold.close();
      if (missed > 0) console.log(`${s.name}: ${missed} request(s) offline were not in the store`);
      rows.push([
        s.name,
        String(cached.calls),
        String(cached.triangles),
        glbBytes === null ? '–' : `${(glbBytes / 1024).toFixed(0)} KiB`,
        ms(first.firstFrameMs),
        ms(cached.firstFrameMs),
        ms(cached.medianFrameMs),
        `${(cached.medianFrameMs / baseline.medianFrameMs).toFixed(2)}×`,
        cached.quality,
      ]);
    }
    await context.close();
  } finally {
    await browser.close();
    await site.close();
    rmSync(dist, { recursive: true, force: true });
  }
  const head = [
    'scene',
    'draw calls',
    'triangles',
    'glb',
    'first frame (1st visit)',
    'first frame (offline)',
    `median frame (${FRAMES})`,
    'vs empty',
    'quality at the end',
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}`);
  for (const r of rows) console.log(line(r));
  console.log('\ntargets: first frame ≤ 1500 ms offline; median frame ≤ 2× the empty baseline');
}

function ms(v: number): string {
  return `${v.toFixed(v < 100 ? 1 : 0)} ms`;
}

await main();
