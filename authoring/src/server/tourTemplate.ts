import type { LngLat, Locale, Text } from '@dunkirk/content';

/** Dunkirk belfry: where a new tour's map opens when no centre is given. */
export const DEFAULT_CENTRE: LngLat = [2.3761, 51.0356];

export interface NewTour {
  id: string;
  title: Text;
  locales?: Locale[];
  centre?: LngLat;
}

/**
 * `tour.json` of a new tour: one narrator, a family and an adult scenario, no stops and no route yet
 * (the validation report says so until the curator places them).
 */
export function newTourFile(t: NewTour): Record<string, unknown> {
  const [lon, lat] = t.centre ?? DEFAULT_CENTRE;
  const round = (n: number): number => Math.round(n * 1e5) / 1e5;
  return {
    formatVersion: 1,
    id: t.id,
    version: '0.1.0',
    locales: t.locales ?? ['fr', 'en', 'nl'],
    title: t.title,
    description: { ...t.title },
    durationMin: 30,
    distanceM: 0,
    characters: [
      {
        id: 'guide',
        name: 'Guide',
        role: { fr: 'guide du patrimoine', en: 'heritage guide', nl: 'erfgoedgids' },
        description: {
          fr: 'Une voix neutre qui présente les lieux.',
          en: 'A neutral voice that introduces the places.',
          nl: 'Een neutrale stem die de plekken voorstelt.',
        },
      },
    ],
    scenarios: [
      {
        id: 'family',
        audience: 'family',
        character: 'guide',
        title: { fr: 'En famille', en: 'For families', nl: 'Voor gezinnen' },
        description: { fr: 'Parcours en famille.', en: 'Family tour.', nl: 'Tour voor gezinnen.' },
      },
      {
        id: 'adult',
        audience: 'adult',
        character: 'guide',
        title: { fr: 'Visite adulte', en: 'Adult visit', nl: 'Bezoek voor volwassenen' },
        description: { fr: 'Parcours adulte.', en: 'Adult tour.', nl: 'Tour voor volwassenen.' },
      },
    ],
    stops: [],
    route: 'route.geojson',
    map: { bounds: [round(lon - 0.01), round(lat - 0.006), round(lon + 0.01), round(lat + 0.006)] },
    assets: [],
  };
}

export function newRouteFile(): Record<string, unknown> {
  return { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [] } };
}

export function newStopFile(id: string, title: Text, position: LngLat): Record<string, unknown> {
  return {
    id,
    title,
    position,
    trigger: { radiusM: 30, dwellS: 3, minAccuracyM: 30 },
    positionSource: 'placed on the map in the authoring tool; to be checked',
    scenarios: { family: [], adult: [] },
  };
}
