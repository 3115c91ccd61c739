import { bearingDeg, distanceM, type LngLat, wrap180 } from '../lib/geo';
import { n1 } from '../lib/raster';

/**
 * An equirectangular view: x is linear in compass bearing, y linear in elevation, the same number of pixels
 * per degree both ways, the horizon at mid-height. A full panorama is the 360° × 180° case; an AR overlay a
 * narrower crop of the same projection, so both can be drawn by the same code.
 */
export class EquirectView {
  readonly pxPerDeg: number;
  readonly parts: string[] = [];

  constructor(
    readonly width: number,
    readonly height: number,
    /** Compass bearing at the centre column (the block's `headingDeg`). */
    readonly centerBearing: number,
    readonly hfovDeg: number,
    /** Eye height above the ground or water the viewer stands on, m. */
    readonly eyeM = 1.6,
    /**
     * Angular size factor for objects (heights and widths), 1 = true size. Bearings and the horizon stay
     * exact; distant ships and towers may be drawn larger so a phone screen shows them.
     */
    readonly sizeScale = 1,
  ) {
    this.pxPerDeg = width / hfovDeg;
  }

  get horizonY(): number {
    return this.height / 2;
  }

  x(bearing: number): number {
    return this.width / 2 + wrap180(bearing - this.centerBearing) * this.pxPerDeg;
  }

  /** y of a point `heightM` above the viewer's ground level seen at distance `distM`. */
  yAt(heightM: number, distM: number): number {
    const elev = (Math.atan2((heightM - this.eyeM) * this.sizeScale, distM) * 180) / Math.PI;
    return this.horizonY - elev * this.pxPerDeg;
  }

  /** Adds a fragment drawn around column x; in a full panorama, again one width left or right near the seam. */
  at(bearing: number, halfWidthPx: number, draw: (x: number) => string): void {
    const x = this.x(bearing);
    const shifts = this.hfovDeg >= 360 ? [0, -this.width, this.width] : [0];
    for (const s of shifts) {
      if (x + s + halfWidthPx >= 0 && x + s - halfWidthPx <= this.width) this.parts.push(draw(x + s));
    }
  }

  svg(defs = ''): string {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${this.width}" height="${this.height}" viewBox="0 0 ${this.width} ${this.height}"><defs>${defs}</defs>${this.parts.join('')}</svg>`;
  }
}

export interface Target {
  from: LngLat;
  to: LngLat;
}

export const look = (t: Target): { bearing: number; dist: number } => ({
  bearing: bearingDeg(t.from, t.to),
  dist: distanceM(t.from, t.to),
});

/** Sky gradient over the upper half and a base colour for the lower half. */
export function skyAndGround(v: EquirectView, sky: [string, string], ground: string, id = 'sky'): string {
  v.parts.push(`<rect width="${v.width}" height="${n1(v.horizonY)}" fill="url(#${id})"/>`);
  v.parts.push(
    `<rect y="${n1(v.horizonY)}" width="${v.width}" height="${n1(v.height - v.horizonY)}" fill="${ground}"/>`,
  );
  return `<linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky[0]}"/><stop offset="1" stop-color="${sky[1]}"/></linearGradient>`;
}

/** A surface (land, beach) between two bearings whose near edge lies `edgeDistM` away, filled down to the bottom. */
export function surface(
  v: EquirectView,
  fromB: number,
  toB: number,
  edgeDistM: number,
  fill: string,
  edgeHeightM = 0,
): void {
  const span = (toB - fromB + 360) % 360 || 360;
  const steps = Math.max(2, Math.ceil(span / 2));
  const top = v.yAt(edgeHeightM, edgeDistM);
  for (let i = 0; i < steps; i++) {
    const b0 = fromB + (span * i) / steps;
    const w = (span / steps) * v.pxPerDeg + 1;
    v.at(
      b0 + span / steps / 2,
      w / 2,
      (x) =>
        `<rect x="${n1(x - w / 2)}" y="${n1(top)}" width="${n1(w)}" height="${n1(v.height - top)}" fill="${fill}"/>`,
    );
  }
}

