import { useEffect, useState } from 'react';
import { api } from '../core/api';
import type { SessionSnapshot, TourSession } from '../core/tourSession';
import type { Bump, PublishResult, TourDoc } from '../core/types';
import { formatBytes, useI18n } from '../i18n';
import { ErrorNote } from './common';

/** Publish: build, sign, version (semver) and changelog, with the download size for visitors. */
export function PublishPanel({ session, snap }: { session: TourSession; snap: SessionSnapshot }) {
  const { t, locale } = useI18n();
  const tour = snap.tour?.value as TourDoc;
  const [bump, setBump] = useState<Bump>('minor');
  const [note, setNote] = useState('');
  const [allowMissing, setAllowMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PublishResult | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const missing = snap.report?.missingTranslations.length ?? 0;
  // The visitor app is embedded only when tour-pwa has been built (the server serves it at /preview/).
  const [preview, setPreview] = useState(false);
  useEffect(() => {
    fetch('/preview/config.json').then(
      (r) => setPreview(r.ok),
      () => setPreview(false),
    );
  }, []);

  return (
    <div className="publish">
      <form
        className="panel"
        aria-labelledby="publish-title"
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          setResult(null);
          api
            .publish(session.tourId, {
              bump,
              allowMissing,
              draftVoices: true,
              ...(note.trim() && { note: { [locale]: note.trim() } }),
            })
            .then(async (r) => {
              setResult(r);
              await session.load();
            }, setError)
            .finally(() => setBusy(false));
        }}
      >
        <h2 id="publish-title">
          {t('tabPublish')} <code>{tour.id}</code> ({t('version')} {tour.version})
        </h2>
        <fieldset className="row">
          <legend>{t('bump')}</legend>
          {(['patch', 'minor', 'major'] as const).map((b) => (
            <label key={b} className="check">
              <input type="radio" name="bump" checked={bump === b} onChange={() => setBump(b)} />
              {t(b === 'patch' ? 'bumpPatch' : b === 'minor' ? 'bumpMinor' : 'bumpMajor')}
            </label>
          ))}
        </fieldset>
        <label>
          {t('note')}
          <textarea rows={2} value={note} lang={locale} onChange={(e) => setNote(e.target.value)} />
        </label>
        {missing > 0 && (
          <label className="check">
            <input
              type="checkbox"
              checked={allowMissing}
              onChange={(e) => setAllowMissing(e.target.checked)}
            />
            {t('allowMissing')} ({missing})
          </label>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('publishing') : t('publish')}
        </button>
        <ErrorNote error={error} />
      </form>
      {result && (
        <section className="panel" aria-labelledby="publish-result" data-testid="publish-result">
          <h2 id="publish-result" role="status">
            {t('published', { id: result.id, version: result.version })}
          </h2>
          <p className="ok">{t('verifiedOk', { n: result.verified.assetCount })}</p>
          <p>
            {t('downloadSize', {
              size: formatBytes(result.packageBytes, locale),
              download: formatBytes(result.downloadBytes, locale),
              delta: (result.sizeDeltaBytes >= 0 ? '+' : '') + formatBytes(result.sizeDeltaBytes, locale),
            })}
          </p>
          <h3>{t('changelog')}</h3>
          <p lang={locale}>{result.changelog[locale]}</p>
          <p className="muted">
            <code>{result.outDir}</code>
          </p>
        </section>
      )}
      {result && preview && (
        <section className="panel" aria-labelledby="visitor-preview">
          <h2 id="visitor-preview">{t('visitorPreview')}</h2>
          <iframe className="visitor-preview" title={t('visitorPreview')} src="/preview/" />
        </section>
      )}
    </div>
  );
}
