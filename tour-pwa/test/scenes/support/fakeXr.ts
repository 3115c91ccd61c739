/**
 * A fake WebXR device for headless Chromium, installed with `page.addInitScript(installFakeXr, options)`
 * before the page's scripts run. It implements what three.js's WebXRManager and the AR view use of
 * the WebXR Device API and Hit Test modules: `navigator.xr.isSessionSupported/requestSession`, a
 * session with `local`/`viewer` reference spaces, `requestAnimationFrame` frames (driven by the
 * page's own animation frames) with one viewer view, an `XRWebGLLayer` drawing into the canvas's
 * own framebuffer (so screenshots show what the session renders), an optional hit-test source that
 * reports a fixed floor pose, `select` and `end` events.
 *
 * The page can drive it through `window.__fakeXr`: `select()` (a tap), `state` (what was asked).
 */
export interface FakeXrOptions {
  /** The session grants 'hit-test' and reports this pose (a translation in the local space, metres). */
  hitTest: [number, number, number] | null;
  /** The viewer's pose in the local space: at the origin looking along −Z unless given a yaw. */
  viewerYawDeg: number;
}

export interface FakeXrState {
  requested: { mode: string; init: XRSessionInit } | null;
  frames: number;
  hitTestSources: number;
  ended: boolean;
}

