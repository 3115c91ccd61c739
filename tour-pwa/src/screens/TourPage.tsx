import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renderMarkdown, serviceTimeOf } from '@dunkirk/content';
import type { Manifest } from '@dunkirk/content';
import type { LngLat } from '../geo';
import type { TourSummary } from '../core/catalogue';
import type { DownloadState } from '../core/library';
import { useServices, useStore } from '../app/services';
import { href, navigate } from '../app/router';
import { localized, megabytes } from '../app/text';
import { ErrorMessage } from './ErrorMessage';
import { TourFacts } from './TourFacts';
import { Journey } from '../layers/Journey';
import { centreTarget, tourStartTarget } from '../layers/targets';
import { layersLocale, useNow, useTourLayers } from '../layers/useTourLayers';
import '../layers/layers.css';

const IDLE: DownloadState = { status: 'idle' };

export default function TourPage({ tourId }: { tourId: string }) {
  const { t, i18n } = useTranslation();
  const { catalogue, library, progress } = useServices();
  const fromCatalogue = useStore(catalogue.store, (s) => s.tours.find((x) => x.id === tourId));
  const installed = useStore(library.store, (s) => s.installed[tourId]);
  const download = useStore(library.store, (s): DownloadState => s.downloads[tourId] ?? IDLE);
  const persistedStorage = useStore(library.store, (s) => s.persisted);
  const saved = useStore(progress.store, (s) => s.tours[tourId]);
  const [deleted, setDeleted] = useState(false);
  const tour: TourSummary | undefined = fromCatalogue ?? installed?.summary;
  const [scenarioId, setScenarioId] = useState<string | null>(null);

  useEffect(() => {
    if (catalogue.store.get().status === 'loading' && catalogue.store.get().tours.length === 0)
      void catalogue.refresh();
  }, [catalogue]);

  if (!tour) {
    return (
      <section className="screen">
        <p>
          <a href={href({ name: 'catalogue' })}>← {t('tour.back')}</a>
        </p>
        <h1 tabIndex={-1}>{t('tour.notFound')}</h1>
      </section>
    );
  }
  const locale = i18n.language;
  const chosen = scenarioId ?? saved?.scenarioId ?? tour.scenarios[0]?.id ?? '';
  // A newer version in the catalogue than the one installed: offer the download again.
  const upToDate = installed && installed.summary.version === tour.version;
  const busy = download.status === 'checking' || download.status === 'downloading';

  const start = (): void => {
    progress.start(tour.id, installed!.summary.version, chosen, Date.now());
    navigate({ name: 'walk', tourId: tour.id, stopId: null });
  };

  return (
    <section className="screen">
      <p>
        <a href={href({ name: 'catalogue' })}>← {t('tour.back')}</a>
      </p>
      <h1 tabIndex={-1}>{localized(tour.title, locale)}</h1>
      {tour.subtitle && <p className="subtitle">{localized(tour.subtitle, locale)}</p>}
      <div
        className="markdown"
        dangerouslySetInnerHTML={{ __html: renderMarkdown(localized(tour.description, locale)) }}
      />
      <TourFacts tour={tour} showStops />

      {tour.scenarios.length > 0 && (
        <fieldset className="scenarios">
          <legend>{t('tour.scenario')}</legend>
          {tour.scenarios.map((s) => {
            const character = tour.characters.find((c) => c.id === s.character);
            return (
              <label key={s.id} className="choice">
                <input
                  type="radio"
                  name="scenario"
                  value={s.id}
                  checked={chosen === s.id}
                  onChange={() => setScenarioId(s.id)}
                />
                <span>
                  <strong>{localized(s.title, locale)}</strong> —{' '}
                  {t(`tour.${s.audience}`, { defaultValue: s.audience })}
                  {character && (
                    <>
                      <br />
                      <small>
                        {character.name}
                        {character.role ? `, ${localized(character.role, locale)}` : ''}
                      </small>
                    </>
                  )}
                </span>
              </label>
            );
          })}
        </fieldset>
      )}

      <div className="actions">
        {download.status === 'downloading' && (
          <div className="progress">
            <label htmlFor="dl-progress">{t('tour.progress')}</label>
            <progress id="dl-progress" max={download.totalBytes} value={download.doneBytes} />
            <span aria-hidden="true">
              {Math.floor((100 * download.doneBytes) / Math.max(1, download.totalBytes))} %
            </span>
          </div>
        )}
        {download.status === 'checking' && <p role="status">{t('tour.downloading')}</p>}
        {download.status === 'failed' && <ErrorMessage code={download.code} details={download.details} />}
        {deleted && !installed && <p role="status">{t('tour.deleted')}</p>}
        {upToDate && (
          <p role="status" className="ok">
            {t('tour.ready')} {persistedStorage ? t('tour.persisted') : ''}
          </p>
        )}
        {!upToDate && !busy && (
          <button
            type="button"
            className="primary"
            onClick={() => {
              setDeleted(false);
              void library.download(tour).catch(() => undefined);
            }}
          >
            {download.status === 'failed' ? t('tour.resume') : t('tour.download')} (
            {t('tour.mb', { value: megabytes(tour.packageBytes) })})
          </button>
        )}
        {busy && (
          <button type="button" onClick={() => library.cancel(tour.id)}>
            {t('tour.cancel')}
          </button>
        )}
        {installed && (
          <button type="button" className="primary" onClick={start}>
            {saved && saved.visited.length > 0 && !saved.finishedAt ? t('tour.continue') : t('tour.start')}
          </button>
        )}
        {installed && (
          <button
            type="button"
            className="danger"
            onClick={() => {
              progress.reset(tour.id);
              void library.remove(tour.id).then(() => setDeleted(true));
            }}
          >
            {t('tour.delete')}
          </button>
        )}
      </div>
      {installed && <GettingThere tourId={tour.id} />}
    </section>
  );
}

