/**
 * Equirectangular views: yaw/pitch ↔ direction ↔ image coordinates, the sphere (or sphere patch)
 * the image is painted inside, and hotspot picking.
 *
 * Conventions (shared with the media generators in content/tools/panoramas/view.ts):
 * - yaw is degrees clockwise from the image's centre column, whose compass bearing is the block's
 *   `headingDeg`; so bearing = headingDeg + yaw. Pitch is degrees above the horizon.
 * - The horizon is at mid-height; u grows with yaw (east of the centre is to the right), v from the top.
 * - World axes are three.js's: the viewer at the origin looks down −Z at yaw 0, +X is yaw 90°, +Y up.
 */

export const DEG = Math.PI / 180;

/** An image's angular extent: a full panorama is 360 × 180; an AR overlay crop is 90 × 45. */
export interface Extent {
  hfovDeg: number;
  vfovDeg: number;
}

export const FULL_SPHERE: Extent = { hfovDeg: 360, vfovDeg: 180 };

/** Angle in (−180, 180]. */
export function wrap180(deg: number): number {
  const r = (((deg + 180) % 360) + 360) % 360;
  return r === 0 ? 180 : r - 180;
}

/** Angle in [0, 360). */
export function wrap360(deg: number): number {
  return ((deg % 360) + 360) % 360;
}

export type Vec3 = [number, number, number];

export function yawPitchToDirection(yawDeg: number, pitchDeg: number, out: Vec3 = [0, 0, 0]): Vec3 {
  const y = yawDeg * DEG;
  const p = pitchDeg * DEG;
  out[0] = Math.sin(y) * Math.cos(p);
  out[1] = Math.sin(p);
  out[2] = -Math.cos(y) * Math.cos(p);
  return out;
}

export function directionToYawPitch(dir: readonly number[]): { yawDeg: number; pitchDeg: number } {
  const [x = 0, y = 0, z = 0] = dir;
  const len = Math.hypot(x, y, z) || 1;
  const pitchDeg = Math.asin(Math.max(-1, Math.min(1, y / len))) / DEG;
  // At the poles yaw is undefined; 0 is as good as any.
  const yawDeg = Math.abs(x) < 1e-12 && Math.abs(z) < 1e-12 ? 0 : Math.atan2(x, -z) / DEG;
  return { yawDeg, pitchDeg };
}

export function yawPitchToUv(
  yawDeg: number,
  pitchDeg: number,
  extent: Extent = FULL_SPHERE,
): [number, number] {
  const yaw = extent.hfovDeg >= 360 ? wrap180(yawDeg) : yawDeg;
  return [0.5 + yaw / extent.hfovDeg, 0.5 - pitchDeg / extent.vfovDeg];
}

export function uvToYawPitch(
  u: number,
  v: number,
  extent: Extent = FULL_SPHERE,
): { yawDeg: number; pitchDeg: number } {
  return { yawDeg: (u - 0.5) * extent.hfovDeg, pitchDeg: (0.5 - v) * extent.vfovDeg };
}

export interface SphereBuffers {
  positions: Float32Array;
  uvs: Float32Array;
  indices: Uint32Array;
}

/**
 * A sphere (or a patch of one, for a cropped image) of the given radius, with uvs that follow
 * {@link yawPitchToUv} exactly and triangles wound to face the centre, where the viewer stands.
 * Texture v runs bottom-up in WebGL (flipY), so the buffer holds 1 − v.
 */
