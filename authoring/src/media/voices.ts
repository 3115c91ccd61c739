import { MediaError } from './MediaError';

export type NarrationLocale = 'fr' | 'en' | 'nl';

/** espeak-ng voice per tour locale; the rate is in words per minute, as the scripts are timed at 150 wpm. */
export const ESPEAK_VOICES: Record<NarrationLocale, string> = { fr: 'fr', en: 'en-gb', nl: 'nl' };
export const ESPEAK_RATE_WPM = 150;

export function voiceFor(locale: string): { locale: NarrationLocale; voice: string } {
  if (locale === 'fr' || locale === 'en' || locale === 'nl') return { locale, voice: ESPEAK_VOICES[locale] };
  throw new MediaError('LOCALE_UNSUPPORTED', { field: 'locale', locale });
}
