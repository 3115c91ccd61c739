import { useEffect, useMemo, useState } from 'react';
import type { Locale } from './core/types';
import { I18nContext, translator } from './i18n';
import { TourEditor } from './screens/TourEditor';
import { TourList } from './screens/TourList';

function initialLocale(): Locale {
  const saved = localStorage.getItem('authoring.locale');
  if (saved === 'fr' || saved === 'en' || saved === 'nl') return saved;
  const nav = navigator.language.slice(0, 2);
  return nav === 'en' || nav === 'nl' ? nav : 'fr';
}

/** `#/tour/<id>/<tab>` or `#/`: the URL says where the curator is, so reload and back work. */
function useHashRoute(): [string[], (path: string) => void] {
  const read = (): string[] => location.hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [parts, setParts] = useState(read);
  useEffect(() => {
    const on = (): void => setParts(read());
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return [parts, (path) => (location.hash = path)];
}

export function App() {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const i18n = useMemo(() => ({ locale, t: translator(locale) }), [locale]);
  const [route, go] = useHashRoute();
  useEffect(() => {
    document.documentElement.lang = locale;
    localStorage.setItem('authoring.locale', locale);
  }, [locale]);
  const { t } = i18n;
  const tourId = route[0] === 'tour' ? route[1] : undefined;
  return (
    <I18nContext.Provider value={i18n}>
      <header className="app-header">
        <div>
          <p className="app-title">{t('appTitle')}</p>
          <p className="app-subtitle">{t('appSubtitle')}</p>
        </div>
        <label className="locale-select">
          {t('uiLanguage')}{' '}
          <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
            <option value="fr" lang="fr">
              Français
            </option>
            <option value="en" lang="en">
              English
            </option>
            <option value="nl" lang="nl">
              Nederlands
            </option>
          </select>
        </label>
      </header>
      {tourId ? (
        <TourEditor key={tourId} tourId={tourId} tab={route[2] ?? 'map'} go={go} />
      ) : (
        <TourList open={(id) => go(`/tour/${id}/map`)} />
      )}
    </I18nContext.Provider>
  );
}