/**
 * "How to get there" before the walk: to the tour's first stop or back to the centre, on foot or by
 * the next buses of the timetable downloaded with the tour. The position is asked for only on request
 * and stays on the device.
 */
function GettingThere({ tourId }: { tourId: string }) {
  const { t, i18n } = useTranslation();
  const { library } = useServices();
  const [manifest, setManifest] = useState<Manifest | null>(null);
  const [position, setPosition] = useState<LngLat | undefined>(undefined);
  const [locating, setLocating] = useState<'idle' | 'busy' | 'failed'>('idle');
  const now = useNow();
  useEffect(() => {
    let live = true;
    library.open(tourId).then(
      (m) => live && setManifest(m),
      () => live && setManifest(null),
    );
    return () => {
      live = false;
    };
  }, [library, tourId]);
  const doc = useTourLayers(manifest);
  const first = manifest?.stops[0];
  if (!doc?.timetable || !first) return null;

  const locate = (): void => {
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setPosition([p.coords.longitude, p.coords.latitude]);
        setLocating('idle');
      },
      () => setLocating('failed'),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  };
  const targets = [tourStartTarget({ position: first.position as LngLat, title: first.title }), centreTarget];
  return (
    <section className="getting-there" aria-labelledby="getting-there-title">
      <h2 id="getting-there-title">{t('tour.getThere')}</h2>
      <p>{t('tour.getThereIntro')}</p>
      <p>
        <button type="button" onClick={locate} disabled={locating === 'busy'}>
          {t('tour.locate')}
        </button>{' '}
        {locating === 'busy' && <span role="status">{t('tour.locating')}</span>}
        {locating === 'failed' && <span className="notice">{t('tour.locateFailed')}</span>}
      </p>
      <Journey
        timetable={doc.timetable}
        targets={targets}
        at={serviceTimeOf(now, doc.timetable.agency.timezone)}
        locale={layersLocale(i18n.language)}
        {...(position && { from: position })}
      />
    </section>
  );
}
