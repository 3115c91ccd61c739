import { join } from 'node:path';
import { bearingDeg, destination, distanceM, type LngLat } from '../lib/geo';
import { t3, type Text3 } from '../lib/i18n';
import { jsonText, writeGenerated, type Written } from '../lib/output';
import { PLACES, stopPosition } from '../lib/places';
import { n1, svgToWebp } from '../lib/raster';
import { molePoints } from '../panoramas/harbour-1940';
import {
  EquirectView,
  pier,
  shipSilhouette,
  skyAndGround,
  skyline,
  smokeColumn,
  surface,
  tower,
} from '../panoramas/view';
import { seeded } from '../scenes/geometry';

/**
 * Then/now overlays: two images of the same 90° × 45° view (equirectangular crop, horizon at mid-height,
 * centred on the anchor's heading). "Now" is an opaque view of today; "then" holds only what 1940 added
 * (ships, smoke, the timber Mole, the wreck afloat) on a transparent background, so it lies exactly over the
 * camera picture in AR or over "now" in the slider fallback.
 */
export const AR_SIZE = { width: 2048, height: 1024, hfovDeg: 90 };

export interface ThenNow {
  slug: string;
  position: LngLat;
  headingDeg: number;
  then: string;
  now: string;
  alt: Text3;
}

function view(heading: number, eyeM = 1.6, scale = 2): EquirectView {
  return new EquirectView(AR_SIZE.width, AR_SIZE.height, heading, AR_SIZE.hfovDeg, eyeM, scale);
}

/** From the Leughenaer tower, looking along the jetties toward the Mole. */
export function moleThenNow(): ThenNow {
  const here = stopPosition('dunkirk-port-mole', 'leughenaer');
  const mole = molePoints();
  const heading = Math.round(bearingDeg(here, mole.mid));
  const risban = stopPosition('dunkirk-port-mole', 'phare-du-risban');

  const now = view(heading);
  const defs = skyAndGround(now, ['#6f9fc8', '#dbe6ec'], '#5f7f8c');
  surface(now, heading - 60, heading + 60, 1e7, '#5f7f8c');
  skyline(now, heading - 50, heading - 12, 900, seeded(3), '#8d8a86', 4, 14);
  skyline(now, heading + 14, heading + 50, 1200, seeded(4), '#9a958e', 4, 22);
  tower(now, { from: here, to: risban }, 59, 9, '#efe9dc', 4);
  // today's jetty along the same line, low and pale
  pier(now, here, mole.root, mole.end, 5, '#b9b3a6', '#b9b3a6', 40);

  const then = view(heading);
  const rnd = seeded(1940);
  then.parts.push(
    `<rect width="${then.width}" height="${then.horizonY}" fill="#3a3530" fill-opacity="0.18"/>`,
  );
  const tanks = { b: bearingDeg(here, PLACES.saintPolTanks), d: distanceM(here, PLACES.saintPolTanks) };
  smokeColumn(then, tanks.b, tanks.d, 700, 40, rnd);
  smokeColumn(then, heading + 25, 1500, 160, 8, rnd, '#2d2a27', 8);
  fleetOffshore(then, heading, [
    [-20, 4200, 90],
    [-6, 3000, 75],
    [12, 5200, 100],
    [30, 3600, 60],
  ]);
  pier(then, here, mole.root, mole.end, 6, '#4b3a28', '#7f786b', 20);
  const dd = destination(destination(mole.root, 322, 600), 232, 12);
  shipSilhouette(then, bearingDeg(here, dd), distanceM(here, dd), {
    lengthM: 98,
    hullM: 6,
    houseM: 4,
    funnels: 2,
    hull: '#566064',
    house: '#7d8589',
  });

  return {
    slug: 'mole-then-now',
    position: here,
    headingDeg: heading,
    then: then.svg(),
    now: now.svg(defs),
    alt: t3(
      "Vue vers la jetée Est depuis la tour du Leughenaer. En 1940 : la longue jetée de bois sur pieux, un destroyer amarré, des navires au large et de la fumée noire. Aujourd'hui : la même ligne d'horizon, une mer calme, la jetée et le phare du Risban.",
      'View toward the East Mole from the Leughenaer tower. In 1940: the long timber Mole on piles, a destroyer alongside, ships offshore and black smoke. Today: the same horizon, a calm sea, the jetty and the Risban lighthouse.',
      'Zicht op de Oostpier vanaf de Leughenaertoren. In 1940: de lange houten pier op palen, een torpedobootjager langszij, schepen voor de kust en zwarte rook. Vandaag: dezelfde horizon, een kalme zee, de pier en de Risbanvuurtoren.',
    ),
  };
}

/**
 * At the Devonia wreck on Bray-Dunes beach. The stop stands on the wreck's own position, so the view looks
 * out to sea (332°, square to the coast) across the wreck from just landward of it.
 */
