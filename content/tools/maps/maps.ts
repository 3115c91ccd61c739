import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LngLat } from '../lib/geo';
import { tourDir, writeGenerated, type Written } from '../lib/output';
import { svgToWebp } from '../lib/raster';
import { PLACES, stopPosition } from '../lib/places';
import { molePoints } from '../panoramas/harbour-1940';
import { MapCanvas } from './canvas';

const SEA = '#b9d3e0';
const LAND = '#efe9da';
const SAND = '#ecd9a8';

/**
 * The coast from Gravelines to beyond Nieuwpoort, simplified by hand: river mouths and towns' beaches from
 * gazetteer coordinates, and between Malo and the border the beach stops of the tours (checked by the writers).
 */
function coast(): LngLat[] {
  const s = (id: string): LngLat => stopPosition('beaches-rearguard', id);
  return [
    [1.98, 50.99],
    [2.06, 50.998],
    [2.128, 51.006], // Aa mouth, Gravelines
    [2.2, 51.021],
    [2.27, 51.034],
    [2.33, 51.045],
    molePoints().root,
    stopPosition('dunkirk-port-mole', 'malo-les-bains'),
    s('malo-terminus'),
    s('batterie-zuydcoote'),
    s('zuydcoote-hopital'),
    s('devonia'),
    [2.546, 51.0895], // French–Belgian border on the beach
    [2.5917, 51.1045], // De Panne
    [2.64, 51.121],
    [2.7, 51.142],
    [2.735, 51.152], // Yser mouth, Nieuwpoort
    [2.8, 51.175],
    [2.9, 51.21],
  ];
}

/** The border, roughly, from the beach south towards Hondschoote (the map's scale shows no more than that). */
const BORDER: LngLat[] = [
  [2.546, 51.0895],
  [2.556, 51.06],
  [2.575, 51.03],
  [2.603, 51.0],
  [2.62, 50.96],
  [2.635, 50.9],
];

/**
 * The perimeter of about 28–29 May 1940, simplified: the French held the west from Gravelines by Spycker; the
 * main line ran along the canals by Bergues and the Bergues–Furnes canal to Veurne, then to Nieuwpoort. It
 * shrank towards Dunkirk until 4 June.
 */
const PERIMETER: LngLat[] = [
  [2.128, 51.0],
  PLACES.gravelines,
  [2.22, 50.975],
  PLACES.spycker,
  PLACES.bergues,
  [2.5, 50.99],
  [2.56, 51.022],
  [2.62, 51.05],
  PLACES.veurne,
  [2.71, 51.1],
  PLACES.nieuwpoort,
  [2.735, 51.152],
];

