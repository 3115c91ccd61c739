import { useState } from 'react';
import { api } from '../core/api';
import type { SessionSnapshot, TourSession } from '../core/tourSession';
import type { ImportedAsset, MediaKind, TourDoc } from '../core/types';
import type { MessageKey } from '../i18n';
import { useI18n } from '../i18n';
import { ErrorNote } from './common';

const kindLabel: Record<MediaKind, MessageKey> = {
  image: 'importImage',
  panorama: 'importPanorama',
  audio: 'importAudio',
  model: 'importModel',
};

/** Media of the tour, each with its credit and licence, and the import form (both required). */
export function MediaLibrary({ session, snap }: { session: TourSession; snap: SessionSnapshot }) {
  const { t } = useI18n();
  const tour = snap.tour?.value as TourDoc;
  const [kind, setKind] = useState<MediaKind>('image');
  const [file, setFile] = useState<File | null>(null);
  const [credit, setCredit] = useState('');
  const [licence, setLicence] = useState('');
  const [sourceUrl, setSourceUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ImportedAsset | null>(null);
  const [error, setError] = useState<Error | null>(null);

  return (
    <div className="media-library">
      <section aria-labelledby="media-import" className="panel">
        <h2 id="media-import">{t(kindLabel[kind])}</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!file) return;
            if (!credit.trim() || !licence.trim()) {
              setError(new Error(t('creditRequired')));
              return;
            }
            setBusy(true);
            setError(null);
            api
              .importMedia(session.tourId, file, {
                kind,
                name: file.name,
                credit,
                licence,
                ...(sourceUrl && { sourceUrl }),
              })
              .then(async (a) => {
                setDone(a);
                await session.load();
              }, setError)
              .finally(() => setBusy(false));
          }}
        >
          <fieldset className="row">
            <legend className="visually-hidden">{t('tabMedia')}</legend>
            {(Object.keys(kindLabel) as MediaKind[]).map((k) => (
              <label key={k} className="check">
                <input type="radio" name="kind" checked={kind === k} onChange={() => setKind(k)} />
                {t(kindLabel[k])}
              </label>
            ))}
          </fieldset>
          <label>
            {t('file')}
            <input
              name="media-file"
              type="file"
              accept={kind === 'audio' ? 'audio/*' : kind === 'model' ? '.glb,model/gltf-binary' : 'image/*'}
              required
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </label>
          <label>
            {t('credit')}
            <input name="credit" value={credit} onChange={(e) => setCredit(e.target.value)} required />
          </label>
          <label>
            {t('licence')}
            <input
              name="licence"
              value={licence}
              onChange={(e) => setLicence(e.target.value)}
              required
              list="licences"
            />
            <datalist id="licences">
              <option value="CC-BY-4.0" />
              <option value="CC-BY-SA-4.0" />
              <option value="CC0-1.0" />
              <option value="Licence-Ouverte-2.0" />
              <option value="public-domain" />
            </datalist>
          </label>
          <label>
            {t('sourceUrl')}
            <input
              name="sourceUrl"
              type="url"
              value={sourceUrl}
              onChange={(e) => setSourceUrl(e.target.value)}
            />
          </label>
          <button type="submit" disabled={busy || !file}>
            {busy ? t('importing') : t('importButton')}
          </button>
          {done && (
            <p role="status" className="ok">
              {t('imported', { id: done.id })}
              {done.triangles !== undefined && (
                <span className={done.triangles > (done.triangleBudget ?? Infinity) ? 'error' : ''}>
                  {' '}
                  {t('triangles', { n: done.triangles, budget: done.triangleBudget ?? '' })}
                </span>
              )}
            </p>
          )}
          <ErrorNote error={error} />
        </form>
      </section>
      <section aria-labelledby="media-list">
        <h2 id="media-list">{t('mediaAssets')}</h2>
        <table className="assets">
          <thead>
            <tr>
              <th scope="col">{t('file')}</th>
              <th scope="col">{t('credit')}</th>
              <th scope="col">{t('licence')}</th>
            </tr>
          </thead>
          <tbody>
            {tour.assets.map((a) => (
              <tr key={a.id}>
                <td>
                  {a.mediaType.startsWith('image/') ? (
                    <img className="thumb" src={api.mediaUrl(tour.id, a.id)} alt="" loading="lazy" />
                  ) : null}{' '}
                  <code>{a.id}</code> <span className="muted">{a.mediaType}</span>
                </td>
                <td>{a.credit}</td>
                <td>{a.licence}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
