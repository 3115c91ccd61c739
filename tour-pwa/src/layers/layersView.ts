import { createStore, type Store } from '../core/store';
import { distanceM, type LngLat } from '../geo';
import type { LayersDocument, OpeningHours, Point, PoiCategory, ServiceTime } from '@dunkirk/content';
import { hoursOn, isOpenAt, poiCategories } from '@dunkirk/content';
import { walkLeg, type WalkLeg } from './journey';

export interface LayersViewState {
  /** Which categories are shown on the map and in the list. */
  visible: Readonly<Record<PoiCategory, boolean>>;
  /** The point whose card is open. */
  selected: string | null;
}

/** Heritage and museums on by default: the tour's subject; the rest one tap away. */
export const defaultVisible: Readonly<Record<PoiCategory, boolean>> = {
  heritage: true,
  museum: true,
  food: false,
  lodging: false,
  services: false,
  transport: false,
  library: false,
};

export interface LayersView extends Store<LayersViewState> {
  toggle(category: PoiCategory, on?: boolean): void;
  select(pointId: string | null): void;
}

/** The framework-free state of the layers UI; components render it and call its intents. */
export function createLayersView(initial: Partial<LayersViewState> = {}): LayersView {
  const store = createStore<LayersViewState>({ visible: defaultVisible, selected: null, ...initial });
  return {
    ...store,
    toggle(category, on) {
      store.set((s) => {
        const visible = { ...s.visible, [category]: on ?? !s.visible[category] };
        const selected = s.selected;
        return { visible, selected };
      });
    },
    select(pointId) {
      store.set({ selected: pointId });
    },
  };
}

/** Categories that have at least one point, in the format's order, with their counts. */
export function categoryCounts(doc: LayersDocument): { category: PoiCategory; count: number }[] {
  return poiCategories
    .map((category) => ({ category, count: doc.points.filter((p) => p.category === category).length }))
    .filter((c) => c.count > 0);
}

export interface ListedPoint {
  point: Point;
  /** Straight-line distance from the visitor, when the position is known. */
  distanceM?: number;
}

/** The points of the visible categories, nearest first when the position is known, else by name order. */
export function visiblePoints(doc: LayersDocument, state: LayersViewState, position?: LngLat): ListedPoint[] {
  const listed = doc.points
    .filter((p) => state.visible[p.category])
    .map((point): ListedPoint =>
      position ? { point, distanceM: distanceM(position, point.position) } : { point },
    );
  if (position) listed.sort((a, b) => (a.distanceM as number) - (b.distanceM as number));
  return listed;
}

export interface PointCardModel {
  point: Point;
  walk?: WalkLeg;
  /** Today's periods, in order; undefined when hours are not known. */
  hoursToday?: OpeningHours[];
  openNow?: boolean;
  source: LayersDocument['sources'][string];
}

/** What a point's card shows, computed once for a time and a position. */
export function pointCard(
  doc: LayersDocument,
  point: Point,
  at: ServiceTime,
  position?: LngLat,
): PointCardModel {
  const source = doc.sources[point.source] as LayersDocument['sources'][string];
  return {
    point,
    source,
    ...(position && { walk: walkLeg(position, point.position) }),
    ...(point.hours && { hoursToday: hoursOn(point.hours, at.date) }),
    ...(point.hours && { openNow: isOpenAt(point.hours, at) as boolean }),
  };
}

/** The timetable stop a transport point stands for, if any. */
export function timetableStopOf(doc: LayersDocument, point: Point): number | undefined {
  if (!doc.timetable || point.source !== doc.timetable.source) return undefined;
  const i = doc.timetable.stops.findIndex((s) => s.id === point.sourceId);
  return i < 0 ? undefined : i;
}

/** Colours per category (WCAG AA against white text and the light basemap). */
export const categoryColours: Readonly<Record<PoiCategory, string>> = {
  heritage: '#8a4b08',
  museum: '#6a1b9a',
  food: '#b3261e',
  lodging: '#1b5e20',
  services: '#37474f',
  transport: '#0d47a1',
  library: '#00695c',
};

/**
 * The visible points as GeoJSON for the map engineer's MapLibre source, with `category`, `colour` and
 * `name` properties (the name in the visitor's language is chosen by the caller).
 */
export function pointsGeoJson(
  doc: LayersDocument,
  state: LayersViewState,
  name: (p: Point) => string,
): {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    id: string;
    geometry: { type: 'Point'; coordinates: LngLat };
    properties: { id: string; category: PoiCategory; colour: string; name: string };
  }[];
} {
  return {
    type: 'FeatureCollection',
    features: doc.points
      .filter((p) => state.visible[p.category])
      .map((p) => ({
        type: 'Feature',
        id: p.id,
        geometry: { type: 'Point', coordinates: p.position },
        properties: { id: p.id, category: p.category, colour: categoryColours[p.category], name: name(p) },
      })),
  };
}
