import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Services } from './services';
import { ServicesContext, useStore } from './services';
import { useRoute } from './router';
import { Catalogue } from '../screens/Catalogue';
import { LanguageSwitch } from './LanguageSwitch';
import { UpdateBanner } from './UpdateBanner';

// The first route is the catalogue. The tour page (Markdown renderer) and walking mode
// (map, narration, geo) are separate chunks, so the first route stays small.
const TourPage = lazy(() => import('../screens/TourPage'));
const Walk = lazy(() => import('../screens/Walk'));

export function App({ services }: { services: Services }) {
  const { t } = useTranslation();
  const route = useRoute();
  const online = useOnline();
  const activeTourId = useStore(services.progress.store, (s) => s.activeTourId);
  const mainRef = useRef<HTMLElement>(null);

  useEffect(() => {
    void services.library.reconcile();
  }, [services]);

  // Move focus to the new screen's heading, so screen readers announce the change.
  const screenKey = route.name === 'catalogue' ? route.name : `${route.name}/${route.tourId}`;
  useEffect(() => {
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [screenKey]);

  return (
    <ServicesContext.Provider value={services}>
      <a className="skip" href="#main">
        {t('skip')}
      </a>
      <header className="bar">
        <span className="brand">{t('appName')}</span>
        <LanguageSwitch />
      </header>
      {!online && (
        <p className="notice" role="status">
          {t('offline')}
        </p>
      )}
      <UpdateBanner tourInProgress={activeTourId !== null && route.name === 'walk'} />
      <main id="main" ref={mainRef} tabIndex={-1}>
        {route.name === 'catalogue' && <Catalogue />}
        <Suspense fallback={<p role="status">…</p>}>
          {route.name === 'tour' && <TourPage tourId={route.tourId} />}
          {route.name === 'walk' && <Walk tourId={route.tourId} stopId={route.stopId} />}
        </Suspense>
      </main>
    </ServicesContext.Provider>
  );
}

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = (): void => setOnline(navigator.onLine);
    window.addEventListener('online', on);
    window.addEventListener('offline', on);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', on);
    };
  }, []);
  return online;
}
