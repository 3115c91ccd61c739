/**
 * Running @react-three/test-renderer in the tour-pwa's Node test environment.
 *
 * 1. It creates its (mock-WebGL) canvas with `document.createElement`; there is no DOM here, so
 *    a stand-in gives it the one element it needs.
 * 2. The installed test-renderer 11.0.0 calls `createRoot(canvas).configure(…).render(…)` in one
 *    chain, as fiber 8 allowed; fiber 9 returns a Promise from `configure`. With a synchronous
 *    renderer (the mock) the configuration is applied before `configure` returns, so the Promise
 *    is given the root's `render` and `unmount`. (@react-three/test-renderer 9.1.x declares
 *    fiber ≥ 9 and would not need this; see the scenes README.)
 */
import { createRequire } from 'node:module';

export function installNodeDocument(): void {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  if (typeof globalThis.document === 'undefined') {
    const element = (tag: string) => ({
      tagName: tag.toUpperCase(),
      width: 300,
      height: 150,
      style: {},
      addEventListener() {},
      removeEventListener() {},
      getContext: () => null,
      getBoundingClientRect: () => ({ left: 0, top: 0, width: 1280, height: 800 }),
    });
    (globalThis as unknown as { document: unknown }).document = {
      createElement: element,
      createElementNS: (_ns: string, tag: string) => element(tag),
    };
  }
  const fiber = createRequire(import.meta.url)('@react-three/fiber') as {
    createRoot: (canvas: unknown) => FiberRoot;
    __chainableConfigure?: true;
  };
  if (fiber.__chainableConfigure) return;
  const original = fiber.createRoot;
  fiber.createRoot = (canvas) => {
    const root = original(canvas);
    const configure = root.configure.bind(root);
    root.configure = (props) =>
      Object.assign(configure(props), { render: root.render.bind(root), unmount: root.unmount.bind(root) });
    return root;
  };
  fiber.__chainableConfigure = true;
}

interface FiberRoot {
  configure(props: unknown): Promise<unknown>;
  render(element: unknown): unknown;
  unmount(): void;
}

/**
 * A stand-in for WebGLRenderer, passed as `gl` to ReactThreeTestRenderer.create: the installed
 * test-renderer's mock context is WebGL 1 and three r187 needs WebGL 2, so scene tests exercise
 * the scene graph and the frame loop without any renderer (budgets are read from `renderer.info`
 * in Chromium instead). Returns a counter of render calls.
 */
export function sceneOnlyRenderer(): { gl: () => object; renders: () => number } {
  let renders = 0;
  const noop = () => undefined;
  const gl = {
    render: () => void renders++,
    setSize: noop,
    setPixelRatio: noop,
    getPixelRatio: () => 1,
    setAnimationLoop: noop,
    dispose: noop,
    forceContextLoss: noop,
    compile: noop,
    outputColorSpace: 'srgb',
    toneMapping: 0,
    toneMappingExposure: 1,
    shadowMap: { enabled: false, type: 1, needsUpdate: false },
    info: { autoReset: true, reset: noop, render: { calls: 0, triangles: 0, points: 0, lines: 0, frame: 0 } },
    xr: {
      enabled: false,
      isPresenting: false,
      addEventListener: noop,
      removeEventListener: noop,
      setAnimationLoop: noop,
      getSession: () => null,
    },
    capabilities: { isWebGL2: true, maxTextureSize: 4096 },
    domElement: { style: {}, addEventListener: noop, removeEventListener: noop },
  };
  return { gl: () => gl, renders: () => renders };
}