/** A block of roofs between two bearings at a distance: the town seen across the water. */
export function skyline(
  v: EquirectView,
  fromB: number,
  toB: number,
  distM: number,
  rnd: () => number,
  fill: string,
  minH = 6,
  maxH = 18,
  baseM = 0,
): void {
  const span = (toB - fromB + 360) % 360;
  let b = fromB;
  while (b < fromB + span) {
    const wM = 12 + rnd() * 30;
    const wDeg = (Math.atan2(wM * v.sizeScale, distM) * 180) / Math.PI;
    const h = minH + rnd() * (maxH - minH);
    const top = v.yAt(baseM + h, distM);
    const bottom = v.yAt(baseM, distM) + 2;
    const wPx = wDeg * v.pxPerDeg + 0.6;
    const gable = rnd() < 0.5;
    v.at(b + wDeg / 2, wPx, (x) =>
      gable
        ? `<path d="M${n1(x - wPx / 2)} ${n1(bottom)}V${n1(top + wPx * 0.25)}L${n1(x)} ${n1(top - wPx * 0.12)}L${n1(x + wPx / 2)} ${n1(top + wPx * 0.25)}V${n1(bottom)}Z" fill="${fill}"/>`
        : `<rect x="${n1(x - wPx / 2)}" y="${n1(top)}" width="${n1(wPx)}" height="${n1(bottom - top)}" fill="${fill}"/>`,
    );
    b += wDeg * (0.9 + rnd() * 0.5);
  }
}

/** A tower (belfry, lighthouse): a shaft of `widthM` up to `heightM`, with a pointed roof of `roofM`. */
export function tower(
  v: EquirectView,
  t: Target,
  heightM: number,
  widthM: number,
  fill: string,
  roofM = 0,
  baseM = 0,
): void {
  const { bearing, dist } = look(t);
  const w = Math.max(1.5, ((Math.atan2(widthM * v.sizeScale, dist) * 180) / Math.PI) * v.pxPerDeg);
  const top = v.yAt(baseM + heightM, dist);
  const apex = v.yAt(baseM + heightM + roofM, dist);
  const bottom = v.yAt(baseM, dist) + 2;
  v.at(
    bearing,
    w,
    (x) =>
      `<path d="M${n1(x - w / 2)} ${n1(bottom)}V${n1(top)}L${n1(x)} ${n1(apex)}L${n1(x + w / 2)} ${n1(top)}V${n1(bottom)}Z" fill="${fill}"/>`,
  );
}

/** A ship side-on: hull, superstructure, funnels and a mast, scaled by its true size and distance. */
export function shipSilhouette(
  v: EquirectView,
  bearing: number,
  distM: number,
  o: {
    lengthM: number;
    hullM: number;
    houseM: number;
    funnels: number;
    hull: string;
    house: string;
    funnel?: string;
    listDeg?: number;
    sunkM?: number;
  },
): void {
  const px = (m: number): number => ((Math.atan2(m * v.sizeScale, distM) * 180) / Math.PI) * v.pxPerDeg;
  const L = px(o.lengthM);
  const sunk = o.sunkM ?? 0;
  const water = v.yAt(0, distM);
  const deckY = v.yAt(o.hullM - sunk, distM);
  const houseY = v.yAt(o.hullM - sunk + o.houseM, distM);
  const funnelY = v.yAt(o.hullM - sunk + o.houseM + o.houseM * 0.9, distM);
  const mastY = v.yAt(o.hullM - sunk + o.houseM * 3, distM);
  v.at(bearing, L, (x) => {
    const l = x - L / 2;
    let s = `<g transform="rotate(${o.listDeg ?? 0} ${n1(x)} ${n1(water)})">`;
    s += `<path d="M${n1(l)} ${n1(deckY)}L${n1(l + L)} ${n1(deckY - px(0.8))}L${n1(l + L * 0.96)} ${n1(water)}L${n1(l + L * 0.05)} ${n1(water)}Z" fill="${o.hull}"/>`;
    s += `<rect x="${n1(l + L * 0.3)}" y="${n1(houseY)}" width="${n1(L * 0.36)}" height="${n1(deckY - houseY + 0.5)}" fill="${o.house}"/>`;
    for (let i = 0; i < o.funnels; i++) {
      const fx = l + L * (0.4 + i * 0.12);
      s += `<rect x="${n1(fx)}" y="${n1(funnelY)}" width="${n1(Math.max(1, L * 0.05))}" height="${n1(houseY - funnelY + 0.5)}" fill="${o.funnel ?? '#262626'}"/>`;
    }
    s += `<rect x="${n1(l + L * 0.62)}" y="${n1(mastY)}" width="${n1(Math.max(0.8, L * 0.008))}" height="${n1(deckY - mastY)}" fill="${o.house}"/>`;
    return `${s}</g>`;
  });
}

