import { bearingDeg, destination, distanceM, wrap180, type LngLat } from '../lib/geo';
import { t3 } from '../lib/i18n';
import { PLACES, stopPosition } from '../lib/places';
import { seeded } from '../scenes/geometry';
import {
  EquirectView,
  pier,
  shipSilhouette,
  skyAndGround,
  skyline,
  smokeColumn,
  surface,
  tower,
} from './view';

/**
 * The East Mole, about 1,300 m long on the channel axis (322°): its middle is the tour's stop (the centre published
 * for the Mole, see the tour's SOURCES.md), its root 650 m back towards the land and its seaward end 650 m out.
 */
export function molePoints(): { root: LngLat; end: LngLat; mid: LngLat } {
  const mid = stopPosition('dunkirk-port-mole', 'east-mole');
  return { root: destination(mid, 142, 650), end: destination(mid, 322, 650), mid };
}

export interface PanoramaResult {
  svg: string;
  block: object;
}

/**
 * The harbour from Bastion 32 at the end of May 1940, as a 360° equirectangular panorama: the Mole with a
 * destroyer alongside, ships offshore, the Risban lighthouse, the belfry above a damaged town, and the smoke
 * of the oil tanks burning at Saint-Pol-sur-Mer. Every landmark stands at its computed bearing.
 */
