import type { Vec3 } from './geometry';
import { t3, type Text3 } from '../lib/i18n';

export interface SceneBlockInput {
  slug: string;
  alt: Text3;
  durationS: number;
  camera: { atS: number; position: Vec3; target: Vec3 }[];
  clips: { atS: number; name: string; loop?: boolean }[];
  sounds: { atS: number; sound: string; position?: Vec3 }[];
  subtitles: [startS: number, endS: number, text: Text3][];
  /** Camera key frames (by index) drawn as the reduced-motion stills, with their alt text. */
  stills: { camera: number; alt: Text3 }[];
}

/** The reenactment block (FORMAT.md `type Block`, reenactment) in source form: asset ids are paths in the tour. */
export function reenactmentBlock(b: SceneBlockInput): object {
  return {
    type: 'reenactment',
    model: `media/scenes/${b.slug}.glb`,
    alt: b.alt,
    timeline: {
      durationS: b.durationS,
      camera: b.camera,
      clips: b.clips,
      sounds: b.sounds.map((s) => ({
        atS: s.atS,
        audio: `media/sounds/${s.sound}.opus`,
        ...(s.position ? { position: s.position } : {}),
      })),
      subtitles: b.subtitles.map(([startS, endS, text]) => ({ startS, endS, text })),
    },
    stills: b.stills.map((s, i) => ({
      atS: (b.camera[s.camera] as { atS: number }).atS,
      image: `media/scenes/${b.slug}-still-${i + 1}.webp`,
      alt: s.alt,
    })),
  };
}