/** A smoke column from a fire at `t`, rising `heightM` and leaning toward bearing + `leanDeg`. */
export function smokeColumn(
  v: EquirectView,
  bearing: number,
  distM: number,
  heightM: number,
  leanDeg: number,
  rnd: () => number,
  color = '#1f1e1d',
  baseRadiusM = 30,
): void {
  const puffs = 26;
  for (let i = 0; i < puffs; i++) {
    const k = i / (puffs - 1);
    const b = bearing + leanDeg * k * k;
    const y = v.yAt(heightM * k + 10, distM);
    const r =
      ((Math.atan2((baseRadiusM + heightM * 0.35 * k) * v.sizeScale, distM) * 180) / Math.PI) *
      v.pxPerDeg *
      (0.8 + rnd() * 0.4);
    const op = (0.55 - 0.3 * k) * (0.8 + rnd() * 0.3);
    v.at(
      b,
      r * 1.6,
      (x) =>
        `<ellipse cx="${n1(x)}" cy="${n1(y)}" rx="${n1(r * 1.5)}" ry="${n1(r)}" fill="${color}" fill-opacity="${op.toFixed(2)}"/>`,
    );
  }
}

/** A line of piles carrying a walkway between two places on the water (the Mole seen from land). */
export function pier(
  v: EquirectView,
  viewpoint: LngLat,
  from: LngLat,
  to: LngLat,
  deckM: number,
  deck: string,
  piles: string,
  stepM = 25,
): void {
  const d = distanceM(from, to);
  const n = Math.max(2, Math.ceil(d / stepM));
  const pts: { b: number; dist: number }[] = [];
  for (let i = 0; i <= n; i++) {
    const k = i / n;
    const p: LngLat = [from[0] + (to[0] - from[0]) * k, from[1] + (to[1] - from[1]) * k];
    pts.push({ b: bearingDeg(viewpoint, p), dist: distanceM(viewpoint, p) });
  }
  for (const p of pts) {
    const top = v.yAt(deckM, p.dist);
    const bottom = v.yAt(0, p.dist);
    v.at(
      p.b,
      2,
      (x) =>
        `<rect x="${n1(x - 0.8)}" y="${n1(top)}" width="1.6" height="${n1(Math.max(0.5, bottom - top))}" fill="${piles}"/>`,
    );
  }
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1] as { b: number; dist: number };
    const b = pts[i] as { b: number; dist: number };
    const th = Math.max(1, v.yAt(0, b.dist) - v.yAt(1.2, b.dist));
    v.at(a.b, Math.abs(v.x(b.b) - v.x(a.b)) + 4, (x) => {
      const x2 = x + wrap180(b.b - a.b) * v.pxPerDeg;
      return `<path d="M${n1(x)} ${n1(v.yAt(deckM, a.dist))}L${n1(x2)} ${n1(v.yAt(deckM, b.dist))}" stroke="${deck}" stroke-width="${n1(th)}" fill="none"/>`;
    });
  }
}
