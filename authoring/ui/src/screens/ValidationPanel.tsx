import type { SessionSnapshot } from '../core/tourSession';
import { useI18n } from '../i18n';

/** Live validation: every error names its file and field, and a button takes the curator there. */
export function ValidationPanel({
  snap,
  focusField,
}: {
  snap: SessionSnapshot;
  focusField: (file: string, pointer: string) => void;
}) {
  const { t } = useI18n();
  const report = snap.report;
  return (
    <aside className="validation" aria-labelledby="validation-title">
      <h2 id="validation-title">{t('validation')}</h2>
      <div aria-live="polite">
        {!report ? (
          <p>{t('loading')}</p>
        ) : report.valid ? (
          <p className="ok">{t('valid')}</p>
        ) : (
          <>
            <p className="error-count">{t('errorsCount', { n: report.errors.length })}</p>
            <ul className="errors">
              {report.errors.map((e, i) => (
                <li key={i}>
                  <code>{e.code}</code> <code>{e.file}</code>
                  {e.pointer && <code>#{e.pointer}</code>}
                  {e.issue && <span> — {e.issue}</span>}{' '}
                  <button type="button" className="link" onClick={() => focusField(e.file, e.pointer)}>
                    {t('goToField')}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </aside>
  );
}