export const EAST_MOLE: SceneBlockInput = {
  slug: 'east-mole',
  alt: t3(
    'Reconstitution 3D simplifiée de la jetée Est de Dunkerque en mai 1940 : une longue passerelle de bois sur pieux avance dans la mer, deux files de soldats y attendent, un destroyer est amarré le long de la jetée et une fumée noire couvre le port.',
    'Simplified 3D reconstruction of the East Mole at Dunkirk in May 1940: a long timber walkway on piles runs out to sea, two files of soldiers wait on it, a destroyer is moored alongside and black smoke hangs over the harbour.',
    'Vereenvoudigde 3D-reconstructie van de Oostpier van Duinkerke in mei 1940: een lange houten loopbrug op palen steekt in zee, twee rijen soldaten wachten erop, een torpedobootjager ligt langszij en zwarte rook hangt boven de haven.',
  ),
  durationS: 75,
  camera: [
    { atS: 0, position: [70, 38, 140], target: [0, 6, -500] },
    { atS: 20, position: [24, 16, -300], target: [-6, 7, -600] },
    { atS: 40, position: [-60, 22, -520], target: [-8, 6, -610] },
    { atS: 58, position: [-420, 40, -1200], target: [-300, 20, 0] },
    { atS: 75, position: [-520, 70, -1500], target: [-600, 60, 300] },
  ],
  clips: [
    { atS: 0, name: 'queue-advance', loop: true },
    { atS: 0, name: 'ship-bob', loop: true },
    { atS: 0, name: 'smoke-drift', loop: true },
  ],
  sounds: [
    { atS: 0, sound: 'waves', position: [0, 0, -300] },
    { atS: 24, sound: 'ship-horn', position: [-8.5, 12, -600] },
    { atS: 47, sound: 'aircraft', position: [-200, 600, -400] },
    { atS: 60, sound: 'waves', position: [-300, 0, -1100] },
  ],
  subtitles: [
    [
      1,
      8,
      t3(
        'Dunkerque, fin mai 1940. Le port est bombardé et ses quais sont en grande partie détruits.',
        'Dunkirk, late May 1940. The port is under bombing and most of its quays are wrecked.',
        'Duinkerke, eind mei 1940. De haven wordt gebombardeerd en de meeste kaden zijn verwoest.',
      ),
    ],
    [
      9,
      18,
      t3(
        "La jetée Est : un brise-lames de plus d'un kilomètre, une passerelle de bois posée sur des pieux de béton.",
        'The East Mole: a breakwater over a kilometre long, a timber walkway laid on concrete piles.',
        'De Oostpier: een golfbreker van meer dan een kilometer, een houten loopbrug op betonnen palen.',
      ),
    ],
    [
      19,
      30,
      t3(
        "Elle n'a pas été construite pour accueillir des navires. Le capitaine William Tennant décide pourtant d'y faire embarquer les troupes.",
        'It was never built for ships to berth. Captain William Tennant nevertheless decided to embark troops from it.',
        'Hij was niet gebouwd om schepen te laten aanmeren. Toch besloot kapitein William Tennant er troepen te laten inschepen.',
      ),
    ],
    [
      31,
      42,
      t3(
        'Soldats britanniques et français attendent en file, parfois pendant des heures, sous les attaques aériennes.',
        'British and French soldiers wait in line, sometimes for hours, under air attack.',
        'Britse en Franse soldaten wachten in de rij, soms urenlang, onder luchtaanvallen.',
      ),
    ],
    [
      43,
      54,
      t3(
        'Destroyers et navires de passagers accostent le long de la jetée. La marée les fait monter et descendre de plusieurs mètres.',
        'Destroyers and passenger ships come alongside the Mole. The tide lifts and lowers them by several metres.',
        'Torpedobootjagers en passagiersschepen meren langs de pier aan. Het tij tilt ze meters op en neer.',
      ),
    ],
    [
      55,
      65,
      t3(
        "La fumée noire des réservoirs de pétrole en feu, à l'ouest du port, s'étend sur la ville.",
        'Black smoke from the burning oil tanks west of the port spreads over the town.',
        'Zwarte rook van de brandende olietanks ten westen van de haven trekt over de stad.',
      ),
    ],
    [
      66,
      75,
      t3(
        "Selon la plupart des récits, près de 200 000 hommes embarquent depuis la jetée. Les chiffres varient d'une source à l'autre.",
        'By most accounts, nearly 200,000 men embarked from the Mole. Figures vary between sources.',
        'Volgens de meeste verslagen gingen bijna 200.000 man vanaf de pier aan boord. De cijfers verschillen per bron.',
      ),
    ],
  ],
  stills: [
    {
      camera: 0,
      alt: t3(
        "Vue depuis la racine de la jetée Est : des soldats attendent sur le quai, la jetée s'étire vers le large.",
        'View from the root of the East Mole: soldiers wait on the quay, the Mole stretches out to sea.',
        'Zicht vanaf het begin van de Oostpier: soldaten wachten op de kade, de pier strekt zich uit naar zee.',
      ),
    },
    {
      camera: 2,
      alt: t3(
        'Le destroyer amarré le long de la jetée, où la file de soldats arrive.',
        'The destroyer moored alongside the Mole, where the line of soldiers arrives.',
        'De torpedobootjager langszij de pier, waar de rij soldaten aankomt.',
      ),
    },
    {
      camera: 3,
      alt: t3(
        'Depuis la mer : la jetée, le port et la fumée noire au-dessus de la ville.',
        'From the sea: the Mole, the port and black smoke above the town.',
        'Vanaf zee: de pier, de haven en zwarte rook boven de stad.',
      ),
    },
  ],
};

