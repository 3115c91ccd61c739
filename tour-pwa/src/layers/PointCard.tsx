import { useEffect, useRef } from 'react';
import type { LngLat } from '../geo';
import type { LayersDocument, Point, ServiceTime } from '@dunkirk/content';
import { Departures } from './Departures';
import { pointCard, timetableStopOf } from './layersView';
import { categoryLabel, formatDistance, inLocale, licenceName, msg, type LayersLocale } from './messages';

export interface PointCardProps {
  doc: LayersDocument;
  point: Point;
  at: ServiceTime;
  locale: LayersLocale;
  position?: LngLat;
  online: boolean;
  onClose(): void;
}

/** A point's card: what it is, how far, when it is open, where the data comes from and under which licence. */
export function PointCard({ doc, point, at, locale, position, online, onClose }: PointCardProps) {
  const card = pointCard(doc, point, at, position);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [point.id]);
  const days = msg(locale, 'weekdays').split(',');
  const stop = timetableStopOf(doc, point);
  return (
    <section className="layers-card" aria-labelledby={`card-${point.id}`} data-point={point.id}>
      <h3 id={`card-${point.id}`} ref={heading} tabIndex={-1}>
        {inLocale(point.name, locale)}
      </h3>
      <p className="layers-category">{categoryLabel(locale, point.category)}</p>
      {point.description && <p>{inLocale(point.description, locale)}</p>}
      <dl>
        <dt>{msg(locale, 'distance')}</dt>
        <dd>
          {card.walk
            ? msg(locale, 'walk', { d: formatDistance(locale, card.walk.distanceM), min: card.walk.minutes })
            : msg(locale, 'noPosition')}
        </dd>
        <dt>{msg(locale, 'hours')}</dt>
        <dd>
          {card.hoursToday === undefined ? (
            msg(locale, 'hoursUnknown')
          ) : (
            <>
              <strong>{msg(locale, card.openNow ? 'openNow' : 'closedNow')}</strong>
              {' · '}
              {msg(locale, 'today')}:{' '}
              {card.hoursToday.length === 0
                ? msg(locale, 'closedToday')
                : card.hoursToday.map((h) => `${h.opens}–${h.closes}`).join(', ')}
              <ul className="layers-hours">
                {point.hours?.map((h, i) => (
                  <li key={i}>
                    {h.days.map((d) => days[d - 1]).join(' ')} {h.opens}–{h.closes}
                  </li>
                ))}
              </ul>
            </>
          )}
        </dd>
        <dt>{msg(locale, 'source')}</dt>
        <dd className="layers-source">
          {card.source.name}
          {card.source.sample && ` (${msg(locale, 'sample')})`}
        </dd>
        <dt>{msg(locale, 'licence')}</dt>
        <dd className="layers-licence">{licenceName(card.source.licence)}</dd>
        <dt>{msg(locale, 'credit')}</dt>
        <dd className="layers-attribution">{card.source.attribution}</dd>
        <dt>{msg(locale, 'sourceId')}</dt>
        <dd>
          <code>{point.sourceId}</code>
        </dd>
      </dl>
      {point.url &&
        (online ? (
          <p>
            <a href={point.url} target="_blank" rel="noopener noreferrer">
              {msg(locale, 'website')}
            </a>
          </p>
        ) : (
          <p className="layers-note">{msg(locale, 'offline')}</p>
        ))}
      {stop !== undefined && doc.timetable && (
        <Departures timetable={doc.timetable} stop={stop} at={at} locale={locale} />
      )}
      <button type="button" onClick={onClose}>
        {msg(locale, 'close')}
      </button>
    </section>
  );
}