export function harbour1940(width = 4096): PanoramaResult {
  const rnd = seeded(26);
  const here = stopPosition('dunkirk-port-mole', 'bastion-32');
  const mole = molePoints();
  const heading = Math.round(bearingDeg(here, mole.mid));
  // heights and widths drawn 2.5 times their true angular size, so ships kilometres away stay visible
  const v = new EquirectView(width, width / 2, heading, 360, 8, 2.5);
  const defs = skyAndGround(v, ['#7f8a93', '#d6cfbf'], '#56686b');
  const seaFrom = 250;
  const seaTo = 78;
  // a lighter band where the sea meets the sky
  v.parts.push(
    `<rect y="${v.horizonY}" width="${v.width}" height="${Math.round(v.pxPerDeg * 0.35)}" fill="#8b9a98" fill-opacity="0.6"/>`,
  );
  surface(v, seaTo, seaFrom, 1e7, '#4a443c');

  // Malo-les-Bains across the water to the east-north-east, the town behind us to the south
  skyline(v, 62, 96, 2600, rnd, '#6d6a66', 6, 16);
  skyline(v, 96, 248, 900, rnd, '#514a43', 5, 18);
  const risban = stopPosition('dunkirk-port-mole', 'phare-du-risban');
  const belfry = stopPosition('dunkirk-port-mole', 'beffroi-saint-eloi');
  const leughenaer = stopPosition('dunkirk-port-mole', 'leughenaer');
  tower(v, { from: here, to: belfry }, 52, 14, '#3f3630', 6);
  tower(v, { from: here, to: leughenaer }, 28, 9, '#4a3f37', 0);
  tower(v, { from: here, to: risban }, 59, 9, '#c9c2b5', 4);

  // smoke first behind, then the ships and the Mole in front of the sea
  const tanks = { b: bearingDeg(here, PLACES.saintPolTanks), d: distanceM(here, PLACES.saintPolTanks) };
  smokeColumn(v, tanks.b, tanks.d, 700, 55, rnd);
  smokeColumn(v, 190, 900, 160, 14, rnd, '#2b2826');
  smokeColumn(v, 222, 1100, 120, 10, rnd, '#34302c');
  const offshore: [number, number, number][] = [
    [318, 5200, 95],
    [300, 2300, 85],
    [337, 3800, 80],
    [345, 1900, 45],
    [352, 6100, 110],
    [8, 4500, 60],
    [24, 7000, 90],
  ];
  for (const [b, d, len] of offshore) {
    shipSilhouette(v, b, d, {
      lengthM: len,
      hullM: 6,
      houseM: 4,
      funnels: len > 70 ? 2 : 1,
      hull: '#3b3d3e',
      house: '#6f7477',
    });
  }
  pier(v, here, mole.root, mole.end, 6, '#4b3a28', '#8f897c');
  const alongside = destination(mole.root, 322, 600);
  const ddPos = destination(alongside, 232, 12);
  shipSilhouette(v, bearingDeg(here, ddPos), distanceM(here, ddPos), {
    lengthM: 98,
    hullM: 6,
    houseM: 4,
    funnels: 2,
    hull: '#5b6266',
    house: '#7f878a',
  });

  const spot = (to: LngLat, hM: number): { yawDeg: number; pitchDeg: number } => {
    const d = distanceM(here, to);
    return {
      yawDeg: Math.round(wrap180(bearingDeg(here, to) - heading) * 10) / 10,
      pitchDeg: Math.round(((Math.atan2((hM - v.eyeM) * v.sizeScale, d) * 180) / Math.PI) * 10) / 10,
    };
  };
  const block = {
    type: 'panorama',
    image: 'media/panoramas/harbour-1940.webp',
    alt: t3(
      "Panorama à 360 degrés du port de Dunkerque vu du Bastion 32 fin mai 1940 : la jetée Est avec un destroyer amarré, des navires au large, le phare du Risban, le beffroi au-dessus d'une ville endommagée et une grande colonne de fumée noire venue des réservoirs de pétrole en feu à l'ouest.",
      'A 360-degree panorama of Dunkirk harbour seen from Bastion 32 at the end of May 1940: the East Mole with a destroyer alongside, ships offshore, the Risban lighthouse, the belfry above a damaged town and a great column of black smoke from the burning oil tanks to the west.',
      'Een 360-gradenpanorama van de haven van Duinkerke gezien vanaf Bastion 32 eind mei 1940: de Oostpier met een torpedobootjager langszij, schepen voor de kust, de Risbanvuurtoren, het belfort boven een beschadigde stad en een grote zwarte rookkolom van de brandende olietanks in het westen.',
    ),
    headingDeg: heading,
    hotspots: [
      {
        id: 'east-mole',
        ...spot(mole.mid, 6),
        title: t3('La jetée Est', 'The East Mole', 'De Oostpier'),
        text: t3(
          "Un brise-lames de bois et de béton qui n'était pas prévu pour accoster. Les navires s'y amarrent pourtant pour embarquer les soldats.",
          'A breakwater of timber and concrete that was never meant for ships to berth. Ships moored along it all the same to take soldiers on board.',
          'Een golfbreker van hout en beton die niet bedoeld was om aan te meren. Toch legden schepen er aan om soldaten aan boord te nemen.',
        ),
      },
      {
        id: 'risban-lighthouse',
        ...spot(risban, 40),
        title: t3('Le phare du Risban', 'The Risban lighthouse', 'De Risbanvuurtoren'),
        text: t3(
          "Le grand phare du port, près de l'entrée du chenal. Il est toujours debout aujourd'hui.",
          'The port’s great lighthouse, near the entrance of the channel. It still stands today.',
          'De grote vuurtoren van de haven, bij de ingang van de vaargeul. Hij staat er vandaag nog.',
        ),
      },
      {
        id: 'belfry',
        ...spot(belfry, 40),
        title: t3('Le beffroi Saint-Éloi', 'The Saint-Éloi belfry', 'Het belfort van Sint-Elooi'),
        text: t3(
          'Haut de 58 mètres. En 1940, ses planchers brûlent et ses cloches tombent ; le carillon actuel date de 1962.',
          'It stands 58 metres high. In 1940 its floors burned and its bells fell; the present carillon dates from 1962.',
          'Het is 58 meter hoog. In 1940 brandden de vloeren uit en vielen de klokken; de huidige beiaard dateert van 1962.',
        ),
      },
      {
        id: 'oil-tanks-smoke',
        yawDeg: Math.round(wrap180(tanks.b + 10 - heading) * 10) / 10,
        pitchDeg: 4,
        title: t3('La fumée des réservoirs', 'Smoke from the oil tanks', 'Rook van de olietanks'),
        text: t3(
          "À l'ouest du port, des réservoirs de pétrole brûlent. Leur fumée noire s'étend sur la ville et le port.",
          'West of the port, oil storage tanks are burning. Their black smoke spreads over the town and the harbour.',
          'Ten westen van de haven branden olietanks. Hun zwarte rook trekt over de stad en de haven.',
        ),
      },
      {
        id: 'ships-offshore',
        yawDeg: Math.round(wrap180(352 - heading) * 10) / 10,
        pitchDeg: 0,
        title: t3('Les navires au large', 'Ships offshore', 'Schepen voor de kust'),
        text: t3(
          'Destroyers, paquebots, chalutiers et petits bateaux attendent leur tour pour approcher de la jetée ou des plages.',
          'Destroyers, ferries, trawlers and small boats wait their turn to come in to the Mole or the beaches.',
          'Torpedobootjagers, veerboten, treilers en kleine boten wachten op hun beurt om de pier of de stranden te naderen.',
        ),
      },
    ],
  };
  return { svg: v.svg(defs), block };
}
