import { useTranslation } from 'react-i18next';
import { megabytes } from '../app/text';

/** A failure in the visitor's language, from its stable code (never from an exception's text). */
export function ErrorMessage({ code, details }: { code: string; details: Record<string, unknown> }) {
  const { t } = useTranslation();
  const num = (v: unknown): string => (typeof v === 'number' ? megabytes(v) : '?');
  return (
    <p role="alert" className="error" data-code={code}>
      {t(`errors.${code}`, {
        defaultValue: t('errors.UNKNOWN'),
        code: typeof details.code === 'string' ? details.code : '',
        needed: num(details.needed),
        available: num(details.available),
      })}
    </p>
  );
}
