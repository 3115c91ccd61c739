import { bearingDeg, destination, distanceM, wrap180, type LngLat } from '../lib/geo';
import { t3 } from '../lib/i18n';
import { PLACES, stopPosition } from '../lib/places';
import { seeded } from '../scenes/geometry';
import type { PanoramaResult } from './harbour-1940';
import { EquirectView, shipSilhouette, skyAndGround, smokeColumn, surface, type Target, look } from './view';
import { n1 } from '../lib/raster';

/** The coast here runs 62°/242° (computed from the two wrecks); the sea lies to the north-north-west. */
const SEAWARD = 332;

/**
 * Zuydcoote beach in front of the sanatorium (today the Hôpital maritime), at the end of May 1940: the
 * hospital buildings on the dunes behind, the beach, the wrecks of the Crested Eagle and the Devonia along the
 * shore to the east-north-east, ships offshore and Dunkirk's smoke on the western horizon.
 */
export function zuydcooteBeach(width = 4096): PanoramaResult {
  const rnd = seeded(29);
  const here = stopPosition('beaches-rearguard', 'zuydcoote-hopital');
  const crested = stopPosition('beaches-rearguard', 'crested-eagle');
  const devonia = stopPosition('beaches-rearguard', 'devonia');
  // The hospital stands behind the dunes, landward of the stop; about 350 m is our estimate (SOURCES.md gives no point).
  const hospital = destination(here, SEAWARD - 180, 350);
  const v = new EquirectView(width, width / 2, SEAWARD, 360, 1.6, 2.5);
  const defs = skyAndGround(v, ['#8fa3b2', '#e2dccb'], '#d9c7a0');
  // sea from the waterline ~120 m out (mid tide), to the horizon, over the seaward half
  surface(v, SEAWARD - 88, SEAWARD + 88, 1e7, '#5d7a80');
  v.parts.push(
    `<rect y="${v.horizonY}" width="${v.width}" height="${n1(v.pxPerDeg * 0.25)}" fill="#98a9a8" fill-opacity="0.7"/>`,
  );
  // wet sand between the waterline and us
  surface(v, SEAWARD - 88, SEAWARD + 88, 120, '#c8b38a');

  // Dunes along the landward half, rising 8–14 m some 150–250 m away, marram on top
  for (let b = SEAWARD + 96; b < SEAWARD + 264; b += 3) {
    const d = 150 + rnd() * 100;
    const h = 8 + rnd() * 6;
    const w = (3.5 + rnd() * 2) * v.pxPerDeg;
    const top = v.yAt(h, d);
    const base = v.horizonY + 4;
    v.at(
      b,
      w,
      (x) => `<ellipse cx="${n1(x)}" cy="${n1(base)}" rx="${n1(w)}" ry="${n1(base - top)}" fill="#cdb98e"/>`,
    );
  }
  // The sanatorium: long blocks with a central pavilion and a red cross on the roof
  const hos = look({ from: here, to: hospital });
  const blocks: [number, number, number][] = [
    [-14, 90, 14],
    [0, 40, 20],
    [14, 90, 14],
  ];
  for (const [db, wM, hM] of blocks) {
    const b = hos.bearing + db;
    const wPx = ((Math.atan2(wM * v.sizeScale, hos.dist) * 180) / Math.PI) * v.pxPerDeg;
    const top = v.yAt(6 + hM, hos.dist);
    const base = v.yAt(6, hos.dist);
    v.at(
      b,
      wPx,
      (x) =>
        `<rect x="${n1(x - wPx / 2)}" y="${n1(top)}" width="${n1(wPx)}" height="${n1(base - top + 6)}" fill="#ece6da"/><rect x="${n1(x - wPx / 2)}" y="${n1(top)}" width="${n1(wPx)}" height="${n1((base - top) * 0.12)}" fill="#9b4a36"/>`,
    );
  }
  const crossY = v.yAt(6 + 22, hos.dist);
  v.at(
    hos.bearing,
    20,
    (x) => `<path d="M${n1(x - 3)} ${n1(crossY - 10)}h6v7h7v6h-7v7h-6v-7h-7v-6h7z" fill="#c8102e"/>`,
  );

  // Dunkirk burning, far to the west-south-west
  const dk = look({ from: here, to: PLACES.dunkirk });
  smokeColumn(v, dk.bearing, dk.dist, 900, -18, rnd);
  // Ships offshore and the two wrecks on the beach
  for (const [b, d, len] of [
    [300, 3500, 90],
    [322, 2600, 70],
    [345, 4200, 100],
    [5, 3000, 60],
    [20, 5200, 85],
  ] as const) {
    shipSilhouette(v, b, d, {
      lengthM: len,
      hullM: 6,
      houseM: 4,
      funnels: len > 80 ? 2 : 1,
      hull: '#3d4143',
      house: '#767c7f',
    });
  }
  const wreck = (t: Target, listDeg: number, burning: boolean): void => {
    const { bearing, dist } = look(t);
    if (burning) smokeColumn(v, bearing - 0.5, dist, 50, -4, rnd, '#2c2a28', 4);
    shipSilhouette(v, bearing, dist, {
      lengthM: 70,
      hullM: 5,
      houseM: 3,
      funnels: 1,
      hull: '#2a2725',
      house: '#4c4641',
      listDeg,
      sunkM: 1.5,
    });
  };
  // the Crested Eagle burned when she was beached; the Devonia was run aground on purpose
  wreck({ from: here, to: devonia }, -3, false);
  wreck({ from: here, to: crested }, 4, true);

  const spot = (to: LngLat, hM: number): { yawDeg: number; pitchDeg: number } => ({
    yawDeg: Math.round(wrap180(bearingDeg(here, to) - SEAWARD) * 10) / 10,
    pitchDeg:
      Math.round(((Math.atan2((hM - v.eyeM) * v.sizeScale, distanceM(here, to)) * 180) / Math.PI) * 10) / 10,
  });
  const block = {
    type: 'panorama',
    image: 'media/panoramas/zuydcoote-beach.webp',
    alt: t3(
      "Panorama à 360 degrés de la plage de Zuydcoote fin mai 1940 : derrière les dunes, le sanatorium marqué d'une croix rouge ; sur la plage, vers l'est, l'épave fumante du Crested Eagle et, plus loin, le Devonia échoué ; des navires au large et, à l'ouest, la fumée de Dunkerque.",
      'A 360-degree panorama of Zuydcoote beach at the end of May 1940: behind the dunes, the sanatorium marked with a red cross; along the beach to the east, the smoking wreck of the Crested Eagle and, further on, the beached Devonia; ships offshore and, to the west, the smoke of Dunkirk.',
      'Een 360-gradenpanorama van het strand van Zuydcoote eind mei 1940: achter de duinen het sanatorium met een rood kruis; verder naar het oosten op het strand het rokende wrak van de Crested Eagle en verderop de gestrande Devonia; schepen voor de kust en in het westen de rook van Duinkerke.',
    ),
    headingDeg: SEAWARD,
    hotspots: [
      {
        id: 'sanatorium',
        ...spot(hospital, 26),
        title: t3('Le sanatorium de Zuydcoote', 'The Zuydcoote sanatorium', 'Het sanatorium van Zuydcoote'),
        text: t3(
          "Inauguré en 1910, il devient un hôpital pour les blessés en mai 1940. Les croix rouges sur les toits n'empêchent pas les bombardements.",
          'Opened in 1910, it became a hospital for the wounded in May 1940. The red crosses on its roofs did not stop the bombing.',
          'Het werd in 1910 geopend en was in mei 1940 een ziekenhuis voor gewonden. De rode kruisen op de daken hielden de bombardementen niet tegen.',
        ),
      },
      {
        id: 'crested-eagle',
        ...spot(crested, 8),
        title: t3('Le Crested Eagle', 'The Crested Eagle', 'De Crested Eagle'),
        text: t3(
          'Un vapeur à roues de la Tamise, bombardé le 29 mai 1940 après avoir quitté la jetée Est, puis échoué en feu sur cette plage.',
          'A Thames paddle steamer, bombed on 29 May 1940 after leaving the East Mole, then beached on fire on this shore.',
          'Een raderstoomboot van de Theems, gebombardeerd op 29 mei 1940 na vertrek van de Oostpier en brandend op dit strand gezet.',
        ),
      },
      {
        id: 'devonia',
        ...spot(devonia, 8),
        title: t3('Le Devonia', 'The Devonia', 'De Devonia'),
        text: t3(
          "Vapeur à roues devenu dragueur de mines. Endommagé le 30 mai, il est échoué volontairement pour servir de jetée. Les sources ne s'accordent pas sur le lieu exact.",
          'A paddle steamer turned minesweeper. Damaged on 30 May, she was beached on purpose to serve as a jetty. Sources disagree on the exact place.',
          'Een raderstoomboot die mijnenveger werd. Na schade op 30 mei werd ze met opzet op het strand gezet als steiger. Bronnen verschillen over de precieze plek.',
        ),
      },
      {
        id: 'dunkirk-smoke',
        yawDeg: Math.round(wrap180(dk.bearing - SEAWARD) * 10) / 10,
        pitchDeg: 3,
        title: t3('Dunkerque en feu', 'Dunkirk burning', 'Duinkerke in brand'),
        text: t3(
          "À une dizaine de kilomètres à l'ouest, la fumée du port et des réservoirs de pétrole se voit depuis les plages.",
          'About ten kilometres to the west, the smoke of the port and its oil tanks can be seen from the beaches.',
          'Op zo’n tien kilometer naar het westen is de rook van de haven en de olietanks vanaf de stranden te zien.',
        ),
      },
    ],
  };
  return { svg: v.svg(defs), block };
}
