import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { AppLocale } from './locales';
import { pickLocale, resources } from './locales';

const STORAGE_KEY = 'dunkirk.locale';

export function initialLocale(): AppLocale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved === 'fr' || saved === 'en' || saved === 'nl') return saved;
  return pickLocale(globalThis.navigator?.languages ?? []);
}

export async function initI18n(): Promise<typeof i18next> {
  const lng = initialLocale();
  await i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  document.documentElement.lang = lng;
  i18next.on('languageChanged', (l) => {
    document.documentElement.lang = l;
    globalThis.localStorage?.setItem(STORAGE_KEY, l);
  });
  return i18next;
}
