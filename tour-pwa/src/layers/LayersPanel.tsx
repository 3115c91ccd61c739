import { useMemo } from 'react';
import type { LngLat } from '../geo';
import type { LayersDocument, ServiceTime } from '@dunkirk/content';
import { serviceTimeOf } from '@dunkirk/content';
import { Journey, type JourneyTarget } from './Journey';
import type { LayersView } from './layersView';
import { categoryColours, categoryCounts, visiblePoints } from './layersView';
import { categoryLabel, formatDistance, inLocale, msg, type LayersLocale } from './messages';
import { PointCard } from './PointCard';
import { PointsPlot } from './PointsPlot';
import { useLayersView } from './useLayersView';
import './layers.css';

export interface LayersPanelProps {
  doc: LayersDocument;
  view: LayersView;
  locale: LayersLocale;
  /** The visitor's position, when known (it never leaves the page). */
  position?: LngLat;
  /** The moment to answer for; the timetable's own time zone turns it into a service time. */
  now: Date;
  /** Where "how to get there" can lead: the tour's start, the town centre. */
  targets?: JourneyTarget[];
  /** `navigator.onLine`: links out are offered only when a connection exists, and only on request. */
  online: boolean;
  /** The plain plot of points; off when the app's map shows them. */
  plot?: boolean;
}

/**
 * The layers UI as one accessible block: category toggles (filters), the list of visible points
 * (the accessible alternative to the map), the open point's card, and "how to get there".
 */
export function LayersPanel({
  doc,
  view,
  locale,
  position,
  now,
  targets = [],
  online,
  plot = true,
}: LayersPanelProps) {
  const state = useLayersView(view);
  const at: ServiceTime = serviceTimeOf(now, doc.timetable?.agency.timezone ?? 'Europe/Paris');
  const counts = useMemo(() => categoryCounts(doc), [doc]);
  const listed = visiblePoints(doc, state, position);
  const selected = doc.points.find((p) => p.id === state.selected);
  return (
    <section className="layers" aria-labelledby="layers-title">
      <h2 id="layers-title">{msg(locale, 'layers')}</h2>
      <fieldset className="layers-toggles">
        <legend>{msg(locale, 'categories')}</legend>
        {counts.map(({ category, count }) => (
          <label key={category}>
            <input
              type="checkbox"
              name="layer"
              value={category}
              checked={state.visible[category]}
              onChange={(e) => view.toggle(category, e.currentTarget.checked)}
            />
            <span
              className="layers-swatch"
              style={{ background: categoryColours[category] }}
              aria-hidden="true"
            />
            {categoryLabel(locale, category)} <span className="layers-count">({count})</span>
          </label>
        ))}
      </fieldset>
      {plot && (
        <PointsPlot
          doc={doc}
          points={listed.map((l) => l.point)}
          selected={state.selected}
          onSelect={view.select}
        />
      )}
      <h3 id="layers-list-title">
        {msg(locale, 'points')}{' '}
        <span className="layers-count">{msg(locale, 'count', { n: listed.length })}</span>
      </h3>
      {listed.length === 0 ? (
        <p>{msg(locale, 'noPoints')}</p>
      ) : (
        <ul className="layers-list" aria-labelledby="layers-list-title">
          {listed.map(({ point, distanceM }) => (
            <li key={point.id} data-point={point.id}>
              <button
                type="button"
                aria-expanded={state.selected === point.id}
                onClick={() => view.select(point.id)}
              >
                <span
                  className="layers-swatch"
                  style={{ background: categoryColours[point.category] }}
                  aria-hidden="true"
                />
                <span className="layers-name">{inLocale(point.name, locale)}</span>
                <span className="layers-meta">
                  {categoryLabel(locale, point.category)}
                  {distanceM !== undefined && ` · ${formatDistance(locale, distanceM)}`}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {selected && (
        <PointCard
          doc={doc}
          point={selected}
          at={at}
          locale={locale}
          online={online}
          onClose={() => {
            view.select(null);
            // Back to where the visitor opened it: the point's button in the list.
            document
              .querySelector<HTMLButtonElement>(`.layers-list [data-point="${selected.id}"] button`)
              ?.focus();
          }}
          {...(position && { position })}
        />
      )}
      {doc.timetable && targets.length > 0 && (
        <Journey
          timetable={doc.timetable}
          targets={targets}
          at={at}
          locale={locale}
          {...(position && { from: position })}
        />
      )}
    </section>
  );
}