export const LITTLE_SHIP_BEACH: SceneBlockInput = {
  slug: 'little-ship-beach',
  alt: t3(
    "Reconstitution 3D simplifiée de la plage de Bray-Dunes en mai 1940 : trois files de soldats entrent dans la mer vers un petit bateau à moteur qui fait la navette avec un navire au large ; à droite, une jetée faite de camions alignés dans l'eau.",
    'Simplified 3D reconstruction of the beach at Bray-Dunes in May 1940: three lines of soldiers wade into the sea towards a small motor boat that shuttles to a ship offshore; on the right, a jetty made of lorries lined up in the water.',
    'Vereenvoudigde 3D-reconstructie van het strand van Bray-Dunes in mei 1940: drie rijen soldaten waden de zee in naar een kleine motorboot die heen en weer vaart naar een schip voor de kust; rechts een steiger van vrachtwagens op een rij in het water.',
  ),
  durationS: 80,
  camera: [
    { atS: 0, position: [-60, 14, 110], target: [20, 0, -200] },
    { atS: 20, position: [25, 4, -110], target: [-10, 1, 20] },
    { atS: 40, position: [180, 8, -30], target: [140, 2, -40] },
    { atS: 60, position: [250, 30, -420], target: [0, 0, -60] },
    { atS: 80, position: [-200, 60, -900], target: [0, 0, 0] },
  ],
  clips: [
    { atS: 0, name: 'wade-out', loop: true },
    { atS: 0, name: 'boat-shuttle', loop: true },
    { atS: 0, name: 'ship-bob', loop: true },
  ],
  sounds: [
    { atS: 0, sound: 'waves', position: [0, 0, -10] },
    { atS: 8, sound: 'outboard', position: [0, 1, -82] },
    { atS: 36, sound: 'aircraft', position: [100, 500, -200] },
    { atS: 52, sound: 'waves', position: [140, 0, -40] },
  ],
  subtitles: [
    [
      1,
      10,
      t3(
        'Bray-Dunes, fin mai 1940. La plage descend si doucement que les grands navires doivent rester au large.',
        'Bray-Dunes, late May 1940. The beach shelves so gently that large ships must stay offshore.',
        'Bray-Dunes, eind mei 1940. Het strand loopt zo flauw af dat grote schepen ver uit de kust moeten blijven.',
      ),
    ],
    [
      11,
      21,
      t3(
        "Les soldats forment des files et entrent dans l'eau, parfois jusqu'aux épaules.",
        'Soldiers form lines and wade out, sometimes up to their shoulders.',
        'Soldaten vormen rijen en waden het water in, soms tot aan hun schouders.',
      ),
    ],
    [
      22,
      32,
      t3(
        'De petits bateaux font la navette entre la plage et les navires.',
        'Small boats shuttle between the beach and the ships.',
        'Kleine boten varen heen en weer tussen het strand en de schepen.',
      ),
    ],
    [
      33,
      43,
      t3(
        "Beaucoup sont des bateaux civils venus d'Angleterre, les « Little Ships ».",
        "Many are civilian boats from England, the 'Little Ships'.",
        "Veel ervan zijn burgerboten uit Engeland, de 'Little Ships'.",
      ),
    ],
    [
      44,
      56,
      t3(
        'À marée basse, des soldats alignent des camions dans la mer et posent des planches dessus pour en faire des jetées.',
        'At low tide, soldiers line up lorries in the sea and lay planks on them to make jetties.',
        'Bij eb zetten soldaten vrachtwagens op een rij in zee en leggen er planken op om steigers te maken.',
      ),
    ],
    [
      57,
      67,
      t3(
        'Les avions allemands bombardent et mitraillent les plages.',
        'German aircraft bomb and strafe the beaches.',
        'Duitse vliegtuigen bombarderen en beschieten de stranden.',
      ),
    ],
    [
      68,
      79,
      t3(
        "L'opération Dynamo prend fin le 4 juin 1940.",
        'Operation Dynamo ends on 4 June 1940.',
        'Operatie Dynamo eindigt op 4 juni 1940.',
      ),
    ],
  ],
  stills: [
    {
      camera: 0,
      alt: t3(
        'Sur la plage, des soldats attendent ; trois files entrent dans la mer vers un petit bateau.',
        'On the beach, soldiers wait; three lines wade into the sea towards a small boat.',
        'Op het strand wachten soldaten; drie rijen waden de zee in naar een kleine boot.',
      ),
    },
    {
      camera: 2,
      alt: t3(
        "La jetée de camions alignés dans l'eau, couverte de planches.",
        'The jetty of lorries lined up in the water, decked with planks.',
        'De steiger van vrachtwagens op een rij in het water, bedekt met planken.',
      ),
    },
    {
      camera: 3,
      alt: t3(
        'Depuis la mer : le navire au large, le bateau à moteur et les files de soldats.',
        'From the sea: the ship offshore, the motor boat and the lines of soldiers.',
        'Vanaf zee: het schip voor de kust, de motorboot en de rijen soldaten.',
      ),
    },
  ],
};
