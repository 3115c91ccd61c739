import type { TriangleSoup, Transform, Vec3 } from './geometry';

/** A standing soldier, about 1.75 m, facing -Z before `yaw`: legs, greatcoat, pack, head, flat helmet. */
export function soldier(
  cloth: TriangleSoup,
  skin: TriangleSoup,
  helmet: TriangleSoup,
  at: Vec3,
  yaw = 0,
): void {
  const tr: Transform = { t: at, yaw };
  cloth.box([0, 0.42, 0], [0.36, 0.84, 0.24], tr);
  cloth.box([0, 1.15, 0], [0.5, 0.66, 0.3], tr);
  cloth.box([0, 1.22, 0.22], [0.36, 0.42, 0.16], tr); // pack on the back
  skin.blob(apply(tr, [0, 1.6, 0]), [0.12, 0.14, 0.12]);
  helmet.cylinder([0, 1.69, 0], 0.24, 0.07, 6, 0.1, tr);
}

/**
 * A ship: a hull prism with a pointed bow (toward -Z before `yaw`), a deck house and funnels.
 * `length` and `beam` in metres; the hull stands from `draft` below the water to `freeboard` above it.
 */
export function ship(
  parts: { hull: TriangleSoup; deck: TriangleSoup; house: TriangleSoup; funnel: TriangleSoup },
  o: {
    length: number;
    beam: number;
    freeboard: number;
    draft: number;
    funnels: number;
    houseLength: number;
    yaw?: number;
  },
): void {
  const { length: L, beam: B } = o;
  const tr: Transform = { yaw: o.yaw ?? 0 };
  // counter-clockwise seen from above: stern at +z, bow at -z
  const outline: [number, number][] = [
    [-B / 2, L / 2],
    [B / 2, L / 2],
    [B / 2, -L * 0.22],
    [B * 0.22, -L * 0.42],
    [0, -L / 2],
    [-B * 0.22, -L * 0.42],
    [-B / 2, -L * 0.22],
  ];
  parts.hull.prism(outline, -o.draft, o.freeboard, tr);
  parts.deck.box([0, o.freeboard + 0.05, 0.05 * L], [B * 0.96, 0.1, L * 0.62], tr);
  parts.house.box([0, o.freeboard + 1.4, -0.08 * L], [B * 0.55, 2.8, o.houseLength], tr);
  parts.house.box(
    [0, o.freeboard + 3.6, -0.08 * L - o.houseLength * 0.3],
    [B * 0.4, 1.6, o.houseLength * 0.3],
    tr,
  );
  for (let i = 0; i < o.funnels; i++) {
    const z = -0.08 * L + (i - (o.funnels - 1) / 2) * (o.houseLength / (o.funnels + 0.5));
    parts.funnel.cylinder(apply(tr, [0, o.freeboard + 2.8, z]), B * 0.11, 4.5, 8);
  }
  parts.funnel.cylinder(apply(tr, [0, o.freeboard + 4.4, -0.2 * L]), 0.15, 9, 4); // mast
}

function apply(tr: Transform, p: Vec3): Vec3 {
  const yaw = tr.yaw ?? 0;
  const t = tr.t ?? [0, 0, 0];
  const c = Math.cos(yaw);
  const s = Math.sin(yaw);
  return [c * p[0] + s * p[2] + t[0], p[1] + t[1], -s * p[0] + c * p[2] + t[2]];
}
