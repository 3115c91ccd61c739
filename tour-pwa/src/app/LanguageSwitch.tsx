import { useTranslation } from 'react-i18next';
import { APP_LOCALES } from './locales';

const NAMES = { fr: 'Français', en: 'English', nl: 'Nederlands' } as const;

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="lang">
      <span className="visually-hidden">{t('language')}</span>
      <select
        name="language"
        value={i18n.language}
        onChange={(e) => void i18n.changeLanguage(e.target.value)}
      >
        {APP_LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
