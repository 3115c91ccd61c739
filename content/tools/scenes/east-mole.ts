import { seeded, TriangleSoup, type Vec3 } from './geometry';
import { ship, soldier } from './parts';
import type { SceneSpec } from './scene';

/**
 * The East Mole of Dunkirk, late May 1940, in scene metres: the root of the Mole at the origin, the Mole
 * running out to sea along -Z for 1,300 m (it was about 1,400 yards long), its narrow timber walkway on
 * concrete piles 6 m above mid-tide water, a double file of soldiers on it, a destroyer moored alongside on
 * the harbour side, a second ship waiting further out, and the black smoke of the burning oil tanks of
 * Saint-Pol-sur-Mer drifting over the harbour from the west.
 */
export const MOLE_LENGTH_M = 1300;
export const DECK_Y = 6;
const QUEUE_SPACING = 1.3;

export function eastMoleScene(): SceneSpec {
  const rnd = seeded(1940);
  const soup = (): TriangleSoup => new TriangleSoup();

  const sea = soup().grid(-3000, -3200, 3000, 400, 0, 200);
  sea
    .plane(-20000, -20000, 20000, -3200, 0)
    .plane(-20000, -3200, -3000, 400, 0)
    .plane(3000, -3200, 20000, 400, 0);
  const sand = soup().grid(100, 0, 2500, 1200, 0.6, 100);
  const quay = soup().grid(-2500, -2, 100, 1200, 1.2, 100);

  // The Mole: pairs of piles every 8 m, a timber deck 2.6 m wide, a rail on the sea side.
  const piles = soup();
  const deck = soup();
  for (let z = 0; z > -MOLE_LENGTH_M; z -= 8) {
    piles.cylinder([-1.1, -3, z], 0.35, DECK_Y - 0.2 + 3, 6);
    piles.cylinder([1.1, -3, z], 0.35, DECK_Y - 0.2 + 3, 6);
    deck.box([0, DECK_Y - 0.35, z], [3.0, 0.3, 0.4]); // cross beam
  }
  deck.box([0, DECK_Y - 0.1, -MOLE_LENGTH_M / 2], [2.6, 0.2, MOLE_LENGTH_M]);
  deck.box([1.25, DECK_Y + 0.55, -MOLE_LENGTH_M / 2], [0.08, 0.08, MOLE_LENGTH_M]);
  for (let z = 0; z > -MOLE_LENGTH_M; z -= 4) deck.box([1.25, DECK_Y + 0.28, z], [0.08, 0.56, 0.08]);
  const lamp = soup().cylinder([0, DECK_Y, -MOLE_LENGTH_M], 1.2, 8, 8, 0.8);

  // The queue: two files from the root to the destroyer; it advances by one place per loop.
  const cloth = soup();
  const skin = soup();
  const helmets = soup();
  for (let z = -4; z > -560; z -= QUEUE_SPACING) {
    for (const x of [-0.5, 0.5])
      soldier(
        cloth,
        skin,
        helmets,
        [x + (rnd() - 0.5) * 0.2, DECK_Y, z + (rnd() - 0.5) * 0.3],
        (rnd() - 0.5) * 0.3,
      );
  }
  // The crowd waiting at the root of the Mole.
  const crowdCloth = soup();
  const crowdSkin = soup();
  const crowdHelmets = soup();
  for (let i = 0; i < 220; i++) {
    const x = -40 + rnd() * 80;
    const z = 45 + rnd() * 60;
    soldier(crowdCloth, crowdSkin, crowdHelmets, [x, 1.2, z], Math.PI + (rnd() - 0.5) * 1.2);
  }

  // A destroyer alongside the harbour (west) side, bow to sea; a passenger steamer waiting further out.
  const dd = { hull: soup(), deck: soup(), house: soup(), funnel: soup() };
  ship(dd, { length: 98, beam: 10, freeboard: 5.2, draft: 3.5, funnels: 2, houseLength: 34 });
  const steamer = { hull: soup(), deck: soup(), house: soup(), funnel: soup() };
  ship(steamer, { length: 90, beam: 12, freeboard: 5.5, draft: 3.5, funnels: 1, houseLength: 40, yaw: 0.35 });

  // Quayside sheds and the town behind, with the belfry (58 m) standing above the roofs.
  const town = soup();
  for (let i = 0; i < 60; i++) {
    const x = -1800 + i * 30 + rnd() * 10;
    const h = 8 + rnd() * 14;
    town.box([x, 1.2 + h / 2, 260 + rnd() * 260], [18 + rnd() * 10, h, 14 + rnd() * 10]);
  }
  town.box([-1050, 1.2 + 29, 900], [12, 58, 12]);
  town.cylinder([-1050, 59.2, 900], 7, 8, 4, 0.3);

  // The oil tanks at Saint-Pol-sur-Mer, west of the harbour, and their smoke column leaning east.
  const tanks = soup();
  for (let i = 0; i < 6; i++)
    tanks.cylinder([-2200 + (i % 3) * 45, 1.2, 300 + Math.floor(i / 3) * 45], 18, 14, 10);
  const smoke = soup();
  for (let i = 0; i < 70; i++) {
    const k = i / 70;
    const c: Vec3 = [
      -2180 + k * 2200 + (rnd() - 0.5) * 120,
      30 + k * 260 + rnd() * 30,
      320 - k * 500 + (rnd() - 0.5) * 120,
    ];
    const r = 40 + k * 140;
    smoke.blob(c, [r, r * 0.5, r * 0.8]);
  }

  return {
    name: 'east-mole',
    waterY: 0,
    materials: [
      { name: 'sea', color: '#4d6b73', roughness: 0.35 },
      { name: 'sand', color: '#cdb891' },
      { name: 'quay', color: '#8a8580' },
      { name: 'concrete', color: '#a39e92' },
      { name: 'timber', color: '#6e5437' },
      { name: 'khaki', color: '#6b6444' },
      { name: 'skin', color: '#c99a7a' },
      { name: 'helmet', color: '#4f5236', metallic: 0.3, roughness: 0.6 },
      { name: 'hull-grey', color: '#6f777c', metallic: 0.2 },
      { name: 'deck', color: '#7d7366' },
      { name: 'house-grey', color: '#9aa1a4' },
      { name: 'funnel', color: '#2f3133' },
      { name: 'steamer-hull', color: '#2c2b2a' },
      { name: 'steamer-house', color: '#e3ddcf' },
      { name: 'buff', color: '#b39360' },
      { name: 'brick', color: '#8b5a44' },
      { name: 'tank', color: '#77736b' },
      { name: 'smoke', color: '#1d1c1b', alpha: 0.72 },
    ],
    groups: [
      { name: 'sea', pivot: [0, 0, 0], parts: { sea }, ground: true },
      { name: 'shore', pivot: [0, 0, 0], parts: { sand, quay }, ground: true },
      { name: 'mole', pivot: [0, 0, 0], parts: { concrete: piles, timber: deck, quay: lamp } },
      { name: 'queue', pivot: [0, 0, 0], parts: { khaki: cloth, skin, helmet: helmets } },
      {
        name: 'crowd',
        pivot: [0, 0, 0],
        parts: { khaki: crowdCloth, skin: crowdSkin, helmet: crowdHelmets },
      },
      {
        name: 'destroyer',
        pivot: [-8.5, 0, -600],
        parts: { 'hull-grey': dd.hull, deck: dd.deck, 'house-grey': dd.house, funnel: dd.funnel },
      },
      {
        name: 'steamer',
        pivot: [-260, 0, -1150],
        parts: {
          'steamer-hull': steamer.hull,
          deck: steamer.deck,
          'steamer-house': steamer.house,
          buff: steamer.funnel,
        },
      },
      { name: 'town', pivot: [0, 0, 0], parts: { brick: town, tank: tanks } },
      { name: 'smoke', pivot: [0, 0, 0], parts: { smoke } },
    ],
    clips: [
      // Each soldier steps into the place ahead in 2.4 s; the loop is seamless because the places repeat.
      {
        name: 'queue-advance',
        tracks: [
          {
            group: 'queue',
            times: [0, 2.4],
            translation: [
              [0, 0, 0],
              [0, 0, -QUEUE_SPACING],
            ],
          },
        ],
      },
      {
        name: 'ship-bob',
        tracks: [
          {
            group: 'destroyer',
            times: [0, 3, 6],
            translation: [
              [0, 0, 0],
              [0, 0.35, 0],
              [0, 0, 0],
            ],
            rotation: [
              [0, 0, -0.012],
              [0.004, 0, 0.014],
              [0, 0, -0.012],
            ],
          },
          {
            group: 'steamer',
            times: [0, 3.5, 7],
            translation: [
              [0, 0, 0],
              [0, 0.5, 0],
              [0, 0, 0],
            ],
            rotation: [
              [0.005, 0, 0.018],
              [-0.004, 0, -0.015],
              [0.005, 0, 0.018],
            ],
          },
        ],
      },
      {
        name: 'smoke-drift',
        tracks: [
          {
            group: 'smoke',
            times: [0, 10, 20],
            translation: [
              [0, 0, 0],
              [60, 12, -30],
              [0, 0, 0],
            ],
            scale: [
              [1, 1, 1],
              [1.04, 1.08, 1.04],
              [1, 1, 1],
            ],
          },
        ],
      },
    ],
  };
}
