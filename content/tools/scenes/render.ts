import { faceNormal, type Vec3 } from './geometry';
import type { SceneSpec, TrackSpec } from './scene';
import { n1 } from '../lib/raster';

export interface StillCamera {
  position: Vec3;
  target: Vec3;
  fovDeg?: number;
}

export interface StillOptions {
  width: number;
  height: number;
  /** Time in the scene, seconds: each clip is sampled at this time (looping). */
  atS: number;
  sky: [top: string, horizon: string];
  sea: string;
  /** Haze colour that distant faces fade to. */
  haze: string;
  /** Distance (m) over which faces fade halfway to the haze. */
  hazeHalfM?: number;
}

/** Direction the light comes from (unit): the afternoon sun in the south-west, high. */
const SUN: Vec3 = normalize([-0.45, 0.8, 0.4]);
const NEAR = 0.5;

/**
 * Draws a scene WITHOUT WebGL: the very triangles written to the glb, posed at `atS`, projected through a
 * pinhole camera, shaded flat by one sun, culled and sorted back to front (painter's algorithm), hazed with
 * distance, over a sky and a sea that meet at the true horizon line of that camera.
 */
export function renderStillSvg(spec: SceneSpec, camera: StillCamera, o: StillOptions): string {
  const { width: W, height: H } = o;
  const fwd = normalize(sub(camera.target, camera.position));
  const right = normalize(cross(fwd, [0, 1, 0]));
  const up = cross(right, fwd);
  const f = H / 2 / Math.tan(((camera.fovDeg ?? 50) * Math.PI) / 360);
  const pitch = Math.asin(fwd[1]);
  const horizonY = H / 2 + f * Math.tan(pitch);
  const colors = new Map(spec.materials.map((m) => [m.name, { rgb: hexRgb(m.color), alpha: m.alpha ?? 1 }]));
  const haze = hexRgb(o.haze);
  const halfM = o.hazeHalfM ?? 1200;

  const polys: { depth: number; d: string; fill: string; opacity: number; ground: number }[] = [];
  for (const [gi, g] of spec.groups.entries()) {
    const pose = poseAt(spec, g.name, o.atS);
    for (const [matName, soup] of Object.entries(g.parts)) {
      const mat = colors.get(matName);
      if (!mat) continue;
      const p = soup.positions;
      const world = new Float64Array(p.length);
      for (let i = 0; i < p.length; i += 3) {
        const w = pose([p[i] as number, p[i + 1] as number, p[i + 2] as number], g.pivot);
        world.set(w, i);
      }
      for (let i = 0; i < world.length; i += 9) {
        const tri: Vec3[] = [0, 1, 2].map(
          (k) => [world[i + k * 3], world[i + k * 3 + 1], world[i + k * 3 + 2]] as Vec3,
        );
        const poly = spec.waterY === undefined || g.ground ? tri : clipAbove(tri, spec.waterY);
        if (poly.length < 3) continue;
        // into camera space, then cut at the near plane so ground that runs behind the camera still shows
        const cam = clipNear(
          poly.map((w) => {
            const d = sub(w, camera.position);
            return [dot(d, right), dot(d, up), dot(d, fwd)] as Vec3;
          }),
        );
        if (cam.length < 3) continue;
        const pts = cam.map(
          (c) => [W / 2 + (c[0] / c[2]) * f, H / 2 - (c[1] / c[2]) * f] as [number, number],
        );
        const depth = cam.reduce((acc, c) => acc + Math.hypot(...c), 0) / cam.length;
        const [a, b, c] = pts as [[number, number], [number, number], [number, number]];
        const area = (b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1]);
        if (area >= 0) continue; // facing away (screen y points down, so front faces wind negative)
        const xs = pts.map((q) => q[0]);
        const ys = pts.map((q) => q[1]);
        if (Math.max(...xs) < 0 || Math.min(...xs) > W || Math.max(...ys) < 0 || Math.min(...ys) > H)
          continue;
        const light = 0.55 + 0.45 * Math.max(0, dot(faceNormal(world, i), SUN));
        // ground is hazed by one smooth gradient toward the horizon below, not face by face (no seams)
        const fog = g.ground ? 0 : 1 - 0.5 ** (depth / halfM);
        const rgb = mat.rgb.map((v, j) => v * light * (1 - fog) + (haze[j] as number) * fog) as Vec3;
        polys.push({
          depth,
          d: `M${pts.map((q) => `${n1(q[0])} ${n1(q[1])}`).join('L')}Z`,
          fill: rgbHex(rgb),
          opacity: mat.alpha,
          ground: g.ground ? gi + 1 : 0,
        });
      }
    }
  }
  // ground layers first, in the order the scene lists them; then everything else, far to near
  polys.sort(
    (x, y) =>
      (x.ground && y.ground ? x.ground - y.ground : 0) ||
      Number(!x.ground) - Number(!y.ground) ||
      y.depth - x.depth,
  );
  const paint = (q: (typeof polys)[number]): string =>
    q.opacity < 1
      ? `<path d="${q.d}" fill="${q.fill}" fill-opacity="${q.opacity}"/>`
      : `<path d="${q.d}" fill="${q.fill}" stroke="${q.fill}" stroke-width="0.6" stroke-linejoin="round"/>`;
  const hy = n1(Math.max(0, Math.min(H, horizonY)));
  const hazeBand = `<rect y="${hy}" width="${W}" height="${n1(Math.max(0, H - Number(hy)))}" fill="url(#haze)"/>`;
  const body =
    polys
      .filter((q) => q.ground)
      .map(paint)
      .join('') +
    hazeBand +
    polys
      .filter((q) => !q.ground)
      .map(paint)
      .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">` +
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${o.sky[0]}"/><stop offset="1" stop-color="${o.sky[1]}"/></linearGradient>` +
    `<linearGradient id="haze" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${o.haze}"/><stop offset="0.35" stop-color="${o.haze}" stop-opacity="0.35"/><stop offset="1" stop-color="${o.haze}" stop-opacity="0"/></linearGradient></defs>` +
    `<rect width="${W}" height="${hy}" fill="url(#sky)"/><rect y="${hy}" width="${W}" height="${n1(H - Number(hy))}" fill="${o.haze}"/>` +
    body +
    `</svg>`
  );
}

