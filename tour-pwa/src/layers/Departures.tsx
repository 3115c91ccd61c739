import type { ServiceTime, Timetable } from '@dunkirk/content';
import { formatClock, nextDepartures } from '@dunkirk/content';
import { msg, type LayersLocale } from './messages';

export interface DeparturesProps {
  timetable: Timetable;
  stop: number;
  at: ServiceTime;
  locale: LayersLocale;
  limit?: number;
  horizonMin?: number;
}

/** The next departures from one stop, read from the offline timetable. */
export function Departures({ timetable, stop, at, locale, limit = 6, horizonMin = 240 }: DeparturesProps) {
  const list = nextDepartures(timetable, stop, at, { limit, horizonMin });
  const name = timetable.stops[stop]?.name ?? '';
  return (
    <div className="layers-departures">
      {list.length === 0 ? (
        <p>
          <strong>{msg(locale, 'departuresFrom', { stop: name })}</strong>:{' '}
          {msg(locale, 'noDepartures', { h: horizonMin / 60 })}
        </p>
      ) : (
        <table>
          <caption>{msg(locale, 'departuresFrom', { stop: name })}</caption>
          <thead>
            <tr>
              <th scope="col">{msg(locale, 'time')}</th>
              <th scope="col">{msg(locale, 'line')}</th>
              <th scope="col">{msg(locale, 'towards')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((d) => (
              <tr key={`${d.tripId}-${d.serviceDate}`} data-trip={d.tripId}>
                <td>
                  <time>{formatClock(d.minute)}</time>
                </td>
                <td>
                  <span
                    className="layers-line"
                    style={{ background: `#${d.route.colour}`, color: `#${d.route.textColour}` }}
                  >
                    {d.route.shortName || d.route.longName}
                  </span>
                </td>
                <td>{d.headsign}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="layers-note">{msg(locale, 'timetableNote')}</p>
    </div>
  );
}
