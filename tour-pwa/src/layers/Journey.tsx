import { useState } from 'react';
import type { LngLat } from '../geo';
import type { Text } from '@dunkirk/content';
import type { ServiceTime, Timetable } from '@dunkirk/content';
import { formatClock } from '@dunkirk/content';
import { planJourney } from './journey';
import { formatDistance, inLocale, msg, type LayersLocale } from './messages';

export interface JourneyTarget {
  id: string;
  label: Text;
  position: LngLat;
}

export interface JourneyProps {
  timetable: Timetable;
  from?: LngLat;
  targets: JourneyTarget[];
  at: ServiceTime;
  locale: LayersLocale;
}

/** "How to get there": to the tour's start or back to the centre, on foot or by the next buses, offline. */
export function Journey({ timetable, from, targets, at, locale }: JourneyProps) {
  const [target, setTarget] = useState<JourneyTarget | undefined>(undefined);
  const plan = from && target ? planJourney(timetable, from, target.position, at) : undefined;
  const stopName = (i: number): string => timetable.stops[i]?.name ?? '';
  return (
    <section className="layers-journey" aria-labelledby="layers-journey-title">
      <h3 id="layers-journey-title">{msg(locale, 'getThere')}</h3>
      <div className="layers-targets">
        {targets.map((t) => (
          <button key={t.id} type="button" aria-pressed={target?.id === t.id} onClick={() => setTarget(t)}>
            {msg(locale, 'goTo', { target: inLocale(t.label, locale) })}
          </button>
        ))}
      </div>
      {!from && <p>{msg(locale, 'noPosition')}</p>}
      {plan && (
        <div aria-live="polite">
          <p>
            {msg(locale, 'walkOnly', {
              d: formatDistance(locale, plan.walkOnly.distanceM),
              min: plan.walkOnly.minutes,
            })}
            {plan.walkingIsQuicker && plan.rides.length > 0 && ` ${msg(locale, 'walkingFaster')}`}
          </p>
          {plan.rides.length === 0 ? (
            <p>{msg(locale, 'noRide')}</p>
          ) : (
            <ol className="layers-rides">
              {plan.rides.map((r) => (
                <li key={r.departure.tripId} data-trip={r.departure.tripId}>
                  <ul>
                    <li>
                      {msg(locale, 'walkToStop', {
                        stop: stopName(r.walkTo.stop),
                        d: formatDistance(locale, r.walkTo.walk.distanceM),
                        min: r.walkTo.walk.minutes,
                      })}
                    </li>
                    <li>
                      {msg(locale, 'ride', {
                        line: r.departure.route.shortName,
                        dep: formatClock(r.departure.minute),
                        headsign: r.departure.headsign,
                        stop: stopName(r.alight.stop),
                        arr: formatClock(r.alight.minute),
                      })}
                    </li>
                    <li>
                      {msg(locale, 'walkFromStop', {
                        d: formatDistance(locale, r.walkFrom.distanceM),
                        min: r.walkFrom.minutes,
                      })}
                    </li>
                  </ul>
                  <strong>{msg(locale, 'arriveAt', { time: formatClock(r.arriveMinute) })}</strong>
                </li>
              ))}
            </ol>
          )}
          <p className="layers-note">{msg(locale, 'straightLine')}</p>
        </div>
      )}
    </section>
  );
}
