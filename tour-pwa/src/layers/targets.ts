import type { LngLat } from '../geo';
import type { JourneyTarget } from './Journey';
import { layersMessages } from './messages';

/** Place Jean-Bart, the heart of Dunkirk (position of the tour stop, content/tours/dunkirk-port-mole/SOURCES.md). */
export const DUNKIRK_CENTRE: LngLat = [2.3775, 51.03472];

/** "Back to the centre" for the journey planner. */
export const centreTarget: JourneyTarget = {
  id: 'centre',
  label: layersMessages.centre,
  position: DUNKIRK_CENTRE,
};

/** "To the tour's start" from the manifest's first stop. */
export function tourStartTarget(stop: { position: LngLat; title: JourneyTarget['label'] }): JourneyTarget {
  return { id: 'tour-start', label: stop.title, position: stop.position };
}
