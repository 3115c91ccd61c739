import { seeded, TriangleSoup, type Vec3 } from './geometry';
import { ship, soldier } from './parts';
import type { SceneSpec } from './scene';

/**
 * The beach at Bray-Dunes, end of May 1940, in scene metres: +X east along the shore, -Z out to sea, the
 * waterline at z = 0. Three lines of soldiers wade out to a small motor boat that shuttles them to a ship
 * lying offshore, because the beach shelves so gently that larger ships could not come close; to the east a
 * jetty of army lorries driven into the sea at low water and decked with planks.
 */
const LINE_SPACING = 1.2;
/** Height of the dry beach: it rises 2.5 m over 150 m to the dunes. */
const beachY = (z: number): number => (z >= 0 ? (z / 150) * 2.5 : z * 0.02);

export function littleShipBeachScene(): SceneSpec {
  const rnd = seeded(1944);
  const soup = (): TriangleSoup => new TriangleSoup();

  const sea = soup().grid(-3000, -3200, 3000, 0, 0, 200);
  sea
    .plane(-20000, -20000, 20000, -3200, 0)
    .plane(-20000, -3200, -3000, 0, 0)
    .plane(3000, -3200, 20000, 0, 0);
  const sand = soup();
  for (let x = -1500; x < 1500; x += 100) {
    for (let z = 0; z < 150; z += 50) {
      sand.quad(
        [x, beachY(z + 50), z + 50],
        [x + 100, beachY(z + 50), z + 50],
        [x + 100, beachY(z), z],
        [x, beachY(z), z],
      );
    }
  }
  sand.grid(-1500, 150, 1500, 600, 2.5, 150);
  const dunes = soup();
  const marram = soup();
  for (let i = 0; i < 90; i++) {
    const c: Vec3 = [-1500 + i * 34 + rnd() * 20, 2.5, 175 + rnd() * 60];
    dunes.blob(c, [18 + rnd() * 14, 5 + rnd() * 5, 12 + rnd() * 8]);
    marram.blob([c[0] + (rnd() - 0.5) * 10, c[1] + 4, c[2] + (rnd() - 0.5) * 6], [5, 2.5, 4]);
  }

  // Three lines wading out, and men waiting higher up the beach.
  const cloth = soup();
  const skin = soup();
  const helmets = soup();
  for (const lineX of [-30, 0, 30]) {
    for (let z = 40; z > -72; z -= LINE_SPACING) {
      soldier(
        cloth,
        skin,
        helmets,
        [lineX + (rnd() - 0.5) * 0.6, beachY(z), z + (rnd() - 0.5) * 0.3],
        (rnd() - 0.5) * 0.4,
      );
    }
  }
  const waitCloth = soup();
  const waitSkin = soup();
  const waitHelmets = soup();
  for (let i = 0; i < 180; i++) {
    const x = -120 + rnd() * 240;
    const z = 50 + rnd() * 80;
    soldier(waitCloth, waitSkin, waitHelmets, [x, beachY(z), z], Math.PI + (rnd() - 0.5) * 1.5);
  }

  // The lorry jetty: twelve lorries nose to tail, a plank walkway on their roofs.
  const lorries = soup();
  const planks = soup();
  for (let i = 0; i < 12; i++) {
    const z = 10 - i * 7;
    const y = beachY(z);
    lorries.box([140, y + 1.4, z], [2.3, 2.2, 6.2]);
    lorries.box([140, y + 1.2, z - 3.6], [2.2, 1.8, 1.2]);
    planks.box([140, y + 2.6, z - 0.5], [2.0, 0.15, 7.2]);
  }

  const boat = { hull: soup(), deck: soup(), house: soup(), funnel: soup() };
  ship(boat, { length: 12, beam: 3.4, freeboard: 1.1, draft: 0.9, funnels: 0, houseLength: 3.5 });
  const big = { hull: soup(), deck: soup(), house: soup(), funnel: soup() };
  ship(big, { length: 75, beam: 9, freeboard: 4.5, draft: 3, funnels: 1, houseLength: 26, yaw: Math.PI / 2 });

  return {
    name: 'little-ship-beach',
    waterY: 0,
    materials: [
      { name: 'sea', color: '#55727a', roughness: 0.35 },
      { name: 'sand', color: '#d8c49c' },
      { name: 'dune', color: '#cdb88c' },
      { name: 'marram', color: '#8e9a63' },
      { name: 'khaki', color: '#6b6444' },
      { name: 'skin', color: '#c99a7a' },
      { name: 'helmet', color: '#4f5236', metallic: 0.3, roughness: 0.6 },
      { name: 'lorry', color: '#4e5a3c' },
      { name: 'plank', color: '#7a5f40' },
      { name: 'boat-hull', color: '#e8e2d2' },
      { name: 'boat-deck', color: '#8b6a45' },
      { name: 'hull-grey', color: '#6f777c', metallic: 0.2 },
      { name: 'house-grey', color: '#9aa1a4' },
      { name: 'funnel', color: '#2f3133' },
    ],
    groups: [
      { name: 'sea', pivot: [0, 0, 0], parts: { sea }, ground: true },
      { name: 'beach', pivot: [0, 0, 0], parts: { sand }, ground: true },
      { name: 'dunes', pivot: [0, 0, 0], parts: { dune: dunes, marram } },
      { name: 'wading-lines', pivot: [0, 0, 0], parts: { khaki: cloth, skin, helmet: helmets } },
      { name: 'waiting', pivot: [0, 0, 0], parts: { khaki: waitCloth, skin: waitSkin, helmet: waitHelmets } },
      { name: 'lorry-jetty', pivot: [0, 0, 0], parts: { lorry: lorries, plank: planks } },
      {
        name: 'motor-boat',
        pivot: [0, 0, -82],
        parts: { 'boat-hull': boat.hull, 'boat-deck': boat.deck, 'house-grey': boat.house },
      },
      {
        name: 'ship',
        pivot: [60, 0, -650],
        parts: { 'hull-grey': big.hull, 'boat-deck': big.deck, 'house-grey': big.house, funnel: big.funnel },
      },
    ],
    clips: [
      {
        name: 'wade-out',
        tracks: [
          {
            group: 'wading-lines',
            times: [0, 2.5],
            translation: [
              [0, 0, 0],
              [0, 0, -LINE_SPACING],
            ],
          },
        ],
      },
      {
        name: 'boat-shuttle',
        tracks: [
          {
            group: 'motor-boat',
            times: [0, 6, 24, 30, 48],
            translation: [
              [0, 0, 0],
              [0, 0, 0],
              [50, 0, -540],
              [50, 0, -540],
              [0, 0, 0],
            ],
            rotation: [
              [0, 0, 0],
              [0, 0, 0],
              [0, 0.09, 0],
              [0, Math.PI, 0],
              [0, Math.PI, 0],
            ],
          },
        ],
      },
      {
        name: 'ship-bob',
        tracks: [
          {
            group: 'ship',
            times: [0, 3.5, 7],
            translation: [
              [0, 0, 0],
              [0, 0.4, 0],
              [0, 0, 0],
            ],
            rotation: [
              [0.012, 0, 0],
              [-0.012, 0, 0],
              [0.012, 0, 0],
            ],
          },
        ],
      },
    ],
  };
}
