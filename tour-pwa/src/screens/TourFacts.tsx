import { useTranslation } from 'react-i18next';
import type { TourSummary } from '../core/catalogue';
import { megabytes } from '../app/text';

/** What a visitor weighs before setting off: time, distance, (stops,) download size, languages. */
export function TourFacts({ tour, showStops = false }: { tour: TourSummary; showStops?: boolean }) {
  const { t } = useTranslation();
  const facts: [term: string, value: string][] = [
    [t('tour.duration'), t('tour.minutes', { count: tour.durationMin })],
    [t('tour.distance'), t('tour.km', { value: (tour.distanceM / 1000).toFixed(1) })],
    ...(showStops ? ([[t('tour.stops'), String(tour.stopCount)]] as [string, string][]) : []),
    [t('tour.size'), t('tour.mb', { value: megabytes(tour.packageBytes) })],
    [t('tour.languages'), tour.locales.map((l) => l.toUpperCase()).join(' · ')],
  ];
  return (
    <dl className="facts">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