export function devoniaThenNow(): ThenNow {
  const here = stopPosition('beaches-rearguard', 'devonia');
  const heading = 332;
  const wreckDist = 70;

  const now = view(heading, 1.6, 1);
  const defs = skyAndGround(now, ['#7fa9cc', '#e4ecef'], '#d7c39b');
  surface(now, heading - 60, heading + 60, 1e7, '#6a8c95');
  surface(now, heading - 60, heading + 60, 450, '#cdb68c'); // the beach at low tide reaches far out
  surface(now, heading - 60, heading + 60, 90, '#d7c39b');
  // what is left: ribs and the stump of the engine, low on the sand
  const y0 = now.yAt(0, wreckDist);
  for (let i = 0; i < 14; i++) {
    const b = heading - 14 + i * 2;
    const h = 0.6 + (i % 3) * 0.35;
    const top = now.yAt(h, wreckDist);
    now.at(
      b,
      8,
      (x) => `<rect x="${n1(x - 4)}" y="${n1(top)}" width="8" height="${n1(y0 - top + 3)}" fill="#3b3029"/>`,
    );
  }
  const stump = now.yAt(1.8, wreckDist);
  now.at(
    heading,
    40,
    (x) =>
      `<rect x="${n1(x - 30)}" y="${n1(stump)}" width="60" height="${n1(y0 - stump + 3)}" fill="#4a3a2e"/>`,
  );

  const then = view(heading, 1.6, 1);
  const rnd = seeded(31);
  then.parts.push(
    `<rect width="${then.width}" height="${then.horizonY}" fill="#3a3530" fill-opacity="0.12"/>`,
  );
  // the tide in: water over the beach up to the wreck
  const tideTop = then.yAt(0, wreckDist + 30);
  then.parts.push(
    `<rect y="${n1(then.horizonY)}" width="${then.width}" height="${n1(tideTop - then.horizonY)}" fill="#5f7d86"/>`,
  );
  smokeColumn(then, heading - 40, 6000, 600, -10, rnd);
  fleetOffshore(then, heading, [
    [-25, 3000, 80],
    [-8, 2200, 60],
    [15, 3500, 95],
    [35, 2600, 70],
  ]);
  shipSilhouette(then, heading, wreckDist, {
    lengthM: 75,
    hullM: 4,
    houseM: 2.6,
    funnels: 1,
    hull: '#262422',
    house: '#d9d2c3',
    listDeg: -2,
    sunkM: 1,
  });
  // men wading out toward her along the beach
  for (let i = 0; i < 24; i++) {
    const d = 30 + i * 1.8;
    const b = heading + 34 - i * 0.9 + (rnd() - 0.5) * 0.4;
    const top = then.yAt(1.7, d);
    const water = then.yAt(Math.min(0.9, i * 0.04), d);
    const w = Math.max(2, ((Math.atan2(0.45, d) * 180) / Math.PI) * then.pxPerDeg);
    then.at(
      b,
      w,
      (x) =>
        `<rect x="${n1(x - w / 2)}" y="${n1(top)}" width="${n1(w)}" height="${n1(water - top)}" fill="#4d4a33"/>`,
    );
  }
  return {
    slug: 'devonia-then-now',
    position: here,
    headingDeg: heading,
    then: then.svg(),
    now: now.svg(defs),
    alt: t3(
      "Vue vers la mer depuis l'épave du Devonia à Bray-Dunes. En 1940 : le vapeur échoué à dessein pour servir de jetée, des soldats qui avancent dans l'eau, des navires au large et de la fumée. Aujourd'hui, à marée basse : la plage, une mer calme et les restes de l'épave sur le sable.",
      'View out to sea from the Devonia wreck at Bray-Dunes. In 1940: the steamer run aground on purpose to serve as a jetty, soldiers wading out, ships offshore and smoke. Today, at low tide: the beach, a calm sea and the remains of the wreck on the sand.',
      'Zicht op zee vanaf het wrak van de Devonia in Bray-Dunes. In 1940: de stoomboot die met opzet aan de grond werd gezet als steiger, soldaten die het water in waden, schepen voor de kust en rook. Vandaag, bij eb: het strand, een kalme zee en de resten van het wrak op het zand.',
    ),
  };
}

/** Writes `media/ar/<name>-then.webp`, `-now.webp` and the `ar` block. */
export async function writeThenNow(tourDir: string, tn: ThenNow): Promise<Written[]> {
  const dir = join(tourDir, 'media', 'ar');
  const base = tn.slug.replace(/-then-now$/, '');
  const block = {
    type: 'ar',
    alt: tn.alt,
    anchor: { position: tn.position, headingDeg: tn.headingDeg },
    overlay: { then: `media/ar/${base}-then.webp`, now: `media/ar/${base}-now.webp` },
    fallback: 'then-now',
  };
  return [
    writeGenerated(join(dir, `${base}-then.webp`), await svgToWebp(tn.then, { quality: 80, alpha: true })),
    writeGenerated(join(dir, `${base}-now.webp`), await svgToWebp(tn.now, { quality: 80 })),
    writeGenerated(join(dir, `${tn.slug}.block.json`), await jsonText(block)),
  ];
}

/** 1940 ships offshore, as [bearing offset from the heading (°), distance (m), length (m)]. */
function fleetOffshore(
  layer: Parameters<typeof shipSilhouette>[0],
  heading: number,
  ships: readonly (readonly [number, number, number])[],
): void {
  for (const [db, d, len] of ships) {
    shipSilhouette(layer, heading + db, d, {
      lengthM: len,
      hullM: 6,
      houseM: 4,
      funnels: len > 80 ? 2 : 1,
      hull: '#34383a',
      house: '#6a7073',
    });
  }
}