/** Runs in the page (serialised by Playwright): no imports, no closures over this module. */
export function installFakeXr(options: FakeXrOptions): void {
  const state: FakeXrState = { requested: null, frames: 0, hitTestSources: 0, ended: false };
  const identity = () => new Float32Array([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
  /** A rigid transform: rotation about +Y by yaw (clockwise from above = negative angle), then translation. */
  const rigid = (yawDeg: number, t: [number, number, number]) => {
    const a = (-yawDeg * Math.PI) / 180;
    const c = Math.cos(a);
    const s = Math.sin(a);
    // Column-major 4×4 (WebXR §XRRigidTransform.matrix).
    const matrix = new Float32Array([c, 0, -s, 0, 0, 1, 0, 0, s, 0, c, 0, t[0], t[1], t[2], 1]);
    const inverse = new Float32Array([c, 0, s, 0, 0, 1, 0, 0, -s, 0, c, 0, 0, 0, 0, 1]);
    inverse[12] = -(c * t[0] - s * t[2]);
    inverse[13] = -t[1];
    inverse[14] = -(s * t[0] + c * t[2]);
    return {
      position: { x: t[0], y: t[1], z: t[2], w: 1 },
      orientation: { x: 0, y: Math.sin(a / 2), z: 0, w: Math.cos(a / 2) },
      matrix,
      inverse: { matrix: inverse },
    };
  };
  const perspective = (aspect: number) => {
    const f = 1 / Math.tan((60 * Math.PI) / 360);
    const near = 0.1;
    const far = 1000;
    const m = new Float32Array(16);
    m[0] = f / aspect;
    m[5] = f;
    m[10] = (far + near) / (near - far);
    m[11] = -1;
    m[14] = (2 * far * near) / (near - far);
    return m;
  };

  class FakeSpace extends EventTarget {
    constructor(readonly kind: string) {
      super();
    }
    getOffsetReferenceSpace() {
      return this;
    }
  }

  let canvas: HTMLCanvasElement | null = null;
  class FakeLayer {
    readonly framebuffer = null; // the canvas's own framebuffer
    readonly ignoreDepthValues = false;
    readonly antialias = false;
    constructor(_session: unknown, gl: WebGL2RenderingContext) {
      canvas = gl.canvas as HTMLCanvasElement;
    }
    get framebufferWidth() {
      return canvas?.width ?? 1;
    }
    get framebufferHeight() {
      return canvas?.height ?? 1;
    }
    getViewport() {
      return { x: 0, y: 0, width: this.framebufferWidth, height: this.framebufferHeight };
    }
  }

  class FakeSession extends EventTarget {
    readonly environmentBlendMode = 'alpha-blend';
    readonly visibilityState = 'visible';
    readonly inputSources: unknown[] = [];
    readonly enabledFeatures: string[];
    renderState: Record<string, unknown> = { depthNear: 0.1, depthFar: 1000, baseLayer: null };
    private callbacks = new Map<number, (t: number, frame: unknown) => void>();
    private nextId = 1;
    private local = new FakeSpace('local');
    constructor(features: string[]) {
      super();
      this.enabledFeatures = features;
    }
    updateRenderState(s: Record<string, unknown>) {
      this.renderState = { ...this.renderState, ...s };
    }
    async requestReferenceSpace(type: string) {
      return new FakeSpace(type);
    }
    async requestHitTestSource() {
      if (!this.enabledFeatures.includes('hit-test'))
        throw new DOMException('hit-test not enabled', 'NotSupportedError');
      state.hitTestSources++;
      return { cancel() {} };
    }
    requestAnimationFrame(cb: (t: number, frame: unknown) => void) {
      const id = this.nextId++;
      this.callbacks.set(id, cb);
      window.requestAnimationFrame((t) => {
        const run = this.callbacks.get(id);
        this.callbacks.delete(id);
        if (!run || state.ended) return;
        state.frames++;
        run(t, this.frame());
      });
      return id;
    }
    cancelAnimationFrame(id: number) {
      this.callbacks.delete(id);
    }
    async end() {
      if (state.ended) return;
      state.ended = true;
      this.dispatchEvent(new Event('end'));
    }
    private frame() {
      const viewer = rigid(options.viewerYawDeg, [0, 0, 0]);
      const aspect = (canvas?.width ?? 16) / Math.max(1, canvas?.height ?? 9);
      const view = {
        eye: 'none',
        projectionMatrix: perspective(aspect),
        transform: viewer,
        recommendedViewportScale: null,
      };
      const hit = options.hitTest;
      return {
        session: this,
        getViewerPose: () => ({ transform: viewer, views: [view], emulatedPosition: false }),
        getPose: () => ({ transform: rigid(0, [0, 0, 0]), emulatedPosition: false }),
        getHitTestResults: () =>
          hit ? [{ getPose: () => ({ transform: rigid(0, hit), emulatedPosition: false }) }] : [],
        getLocalSpaceMatrix: identity,
      };
    }
    select() {
      this.dispatchEvent(Object.assign(new Event('select'), { inputSource: null, frame: null }));
    }
  }

  let session: FakeSession | null = null;
  const xr = {
    async isSessionSupported(mode: string) {
      return mode === 'immersive-ar';
    },
    async requestSession(mode: string, init: XRSessionInit = {}) {
      if (mode !== 'immersive-ar') throw new DOMException('unsupported mode', 'NotSupportedError');
      state.requested = { mode, init };
      state.ended = false;
      const wanted = [...(init.requiredFeatures ?? []), ...(init.optionalFeatures ?? [])] as string[];
      const features = ['viewer', ...wanted.filter((f) => f !== 'hit-test' || options.hitTest !== null)];
      session = new FakeSession(features);
      return session;
    },
    addEventListener() {},
    removeEventListener() {},
  };
  Object.defineProperty(navigator, 'xr', { value: xr, configurable: true });
  const w = window as unknown as Record<string, unknown>;
  w.XRWebGLLayer = FakeLayer;
  // three.js prefers WebXR Layers through XRWebGLBinding when the browser has it; the fake is a base layer.
  delete w.XRWebGLBinding;
  // The fake device needs no XR-compatible adapter.
  WebGL2RenderingContext.prototype.makeXRCompatible = () => Promise.resolve();
  WebGLRenderingContext.prototype.makeXRCompatible = () => Promise.resolve();
  w.__fakeXr = {
    state,
    select: () => session?.select(),
  };
}