export function equirectSphere(
  extent: Extent,
  radius: number,
  segments: { yaw: number; pitch: number },
): SphereBuffers {
  const { yaw: ns, pitch: nt } = segments;
  const positions = new Float32Array((ns + 1) * (nt + 1) * 3);
  const uvs = new Float32Array((ns + 1) * (nt + 1) * 2);
  const dir: Vec3 = [0, 0, 0];
  let p = 0;
  let q = 0;
  for (let j = 0; j <= nt; j++) {
    const v = j / nt;
    for (let i = 0; i <= ns; i++) {
      const u = i / ns;
      const { yawDeg, pitchDeg } = uvToYawPitch(u, v, extent);
      yawPitchToDirection(yawDeg, pitchDeg, dir);
      positions[p++] = dir[0] * radius;
      positions[p++] = dir[1] * radius;
      positions[p++] = dir[2] * radius;
      uvs[q++] = u;
      uvs[q++] = 1 - v;
    }
  }
  const indices = new Uint32Array(ns * nt * 6);
  let k = 0;
  for (let j = 0; j < nt; j++) {
    for (let i = 0; i < ns; i++) {
      const a = j * (ns + 1) + i; // top-left (seen from inside)
      const b = a + 1; // top-right
      const c = a + ns + 1; // bottom-left
      const d = c + 1; // bottom-right
      // Counter-clockwise as seen from the centre (the front face in WebGL).
      indices[k++] = a;
      indices[k++] = c;
      indices[k++] = b;
      indices[k++] = b;
      indices[k++] = c;
      indices[k++] = d;
    }
  }
  return { positions, uvs, indices };
}

/** Angle between two view directions given as yaw/pitch, in degrees. */
export function angularDistanceDeg(yaw1: number, pitch1: number, yaw2: number, pitch2: number): number {
  const a = yawPitchToDirection(yaw1, pitch1);
  const b = yawPitchToDirection(yaw2, pitch2);
  const dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  return Math.acos(Math.max(-1, Math.min(1, dot))) / DEG;
}

/** What the viewer looks at, and how wide. */
export interface View {
  yawDeg: number;
  pitchDeg: number;
  /** Vertical field of view of the camera. */
  fovDeg: number;
  /** Width / height of the viewport. */
  aspect: number;
}

/** Yaw/pitch seen under a pointer at normalised device coordinates (x, y in [−1, 1], y up). */
export function pointerToYawPitch(
  ndcX: number,
  ndcY: number,
  view: View,
): { yawDeg: number; pitchDeg: number } {
  const tanV = Math.tan((view.fovDeg * DEG) / 2);
  // Ray in camera space: the camera looks down −Z.
  const cx = ndcX * tanV * view.aspect;
  const cy = ndcY * tanV;
  const cz = -1;
  // Camera rotation: pitch about X, then yaw about Y (clockwise from above = negative angle about +Y).
  const p = view.pitchDeg * DEG;
  const y = view.yawDeg * DEG;
  const x1 = cx;
  const y1 = cy * Math.cos(p) - cz * Math.sin(p);
  const z1 = cy * Math.sin(p) + cz * Math.cos(p);
  const x2 = x1 * Math.cos(y) - z1 * Math.sin(y);
  const z2 = x1 * Math.sin(y) + z1 * Math.cos(y);
  return directionToYawPitch([x2, y1, z2]);
}

/** Where a yaw/pitch appears on screen (NDC), or null when it is behind the viewer. */
export function yawPitchToPointer(yawDeg: number, pitchDeg: number, view: View): [number, number] | null {
  const d = yawPitchToDirection(yawDeg, pitchDeg);
  const p = view.pitchDeg * DEG;
  const y = view.yawDeg * DEG;
  // Inverse of the rotation in pointerToYawPitch.
  const x1 = d[0] * Math.cos(y) + d[2] * Math.sin(y);
  const z1 = -d[0] * Math.sin(y) + d[2] * Math.cos(y);
  const cy = d[1] * Math.cos(p) + z1 * Math.sin(p);
  const cz = -d[1] * Math.sin(p) + z1 * Math.cos(p);
  if (cz >= 0) return null;
  const tanV = Math.tan((view.fovDeg * DEG) / 2);
  return [x1 / -cz / (tanV * view.aspect), cy / -cz / tanV];
}

export interface Spot {
  id: string;
  yawDeg: number;
  pitchDeg: number;
}

/** The hotspot nearest to the given direction within `maxDeg`, or null. */
export function pickHotspot<S extends Spot>(
  spots: readonly S[],
  yawDeg: number,
  pitchDeg: number,
  maxDeg = 6,
): S | null {
  let best: S | null = null;
  let bestD = maxDeg;
  for (const s of spots) {
    const d = angularDistanceDeg(s.yawDeg, s.pitchDeg, yawDeg, pitchDeg);
    if (d <= bestD) {
      best = s;
      bestD = d;
    }
  }
  return best;
}
