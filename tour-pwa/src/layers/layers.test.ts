import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeLayers, formatClock } from '@dunkirk/content';
import { planJourney, stopsNear, walkLeg, WALK_M_PER_MIN } from './journey';
import {
  categoryCounts,
  createLayersView,
  pointCard,
  pointsGeoJson,
  timetableStopOf,
  visiblePoints,
} from './layersView';
import { categoryLabel, formatDistance, layersMessages, licenceName, msg } from './messages';

const doc = decodeLayers(
  readFileSync(
    fileURLToPath(new URL('../../../content/tours/dunkirk-port-mole/layers/layers.json', import.meta.url)),
  ),
);
const tt = doc.timetable!;
const stopId = (i: number): string => tt.stops[i]!.id;
const PLACE_JEAN_BART: [number, number] = [2.3775, 51.03472];
const MALO_BEACH: [number, number] = [2.40557, 51.05226];
const TUESDAY_0850 = { date: 20260526, minute: 530 };

describe('layers view (framework-free state)', () => {
  it('shows heritage and museums by default and toggles a category', () => {
    const view = createLayersView();
    const before = visiblePoints(doc, view.get()).map((p) => p.point.category);
    expect(new Set(before)).toEqual(new Set(['heritage', 'museum']));
    view.toggle('transport');
    const after = visiblePoints(doc, view.get()).filter((p) => p.point.category === 'transport');
    expect(after.map((p) => p.point.sourceId)).toEqual(['JBART', 'BEFFROI', 'LEUGH', 'BAST32', 'MALO']);
    view.toggle('transport', false);
    expect(visiblePoints(doc, view.get()).some((p) => p.point.category === 'transport')).toBe(false);
  });

  it('lists the nearest point first when the position is known', () => {
    const view = createLayersView();
    const listed = visiblePoints(doc, view.get(), PLACE_JEAN_BART);
    expect(listed[0]?.point.id).toBe('poi-statue-jean-bart');
    expect(listed.map((p) => p.distanceM)).toEqual(
      [...listed.map((p) => p.distanceM)].sort((a, b) => a! - b!),
    );
  });

  it('counts points per category, leaving out empty ones', () => {
    expect(categoryCounts(doc)).toEqual([
      { category: 'heritage', count: 4 },
      { category: 'museum', count: 1 },
      { category: 'food', count: 1 },
      { category: 'services', count: 1 },
      { category: 'transport', count: 5 },
    ]);
  });

  it('gives the map only the visible points, with their colour', () => {
    const view = createLayersView({ visible: { ...createLayersView().get().visible, heritage: false } });
    const fc = pointsGeoJson(doc, view.get(), (p) => p.name.en ?? '');
    expect(fc.features.map((f) => f.id)).toEqual(['poi-musee-dunkerque-1940']);
    expect(fc.features[0]?.properties).toMatchObject({ category: 'museum', colour: '#6a1b9a' });
  });
});

describe('point card', () => {
  it('carries the source, licence and attribution of the point', () => {
    const statue = doc.points.find((p) => p.id === 'poi-statue-jean-bart')!;
    const card = pointCard(doc, statue, TUESDAY_0850, MALO_BEACH);
    expect(card.source).toMatchObject({ licence: 'Licence-Ouverte-2.0', sample: true });
    expect(card.walk!.distanceM).toBeGreaterThan(2500);
    expect(card.walk!.minutes).toBe(Math.ceil(card.walk!.distanceM / WALK_M_PER_MIN));
    expect(card.openNow).toBeUndefined();
  });

  it('knows which timetable stop a transport point is', () => {
    const stop = doc.points.find((p) => p.sourceId === 'MALO')!;
    expect(stopId(timetableStopOf(doc, stop)!)).toBe('MALO');
    expect(timetableStopOf(doc, doc.points[0]!)).toBeUndefined();
  });
});

describe('planJourney (offline, straight-line walking legs)', () => {
  it('from Place Jean-Bart to Malo beach on a Tuesday at 08:50: the next S1 buses, quicker than walking', () => {
    const plan = planJourney(tt, PLACE_JEAN_BART, MALO_BEACH, TUESDAY_0850);
    expect(
      plan.rides.map(
        (r) =>
          `${r.departure.tripId} ${formatClock(r.departure.minute)} ${stopId(r.walkTo.stop)}→${stopId(r.alight.stop)} ${formatClock(r.alight.minute)}`,
      ),
    ).toEqual([
      // walking to the stop (about 40 m) takes a minute, so the 09:00 is the first reachable
      'S1-WD-OUT-0900 09:00 JBART→MALO 09:12',
      'S1-WD-OUT-1000 10:00 JBART→MALO 10:12',
      'S1-WD-OUT-1100 11:00 JBART→MALO 11:12',
    ]);
    expect(plan.walkOnly.distanceM).toBeGreaterThan(2500);
    expect(plan.walkingIsQuicker).toBe(false);
  });

  it('says walking is quicker for a short hop', () => {
    const plan = planJourney(tt, PLACE_JEAN_BART, [2.37611, 51.03556], TUESDAY_0850);
    expect(plan.walkOnly.minutes).toBeLessThanOrEqual(2);
    expect(plan.walkingIsQuicker).toBe(true);
  });

  it('offers no ride late at night when no trip reaches the destination, and walking still', () => {
    const plan = planJourney(tt, MALO_BEACH, PLACE_JEAN_BART, { date: 20260526, minute: 23 * 60 });
    expect(plan.rides).toEqual([]);
    expect(plan.walkOnly.minutes).toBeGreaterThan(30);
  });

  it('finds stops within reach, nearest first', () => {
    expect(stopsNear(tt, PLACE_JEAN_BART, 200).map((s) => stopId(s.stop))).toEqual(['JBART', 'BEFFROI']);
    expect(walkLeg(PLACE_JEAN_BART, PLACE_JEAN_BART).minutes).toBe(1);
  });
});

describe('strings', () => {
  it('exist in French, English and Dutch', () => {
    for (const [key, t] of Object.entries(layersMessages)) {
      for (const l of ['fr', 'en', 'nl'] as const) expect(t[l], `${key}.${l}`).toBeTruthy();
    }
    expect(msg('nl', 'departuresFrom', { stop: 'Bastion 32' })).toBe('Volgende vertrekken van Bastion 32');
    expect(categoryLabel('fr', 'lodging')).toBe('Hébergement');
  });

  it('names licences as people know them, and shows an unknown id as written', () => {
    expect(licenceName('Licence-Ouverte-2.0')).toBe('Licence Ouverte 2.0 (Etalab)');
    expect(licenceName('CC0-1.0')).toMatch(/^CC0 1\.0/);
    expect(licenceName('LicenseRef-custom')).toBe('LicenseRef-custom');
  });

  it('format distances per language', () => {
    expect(formatDistance('en', 347)).toBe('350 m');
    expect(formatDistance('fr', 1234)).toBe('1,2 km');
    expect(formatDistance('en', 1234)).toBe('1.2 km');
  });
});
