/**
 * Low-poly geometry built in code: flat-shaded triangles (each face its own normal) in a plain array,
 * so the same triangles feed both the glTF writer and the SVG still renderer.
 * Axes as in glTF: +Y up; in our scenes +X is east along the shore and -Z is out to sea (north).
 */
export type Vec3 = [number, number, number];

export interface Transform {
  /** Translation. */
  t?: Vec3;
  /** Rotation about +Y (yaw), radians. */
  yaw?: number;
  /** Uniform or per-axis scale. */
  s?: number | Vec3;
}

export class TriangleSoup {
  readonly positions: number[] = [];

  get triangleCount(): number {
    return this.positions.length / 9;
  }

  tri(a: Vec3, b: Vec3, c: Vec3): this {
    this.positions.push(...a, ...b, ...c);
    return this;
  }

  quad(a: Vec3, b: Vec3, c: Vec3, d: Vec3): this {
    return this.tri(a, b, c).tri(a, c, d);
  }

  /** An axis-aligned box (before `tr`), centred on `c` with size `s`: 12 triangles, outward faces. */
  box(c: Vec3, s: Vec3, tr: Transform = {}): this {
    const [hx, hy, hz] = [s[0] / 2, s[1] / 2, s[2] / 2];
    const p = (x: number, y: number, z: number): Vec3 =>
      apply([c[0] + x * hx, c[1] + y * hy, c[2] + z * hz], tr);
    const v = [
      p(-1, -1, -1),
      p(1, -1, -1),
      p(1, 1, -1),
      p(-1, 1, -1),
      p(-1, -1, 1),
      p(1, -1, 1),
      p(1, 1, 1),
      p(-1, 1, 1),
    ] as const;
    const f = (a: number, b: number, cc: number, d: number): this =>
      this.quad(v[a] as Vec3, v[b] as Vec3, v[cc] as Vec3, v[d] as Vec3);
    f(4, 5, 6, 7); // +z
    f(1, 0, 3, 2); // -z
    f(5, 1, 2, 6); // +x
    f(0, 4, 7, 3); // -x
    f(7, 6, 2, 3); // +y
    f(0, 1, 5, 4); // -y
    return this;
  }

  /** A vertical cylinder (or cone when `rTop` differs) standing on `base`, with caps. */
  cylinder(base: Vec3, r: number, h: number, segments = 8, rTop = r, tr: Transform = {}): this {
    const ring = (y: number, rr: number): Vec3[] =>
      Array.from({ length: segments }, (_, i) => {
        const a = (i / segments) * Math.PI * 2;
        return apply([base[0] + Math.cos(a) * rr, base[1] + y, base[2] - Math.sin(a) * rr], tr);
      });
    const lo = ring(0, r);
    const hi = ring(h, rTop);
    const top = apply([base[0], base[1] + h, base[2]], tr);
    const bottom = apply(base, tr);
    for (let i = 0; i < segments; i++) {
      const j = (i + 1) % segments;
      this.quad(lo[i] as Vec3, lo[j] as Vec3, hi[j] as Vec3, hi[i] as Vec3);
      if (rTop > 0) this.tri(top, hi[i] as Vec3, hi[j] as Vec3);
      this.tri(bottom, lo[j] as Vec3, lo[i] as Vec3);
    }
    return this;
  }

  /**
   * A prism: the polygon `outline` (x, z pairs, counter-clockwise seen from above, convex or star-shaped
   * around its first point's centroid) extruded from y0 to y1.
   */
  prism(outline: readonly [number, number][], y0: number, y1: number, tr: Transform = {}): this {
    const n = outline.length;
    const cx = outline.reduce((a, p) => a + p[0], 0) / n;
    const cz = outline.reduce((a, p) => a + p[1], 0) / n;
    const at = (i: number, y: number): Vec3 => {
      const p = outline[i % n] as [number, number];
      return apply([p[0], y, p[1]], tr);
    };
    const cTop = apply([cx, y1, cz], tr);
    const cBot = apply([cx, y0, cz], tr);
    for (let i = 0; i < n; i++) {
      this.quad(at(i, y0), at(i + 1, y0), at(i + 1, y1), at(i, y1));
      this.tri(cTop, at(i, y1), at(i + 1, y1));
      this.tri(cBot, at(i + 1, y0), at(i, y0));
    }
    return this;
  }

  /** An octahedron-based blob (8 triangles): smoke puffs, crowns of trees. */
  blob(c: Vec3, r: Vec3): this {
    const px: Vec3 = [c[0] + r[0], c[1], c[2]];
    const nx: Vec3 = [c[0] - r[0], c[1], c[2]];
    const py: Vec3 = [c[0], c[1] + r[1], c[2]];
    const ny: Vec3 = [c[0], c[1] - r[1], c[2]];
    const pz: Vec3 = [c[0], c[1], c[2] + r[2]];
    const nz: Vec3 = [c[0], c[1], c[2] - r[2]];
    this.tri(px, py, pz).tri(pz, py, nx).tri(nx, py, nz).tri(nz, py, px);
    this.tri(px, pz, ny).tri(pz, nx, ny).tri(nx, nz, ny).tri(nz, px, ny);
    return this;
  }

  /** A flat horizontal rectangle facing up. */
  plane(x0: number, z0: number, x1: number, z1: number, y: number): this {
    return this.quad([x0, y, z1], [x1, y, z1], [x1, y, z0], [x0, y, z0]);
  }

  /**
   * A flat ground in square tiles of `step` metres: the still renderer hazes each tile by its own
   * distance, so the near sea keeps its colour while the far sea fades into the horizon.
   */
  grid(x0: number, z0: number, x1: number, z1: number, y: number, step: number): this {
    for (let x = x0; x < x1; x += step) {
      for (let z = z0; z < z1; z += step) this.plane(x, z, Math.min(x + step, x1), Math.min(z + step, z1), y);
    }
    return this;
  }

  /** Face normals, one per vertex (flat shading). */
  normals(): Float32Array {
    const p = this.positions;
    const out = new Float32Array(p.length);
    for (let i = 0; i < p.length; i += 9) {
      const n = faceNormal(p, i);
      for (let k = 0; k < 3; k++) out.set(n, i + k * 3);
    }
    return out;
  }
}

export function faceNormal(p: ArrayLike<number>, i: number): Vec3 {
  const ux = (p[i + 3] as number) - (p[i] as number);
  const uy = (p[i + 4] as number) - (p[i + 1] as number);
  const uz = (p[i + 5] as number) - (p[i + 2] as number);
  const vx = (p[i + 6] as number) - (p[i] as number);
  const vy = (p[i + 7] as number) - (p[i + 1] as number);
  const vz = (p[i + 8] as number) - (p[i + 2] as number);
  const n: Vec3 = [uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx];
  const l = Math.hypot(...n) || 1;
  return [n[0] / l, n[1] / l, n[2] / l];
}

export function apply(p: Vec3, tr: Transform): Vec3 {
  const s = tr.s === undefined ? [1, 1, 1] : typeof tr.s === 'number' ? [tr.s, tr.s, tr.s] : tr.s;
  const y = p[1] * (s[1] as number);
  let x = p[0] * (s[0] as number);
  let z = p[2] * (s[2] as number);
  if (tr.yaw) {
    const c = Math.cos(tr.yaw);
    const sn = Math.sin(tr.yaw);
    [x, z] = [c * x + sn * z, -sn * x + c * z];
  }
  const t = tr.t ?? [0, 0, 0];
  return [x + t[0], y + t[1], z + t[2]];
}

/** A seeded pseudo-random generator (mulberry32): generated scenes are the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
