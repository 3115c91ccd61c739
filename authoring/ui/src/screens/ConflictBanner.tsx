import type { SessionSnapshot, TourSession } from '../core/tourSession';
import { useI18n } from '../i18n';

/** A save refused with 412: the curator decides, nothing is overwritten behind anyone's back. */
export function ConflictBanner({ session, snap }: { session: TourSession; snap: SessionSnapshot }) {
  const { t } = useI18n();
  if (snap.conflicts.length === 0) return null;
  return (
    <>
      {snap.conflicts.map((c) => (
        <section key={c.file} role="alert" className="conflict">
          <h2>{t('conflictTitle', { file: c.file })}</h2>
          <p>{t('conflictBody')}</p>
          <div className="row">
            <button type="button" onClick={() => void session.resolve(c, 'theirs')}>
              {t('keepTheirs')}
            </button>
            <button type="button" className="danger" onClick={() => void session.resolve(c, 'mine')}>
              {t('keepMine')}
            </button>
          </div>
        </section>
      ))}
    </>
  );
}
