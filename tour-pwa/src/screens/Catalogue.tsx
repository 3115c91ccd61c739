import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TourSummary } from '../core/catalogue';
import { useServices, useStore } from '../app/services';
import { href } from '../app/router';
import { localized } from '../app/text';
import { TourFacts } from './TourFacts';

export function Catalogue() {
  const { t, i18n } = useTranslation();
  const { catalogue, library } = useServices();
  const state = useStore(catalogue.store, (s) => s);
  const installed = useStore(library.store, (s) => s.installed);

  useEffect(() => {
    if (catalogue.store.get().tours.length === 0) void catalogue.refresh();
  }, [catalogue]);

  // Offline, the downloaded tours still show, from what was recorded at download.
  const byId = new Map<string, TourSummary>();
  for (const tour of state.tours) byId.set(tour.id, tour);
  for (const [id, it] of Object.entries(installed)) if (!byId.has(id)) byId.set(id, it.summary);
  const tours = [...byId.values()];
  const locale = i18n.language;

  return (
    <section className="screen">
      <h1 tabIndex={-1}>{t('catalogue.title')}</h1>
      <p>{t('catalogue.intro')}</p>
      {state.status === 'loading' && tours.length === 0 && <p role="status">{t('catalogue.loading')}</p>}
      {state.status === 'failed' && (
        <p role="status" className="notice">
          {t('catalogue.unavailable')}
        </p>
      )}
      {state.status !== 'loading' && tours.length === 0 && <p>{t('catalogue.empty')}</p>}
      <ul className="cards">
        {tours.map((tour) => {
          const title = localized(tour.title, locale);
          return (
            <li key={tour.id} className="card">
              <h2>
                <a href={href({ name: 'tour', tourId: tour.id })}>{title}</a>
              </h2>
              {tour.subtitle && <p className="subtitle">{localized(tour.subtitle, locale)}</p>}
              <TourFacts tour={tour} />
              {installed[tour.id] && <p className="badge">{t('catalogue.downloaded')}</p>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
