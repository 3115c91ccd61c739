/**
 * Test page for the immersive players (scenes.html): loads a block JSON and its assets from URLs
 * and mounts the player through the same lazy exports the stop screen uses, so Chromium tests and
 * the bench do not depend on the app's screens.
 *
 *   scenes.html?block=<url of a block JSON>[&assets=<base url of its asset ids>][&locale=fr|en|nl]
 *              [&reduced=1][&narration=clock][&stop=<lon>,<lat>][&aa=0 (no multisampling)]
 *              [&governor=0 (the view stays at its starting quality)][&budget=<ms> (the governor's)]
 *   scenes.html?empty=1[&edges=0]   an empty scene in the same canvas, with the options of a model
 *                                   view (or, edges=0, of a textured view): the bench's baseline
 *
 * Asset ids are resolved against `assets`, by default the tour folder of the block
 * (`…/<tour>/media/scenes/x.block.json` → `…/<tour>/`), matching the source form of FORMAT.md.
 * Figures of the running scene are published on `window.__scenes` (see probe.ts).
 */
import { StrictMode, Suspense, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import type { Block } from '@dunkirk/content';
import { ArBlock, PanoramaBlock, ReenactmentBlock } from './index';
import { installSceneProbe } from './probe';
import type { SceneLocale } from './core';

export interface SceneFiguresOnPage {
  /** performance.now() when the player was mounted (the stop opened). */
  openedAt: number;
  firstFrameAt: number | null;
  frames: number;
  maxCalls: number;
  maxTriangles: number;
  lastCalls: number;
  lastTriangles: number;
  maxTexturePx: number;
  /** The canvas's rendering quality: where it started, then where the frame-time governor moved it. */
  quality: { antialias: boolean; dpr: number; stepsDown: number } | null;
  /** Frame-to-frame intervals in ms, most recent last (up to 1,000). */
  frameMs: number[];
  error: string | null;
}

const params = new URLSearchParams(location.search);
const emptyScene = params.get('empty') === '1';
const figures: SceneFiguresOnPage = {
  openedAt: 0,
  firstFrameAt: null,
  frames: 0,
  maxCalls: 0,
  maxTriangles: 0,
  lastCalls: 0,
  lastTriangles: 0,
  maxTexturePx: 0,
  quality: null,
  frameMs: [],
  error: null,
};
(window as unknown as { __scenes: SceneFiguresOnPage }).__scenes = figures;
let last = 0;
installSceneProbe({
  frame(gl, now) {
    const { calls, triangles } = gl.info.render;
    // The empty baseline draws nothing: its first frame is its first render.
    if (figures.firstFrameAt === null && (calls > 0 || emptyScene)) figures.firstFrameAt = now;
    if (last > 0) {
      figures.frameMs.push(now - last);
      if (figures.frameMs.length > 1000) figures.frameMs.shift();
    }
    last = now;
    figures.frames++;
    figures.lastCalls = calls;
    figures.lastTriangles = triangles;
    figures.maxCalls = Math.max(figures.maxCalls, calls);
    figures.maxTriangles = Math.max(figures.maxTriangles, triangles);
  },
  texture(px) {
    figures.maxTexturePx = Math.max(figures.maxTexturePx, px);
  },
  quality(level, stepsDown) {
    figures.quality = { ...level, stepsDown };
  },
  ...(params.get('aa') === '0' ? { antialias: false } : {}),
  ...(params.get('governor') === '0' ? { governor: false } : {}),
  ...(Number(params.get('budget')) > 0 ? { budgetMs: Number(params.get('budget')) } : {}),
});

const locale = (
  ['fr', 'en', 'nl'].includes(params.get('locale') ?? '') ? params.get('locale') : 'fr'
) as SceneLocale;
document.documentElement.lang = locale;
const heading = { fr: 'Scènes immersives', en: 'Immersive scenes', nl: 'Immersieve scènes' }[locale];
const root = createRoot(document.getElementById('root')!);

function Player({ block, assetsBase }: { block: Block; assetsBase: string }) {
  const t0 = useMemo(() => performance.now(), []);
  const common = {
    locale,
    assetUrl: (id: string) => new URL(id, assetsBase).href,
    stopPosition: (params.get('stop')?.split(',').map(Number) ?? [0, 0]) as [number, number],
    reducedMotion: params.get('reduced') === '1',
    // A stand-in for the stop's narration: its clock starts with the page.
    ...(params.get('narration') === 'clock' ? { narrationTime: () => (performance.now() - t0) / 1000 } : {}),
  };
  switch (block.type) {
    case 'reenactment':
      return <ReenactmentBlock block={block} {...common} />;
    case 'panorama':
      return <PanoramaBlock block={block} {...common} />;
    case 'ar':
      return <ArBlock block={block} {...common} />;
    default:
      return <p>{block.type}: not an immersive block</p>;
  }
}

function Page({ children }: { children: React.ReactNode }) {
  return (
    <>
      <h1>{heading}</h1>
      <Suspense fallback={<p>…</p>}>{children}</Suspense>
    </>
  );
}

async function main() {
  if (emptyScene) {
    figures.openedAt = performance.now();
    const { SceneCanvas } = await import('./SceneCanvas');
    root.render(
      <Page>
        <div className="scene-view" style={{ aspectRatio: '16 / 9', width: '100%' }}>
          <SceneCanvas fallback={<p>no WebGL</p>} edges={params.get('edges') !== '0'}>
            <color attach="background" args={['#9db3c2']} />
          </SceneCanvas>
        </div>
      </Page>,
    );
    return;
  }
  const blockParam = params.get('block');
  if (!blockParam) {
    root.render(
      <Page>
        <p>?block=&lt;url of a block JSON&gt;</p>
      </Page>,
    );
    return;
  }
  const blockUrl = new URL(blockParam, location.href);
  const assetsBase = params.get('assets')
    ? new URL(params.get('assets')!, location.href).href
    : blockUrl.href.replace(/\/media\/.*$/, '/');
  try {
    const res = await fetch(blockUrl);
    if (!res.ok) throw new Error(`HTTP ${res.status} for ${blockUrl.href}`);
    const block = (await res.json()) as Block;
    figures.openedAt = performance.now();
    root.render(
      <StrictMode>
        <Page>
          <Player block={block} assetsBase={assetsBase} />
        </Page>
      </StrictMode>,
    );
  } catch (err) {
    figures.error = String(err);
    root.render(
      <Page>
        <p role="alert">{String(err)}</p>
      </Page>,
    );
  }
}

void main();