export function perimeterMapSvg(): string {
  const m = new MapCanvas(1600, [2.0, 50.9, 2.85, 51.2]);
  const c = coast();
  m.landBelow(c, LAND);
  m.line(BORDER, '#7a7a7a', 3, '10 6 2 6');
  // the embarkation beaches, Malo to De Panne
  m.line(c.slice(7, 14), SAND, 12);
  m.line(PERIMETER, '#b3261e', 5, '14 8');
  const mole = molePoints();
  m.line([mole.root, mole.end], '#5a3d22', 5);
  m.place(PLACES.gravelines, 'Gravelines', { dy: 24 });
  m.place(PLACES.dunkirk, 'Dunkerque · Dunkirk · Duinkerke', {
    dx: -12,
    dy: 28,
    anchor: 'middle',
    bold: true,
  });
  m.place(mole.end, 'Jetée Est · East Mole · Oostpier', {
    dx: -12,
    dy: -12,
    anchor: 'end',
    dot: '',
    size: 18,
  });
  m.place(PLACES.maloLesBains, 'Malo-les-Bains', { dx: 6, dy: 30, size: 18 });
  m.place(PLACES.zuydcoote, 'Zuydcoote', { dx: 4, dy: 26, size: 18 });
  m.place(PLACES.brayDunes, 'Bray-Dunes', { dx: 8, dy: 24, size: 18 });
  m.place(PLACES.dePanne, 'De Panne (La Panne)', { dx: 8, dy: 24, size: 18 });
  m.place(PLACES.veurne, 'Veurne (Furnes)');
  m.place(PLACES.nieuwpoort, 'Nieuwpoort (Nieuport)', { dx: -10, dy: 26, anchor: 'end' });
  m.place(PLACES.bergues, 'Bergues', { dy: 26 });
  m.place(PLACES.spycker, 'Spycker', { dy: -12, size: 17 });
  m.text(m.x([2.42, 50.93]), m.y([2.42, 50.93]), 'FRANCE', {
    size: 26,
    bold: true,
    fill: '#555',
    anchor: 'middle',
  });
  m.text(m.x([2.7, 50.95]), m.y([2.7, 50.95]), 'BELGIQUE · BELGIË', {
    size: 22,
    bold: true,
    fill: '#555',
    anchor: 'middle',
  });
  m.text(m.x([2.3, 51.15]), m.y([2.3, 51.15]), 'Mer du Nord · North Sea · Noordzee', {
    size: 24,
    italic: true,
    fill: '#35627a',
    anchor: 'middle',
  });
  // legend and title
  m.text(
    40,
    50,
    'Dunkerque, 26 mai – 4 juin 1940 · Dunkirk, 26 May – 4 June 1940 · Duinkerke, 26 mei – 4 juni 1940',
    { size: 24, bold: true },
  );
  const lx = 40;
  const ly = m.height - 150;
  m.parts.push(
    `<rect x="${lx - 14}" y="${ly - 34}" width="700" height="150" fill="#ffffff" fill-opacity="0.82" stroke="#999"/>`,
  );
  m.parts.push(`<path d="M${lx} ${ly}h60" stroke="#b3261e" stroke-width="5" stroke-dasharray="14 8"/>`);
  m.text(lx + 74, ly + 6, 'Périmètre vers le 28–29 mai (tracé simplifié)', { size: 17 });
  m.text(lx + 74, ly + 28, 'Perimeter around 28–29 May (simplified) · Bruggenhoofd rond 28–29 mei', {
    size: 15,
    fill: '#444',
  });
  m.parts.push(`<path d="M${lx} ${ly + 56}h60" stroke="${SAND}" stroke-width="12"/>`);
  m.text(lx + 74, ly + 62, "Plages d'embarquement · Embarkation beaches · Inschepingsstranden", { size: 16 });
  m.parts.push(
    `<path d="M${lx} ${ly + 92}h60" stroke="#7a7a7a" stroke-width="3" stroke-dasharray="10 6 2 6"/>`,
  );
  m.text(lx + 74, ly + 98, 'Frontière · Border · Grens', { size: 16 });
  m.northArrow(m.width - 70, 120);
  m.scaleBar(m.width - 420, m.height - 50, 10);
  m.text(
    m.width - 20,
    m.height - 14,
    'Côte simplifiée à la main · coast simplified by hand · Dunkirk toolkit, CC BY 4.0',
    { size: 13, anchor: 'end', fill: '#555' },
  );
  return m.svg(SEA);
}

/** A stop's French title, from its source file, for the map's labels. */
function stopTitle(tour: string, id: string, fallback: string): string {
  const file = join(tourDir(tour), 'stops', `${id}.json`);
  if (!existsSync(file)) return fallback;
  const title = (JSON.parse(readFileSync(file, 'utf8')) as { title?: { fr?: string } }).title?.fr;
  return title ?? fallback;
}

/** The stops of the beaches tour in walking order, as listed in its tour.json. */
function beachStops(): string[] {
  const file = join(tourDir('beaches-rearguard'), 'tour.json');
  const listed = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { stops?: unknown }).stops
    : undefined;
  return Array.isArray(listed) && listed.every((s) => typeof s === 'string')
    ? (listed as string[])
    : [
        'malo-terminus',
        'batterie-zuydcoote',
        'fort-des-dunes',
        'necropole-zuydcoote',
        'zuydcoote-hopital',
        'crested-eagle',
        'devonia',
        'bray-dunes-digue',
      ];
}