/** Clips a camera-space polygon to z ≥ NEAR (in front of the lens). */
function clipNear(poly: Vec3[]): Vec3[] {
  const out: Vec3[] = [];
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i] as Vec3;
    const b = poly[(i + 1) % poly.length] as Vec3;
    const ina = a[2] >= NEAR;
    const inb = b[2] >= NEAR;
    if (ina) out.push(a);
    if (ina !== inb) {
      const k = (NEAR - a[2]) / (b[2] - a[2]);
      out.push([a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k, NEAR]);
    }
  }
  return out;
}

/** Sutherland–Hodgman clipping of a polygon to the half-space y ≥ level. */
function clipAbove(poly: Vec3[], level: number): Vec3[] {
  const out: Vec3[] = [];
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i] as Vec3;
    const b = poly[(i + 1) % poly.length] as Vec3;
    const ina = a[1] >= level;
    const inb = b[1] >= level;
    if (ina) out.push(a);
    if (ina !== inb) {
      const k = (level - a[1]) / (b[1] - a[1]);
      out.push([a[0] + (b[0] - a[0]) * k, level, a[2] + (b[2] - a[2]) * k]);
    }
  }
  return out;
}

/** The function placing a group's local point in the world at time `t` (all clips sampled, looping). */
function poseAt(spec: SceneSpec, group: string, t: number): (p: Vec3, pivot: Vec3) => Vec3 {
  let offset: Vec3 = [0, 0, 0];
  let rot: Vec3 = [0, 0, 0];
  let scale: Vec3 = [1, 1, 1];
  for (const clip of spec.clips) {
    for (const tr of clip.tracks) {
      if (tr.group !== group) continue;
      if (tr.translation) offset = sample(tr, tr.translation, t);
      if (tr.rotation) rot = sample(tr, tr.rotation, t);
      if (tr.scale) scale = sample(tr, tr.scale, t);
    }
  }
  return (p, pivot) => {
    let v: Vec3 = [p[0] * scale[0], p[1] * scale[1], p[2] * scale[2]];
    v = rotZ(v, rot[2]);
    v = rotY(v, rot[1]);
    v = rotX(v, rot[0]);
    return [v[0] + pivot[0] + offset[0], v[1] + pivot[1] + offset[1], v[2] + pivot[2] + offset[2]];
  };
}

function sample(tr: TrackSpec, values: Vec3[], t: number): Vec3 {
  const end = tr.times.at(-1) ?? 0;
  const u = end > 0 ? t % end : 0;
  let i = 0;
  while (i < tr.times.length - 2 && (tr.times[i + 1] as number) <= u) i++;
  const t0 = tr.times[i] as number;
  const t1 = (tr.times[i + 1] ?? t0) as number;
  const k = t1 > t0 ? Math.min(1, Math.max(0, (u - t0) / (t1 - t0))) : 0;
  const a = values[i] as Vec3;
  const b = (values[i + 1] ?? a) as Vec3;
  return [a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k, a[2] + (b[2] - a[2]) * k];
}

const rotX = (v: Vec3, a: number): Vec3 => [
  v[0],
  v[1] * Math.cos(a) - v[2] * Math.sin(a),
  v[1] * Math.sin(a) + v[2] * Math.cos(a),
];
const rotY = (v: Vec3, a: number): Vec3 => [
  v[0] * Math.cos(a) + v[2] * Math.sin(a),
  v[1],
  -v[0] * Math.sin(a) + v[2] * Math.cos(a),
];
const rotZ = (v: Vec3, a: number): Vec3 => [
  v[0] * Math.cos(a) - v[1] * Math.sin(a),
  v[0] * Math.sin(a) + v[1] * Math.cos(a),
  v[2],
];
const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
function normalize(v: Vec3): Vec3 {
  const l = Math.hypot(...v) || 1;
  return [v[0] / l, v[1] / l, v[2] / l];
}
function hexRgb(hex: string): Vec3 {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
function rgbHex(c: Vec3): string {
  return `#${c
    .map((v) =>
      Math.round(Math.max(0, Math.min(255, v)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}
