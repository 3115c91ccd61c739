import { useTranslation } from 'react-i18next';

export function ConfigError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const code = (error as { code?: string } | null)?.code ?? 'UNKNOWN';
  return (
    <main id="main" className="screen">
      <h1>{t('appName')}</h1>
      <p role="alert">{t(`errors.${code}`, { defaultValue: t('errors.UNKNOWN') })}</p>
    </main>
  );
}
