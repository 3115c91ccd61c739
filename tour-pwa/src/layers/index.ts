/**
 * The map's other layers in the PWA: a framework-free core (view state, point cards, offline journey
 * planning, strings) and React components that render it. The app's map and list views embed these.
 */
export {
  createLayersView,
  defaultVisible,
  categoryCounts,
  visiblePoints,
  pointCard,
  timetableStopOf,
  pointsGeoJson,
  categoryColours,
  type LayersView,
  type LayersViewState,
  type ListedPoint,
  type PointCardModel,
} from './layersView';
export {
  planJourney,
  stopsNear,
  walkLeg,
  WALK_M_PER_MIN,
  type JourneyPlan,
  type JourneyOptions,
  type RideOption,
  type NearStop,
  type WalkLeg,
} from './journey';
export {
  layersMessages,
  msg,
  inLocale,
  categoryLabel,
  formatDistance,
  licenceName,
  type LayersMessage,
  type LayersLocale,
} from './messages';
export { DUNKIRK_CENTRE, centreTarget, tourStartTarget } from './targets';
export { useLayersView } from './useLayersView';
export { useOnline } from './useOnline';
export { LayersPanel, type LayersPanelProps } from './LayersPanel';
export { PointCard, type PointCardProps } from './PointCard';
export { Departures, type DeparturesProps } from './Departures';
export { Journey, type JourneyProps, type JourneyTarget } from './Journey';
export { LibraryLinks, type LibraryLinksProps } from './LibraryLinks';
export { PointsPlot, type PointsPlotProps } from './PointsPlot';
