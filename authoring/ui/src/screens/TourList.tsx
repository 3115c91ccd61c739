import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../core/api';
import { api } from '../core/api';
import type { TourSummary } from '../core/types';
import { useI18n } from '../i18n';
import { ErrorNote, textIn } from './common';

export function TourList({ open }: { open: (id: string) => void }) {
  const { t, locale } = useI18n();
  const [tours, setTours] = useState<TourSummary[] | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [id, setId] = useState('');
  const [title, setTitle] = useState('');
  const [copyOf, setCopyOf] = useState<string | null>(null);
  const [copyId, setCopyId] = useState('');

  const refresh = useCallback(() => {
    api.listTours().then(setTours, setError);
  }, []);
  useEffect(refresh, [refresh]);

  const run = async (work: () => Promise<unknown>): Promise<void> => {
    setError(null);
    try {
      await work();
      refresh();
    } catch (err) {
      setError(err as Error);
    }
  };

  return (
    <main className="tour-list">
      <h1>{t('tours')}</h1>
      <ErrorNote error={error} />
      {tours === null ? (
        <p>{t('loading')}</p>
      ) : (
        <ul className="cards">
          {tours.map((tour) => (
            <li key={tour.id} className="card">
              <h2 lang={textIn(tour.title, locale).lang}>{textIn(tour.title, locale).text}</h2>
              <p className="muted">
                <code>{tour.id}</code> · {t('version')} {tour.version} · {tour.stopCount} {t('stopsCount')}
              </p>
              <div className="row">
                <button type="button" onClick={() => open(tour.id)}>
                  {t('open')} <span className="visually-hidden">{tour.id}</span>
                </button>
                <button type="button" onClick={() => (setCopyOf(tour.id), setCopyId(`${tour.id}-copie`))}>
                  {t('duplicate')} <span className="visually-hidden">{tour.id}</span>
                </button>
                <button
                  type="button"
                  className="danger"
                  onClick={() => confirm(t('archiveConfirm')) && void run(() => api.archiveTour(tour.id))}
                >
                  {t('archive')} <span className="visually-hidden">{tour.id}</span>
                </button>
              </div>
              {copyOf === tour.id && (
                <form
                  className="row"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void run(() => api.duplicateTour(tour.id, copyId)).then(() => setCopyOf(null));
                  }}
                >
                  <label>
                    {t('duplicateAs')}{' '}
                    <input value={copyId} onChange={(e) => setCopyId(e.target.value)} required />
                  </label>
                  <button type="submit">{t('duplicate')}</button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="new-tour" className="panel">
        <h2 id="new-tour">{t('newTour')}</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              await api.createTour(id, { fr: title });
              open(id);
            });
          }}
        >
          <label>
            {t('tourId')}
            <input
              name="id"
              value={id}
              onChange={(e) => setId(e.target.value)}
              pattern="[a-z0-9][a-z0-9\-]{1,63}"
              required
            />
          </label>
          <label>
            {t('tourTitle')}
            <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} required lang="fr" />
          </label>
          <button type="submit">{t('create')}</button>
        </form>
      </section>
    </main>
  );
}
