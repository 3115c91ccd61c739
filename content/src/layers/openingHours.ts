import type { ServiceTime } from './nextDepartures';
import { weekdayOf } from './nextDepartures';
import type { OpeningHours } from './schema';

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The periods that apply on a date (weekday and date range), in their listed order. */
export function hoursOn(hours: readonly OpeningHours[], date: number): OpeningHours[] {
  const isoDay = weekdayOf(date) + 1;
  return hours.filter(
    (h) =>
      h.days.includes(isoDay) &&
      (h.from === undefined || date >= h.from) &&
      (h.through === undefined || date <= h.through),
  );
}

/**
 * Open at that local time? `undefined` when the hours are not known: the app says "hours unknown"
 * rather than guessing "closed".
 */
export function isOpenAt(hours: readonly OpeningHours[] | undefined, at: ServiceTime): boolean | undefined {
  if (hours === undefined) return undefined;
  return hoursOn(hours, at.date).some((h) => at.minute >= minutes(h.opens) && at.minute < minutes(h.closes));
}