export function beachesMapSvg(): string {
  const m = new MapCanvas(1600, [2.37, 51.018, 2.6, 51.1]);
  const c = coast();
  m.landBelow(c, LAND);
  // beach at low tide: the same line, about 300 m out to sea (the wrecks lie on it)
  m.line(c, SAND, 300 * m.pxPerM * 2);
  m.landBelow(c, LAND);
  m.line(c, '#c9a86a', 3);
  m.line(BORDER, '#7a7a7a', 3, '10 6 2 6');
  m.place(PLACES.maloLesBains, 'Malo-les-Bains', { dx: 10, dy: 30, bold: true, dot: '#555' });
  m.place(PLACES.leffrinckoucke, 'Leffrinckoucke', { dy: 28, bold: true, dot: '#555' });
  m.place(PLACES.zuydcoote, 'Zuydcoote', { dx: 10, dy: 30, bold: true, dot: '#555' });
  m.place(PLACES.brayDunes, 'Bray-Dunes', { dx: 10, dy: 30, bold: true, dot: '#555' });
  const names: Record<string, string> = {
    'malo-terminus': 'Malo-Terminus',
    'batterie-zuydcoote': 'Batterie de Zuydcoote',
    'fort-des-dunes': 'Fort des Dunes',
    'necropole-zuydcoote': 'Nécropole de Zuydcoote',
    'zuydcoote-hopital': 'Hôpital maritime (sanatorium)',
    'crested-eagle': 'Épave du Crested Eagle',
    devonia: 'Épave du Devonia',
    'bray-dunes-digue': 'Digue de Bray-Dunes',
  };
  const stops = beachStops();
  const legend: string[] = [];
  for (const [i, id] of stops.entries()) {
    let p: LngLat;
    try {
      p = stopPosition('beaches-rearguard', id);
    } catch {
      continue;
    }
    const x = m.x(p);
    const y = m.y(p);
    m.parts.push(
      `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="14" fill="#b3261e" stroke="#fff" stroke-width="2"/>` +
        `<text x="${x.toFixed(1)}" y="${(y + 6).toFixed(1)}" font-family="DejaVu Sans, sans-serif" font-size="16" font-weight="bold" text-anchor="middle" fill="#fff">${i + 1}</text>`,
    );
    legend.push(`${i + 1}  ${stopTitle('beaches-rearguard', id, names[id] ?? id)}`);
  }
  // the stops' names in a numbered list on the land, where they cannot collide with each other
  const lx = m.width - 640;
  const ly = m.height - 150 - legend.length * 26;
  m.parts.push(
    `<rect x="${lx - 16}" y="${ly - 30}" width="620" height="${legend.length * 26 + 20}" fill="#ffffff" fill-opacity="0.85" stroke="#999"/>`,
  );
  for (const [i, line] of legend.entries()) m.text(lx, ly + i * 26, line, { size: 17 });
  m.text(m.x([2.47, 51.092]), m.y([2.47, 51.092]), 'Mer du Nord · North Sea · Noordzee', {
    size: 24,
    italic: true,
    fill: '#35627a',
    anchor: 'middle',
  });
  m.text(m.x([2.54, 51.075]), m.y([2.54, 51.075]), 'FRANCE', {
    size: 20,
    bold: true,
    fill: '#666',
    anchor: 'end',
  });
  m.text(m.x([2.57, 51.075]), m.y([2.57, 51.075]), 'BELGIË', { size: 20, bold: true, fill: '#666' });
  m.text(
    40,
    50,
    'Les plages, de Malo à Bray-Dunes · The beaches, Malo to Bray-Dunes · De stranden, van Malo tot Bray-Dunes',
    { size: 22, bold: true },
  );
  m.text(
    40,
    m.height - 40,
    'Bande sableuse : estran à marée basse · Sand band: beach at low tide · Zandstrook: strand bij eb',
    { size: 16, fill: '#444' },
  );
  m.northArrow(m.width - 70, 120);
  m.scaleBar(m.width - 380, m.height - 50, 2);
  m.text(m.width - 20, m.height - 14, 'Côte simplifiée · coast simplified · Dunkirk toolkit, CC BY 4.0', {
    size: 13,
    anchor: 'end',
    fill: '#555',
  });
  return m.svg(SEA);
}

/** Writes a map as 1600-px-wide WebP. */
export async function writeMap(tourDir: string, name: string, svg: string): Promise<Written> {
  return writeGenerated(
    join(tourDir, 'media', 'images', `${name}.webp`),
    await svgToWebp(svg, { quality: 85 }),
  );
}
