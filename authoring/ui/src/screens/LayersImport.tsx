import { useCallback, useEffect, useRef, useState } from 'react';
import { importIssueMessages } from '../../../src/import/issues';
import { api } from '../core/api';
import type { LayerCounts, LayerImportKind, LayersImportReport, LayersOverview } from '../core/types';
import type { MessageKey } from '../i18n';
import { formatBytes, useI18n } from '../i18n';
import { ErrorNote } from './common';

const KINDS: { id: LayerImportKind; label: MessageKey; hint: MessageKey; accept: string }[] = [
  {
    id: 'datatourisme',
    label: 'kindDatatourisme',
    hint: 'hintDatatourisme',
    accept: '.jsonld,.json,application/ld+json',
  },
  { id: 'geojson', label: 'kindGeojson', hint: 'hintGeojson', accept: '.geojson,.json,application/geo+json' },
  { id: 'gtfs', label: 'kindGtfs', hint: 'hintGtfs', accept: '.zip,.txt' },
];
const CATEGORIES = ['heritage', 'museum', 'food', 'lodging', 'services', 'transport', 'library'] as const;
const categoryKey = (c: string): MessageKey => `cat_${c}` as MessageKey;

function LayerTable({ counts, caption }: { counts: LayerCounts; caption: string }) {
  const { t } = useI18n();
  return (
    <table className="assets">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('colLayer')}</th>
          <th scope="col">{t('colPoints')}</th>
        </tr>
      </thead>
      <tbody>
        {counts.map((c) => (
          <tr key={c.category} data-category={c.category}>
            <th scope="row">{t(categoryKey(c.category))}</th>
            <td>{c.points}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The tour's map layers: what they hold, and an import of DATAtourisme JSON-LD, GeoJSON or GTFS. The
 * curator first checks a file (the server runs `tour import`'s importers, clipped to the tour's area,
 * and writes nothing), reads what each layer gains and every row left out, then saves.
 */
export function LayersImport({ tourId }: { tourId: string }) {
  const { t, locale } = useI18n();
  const [overview, setOverview] = useState<LayersOverview | null>(null);
  const [kind, setKind] = useState<LayerImportKind>('datatourisme');
  const [files, setFiles] = useState<File[]>([]);
  const [name, setName] = useState('');
  const [licence, setLicence] = useState('');
  const [attribution, setAttribution] = useState('');
  const [category, setCategory] = useState('');
  const [busy, setBusy] = useState<'check' | 'save' | null>(null);
  const [report, setReport] = useState<LayersImportReport | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const needsSource = kind !== 'datatourisme';

  const loadOverview = useCallback(() => {
    api.layers(tourId).then(setOverview, setError);
  }, [tourId]);
  useEffect(loadOverview, [loadOverview]);
  useEffect(() => {
    if (report) resultHeading.current?.focus();
  }, [report]);

  // Any change to the inputs makes an earlier check stale: it must be checked again before saving.
  const edit =
    <T,>(set: (v: T) => void) =>
    (v: T): void => {
      set(v);
      setReport(null);
      setError(null);
    };

  const run = (save: boolean): void => {
    if (files.length === 0) return;
    if (needsSource && (!name.trim() || !licence.trim() || !attribution.trim())) {
      setError(new Error(t('sourceRequired')));
      return;
    }
    setBusy(save ? 'save' : 'check');
    setError(null);
    api
      .importLayers(
        tourId,
        {
          kind,
          files,
          ...(needsSource && { source: { name, licence, attribution } }),
          ...(kind === 'geojson' && category && { category }),
        },
        save,
      )
      .then((r) => {
        setReport(r);
        if (save) loadOverview();
      }, setError)
      .finally(() => setBusy(null));
  };

  const current = KINDS.find((k) => k.id === kind) ?? KINDS[0]!;
  return (
    <div className="layers-import">
      <section aria-labelledby="layers-now" className="panel">
        <h2 id="layers-now">{t('layersNow')}</h2>
        {overview === null ? (
          <p role="status">{t('loading')}</p>
        ) : !overview.exists ? (
          <p>{t('layersNone')}</p>
        ) : (
          <>
            <LayerTable counts={overview.layers} caption={t('layersNow')} />
            <p>{t('layersBusStops', { n: overview.busStops, calls: overview.calls })}</p>
            {overview.imports.length > 0 && (
              <>
                <h3>{t('layersImports')}</h3>
                <ul data-testid="layers-imports">
                  {overview.imports.map((i) => (
                    <li key={i.path}>
                      <code>{i.path}</code> — {t(KINDS.find((k) => k.id === i.kind)!.label)} —{' '}
                      {overview.sources[i.source]?.attribution ?? i.source}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="layers-import" className="panel">
        <h2 id="layers-import">{t('layersImportTitle')}</h2>
        <p className="muted">{t('hintClip')}</p>
        {/* Our own checks, announced as an alert in the UI language, rather than the browser's bubbles. */}
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            run(false);
          }}
        >
          <fieldset className="row">
            <legend>{t('layersKind')}</legend>
            {KINDS.map((k) => (
              <label key={k.id} className="check">
                <input
                  type="radio"
                  name="layers-kind"
                  checked={kind === k.id}
                  onChange={() => {
                    edit(setKind)(k.id);
                    setFiles([]);
                  }}
                />
                {t(k.label)}
              </label>
            ))}
          </fieldset>
          <p className="muted" id="layers-file-hint">
            {t(current.hint)}
          </p>
          <label>
            {t('layersFiles')}
            <input
              key={kind}
              name="layers-file"
              type="file"
              accept={current.accept}
              multiple={kind === 'gtfs'}
              required
              aria-describedby="layers-file-hint"
              onChange={(e) => edit(setFiles)([...(e.target.files ?? [])])}
            />
          </label>
          {needsSource && (
            <>
              <label>
                {t('sourceName')}
                <input value={name} required onChange={(e) => edit(setName)(e.target.value)} />
              </label>
              <label>
                {t('licence')}
                <input
                  value={licence}
                  required
                  list="layer-licences"
                  onChange={(e) => edit(setLicence)(e.target.value)}
                />
                <datalist id="layer-licences">
                  <option value="ODbL-1.0" />
                  <option value="Licence-Ouverte-2.0" />
                  <option value="CC-BY-4.0" />
                  <option value="CC0-1.0" />
                </datalist>
              </label>
              <label>
                {t('sourceAttribution')}
                <input value={attribution} required onChange={(e) => edit(setAttribution)(e.target.value)} />
              </label>
            </>
          )}
          {kind === 'geojson' && (
            <label>
              {t('defaultCategory')}
              <select value={category} onChange={(e) => edit(setCategory)(e.target.value)}>
                <option value="">{t('none')}</option>
                {CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {t(categoryKey(c))}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="submit" disabled={busy !== null || files.length === 0}>
            {busy === 'check' ? t('checking') : t('checkImport')}
          </button>
          <ErrorNote error={error} />
        </form>
      </section>

      {report && (
        <section aria-labelledby="layers-result" className="panel" data-testid="layers-result">
          <h2 id="layers-result" ref={resultHeading} tabIndex={-1}>
            {t('importResult', { file: report.path })}
          </h2>
          <p>
            {report.bounds ? t('importClipped', { bounds: report.bounds.join(', ') }) : t('importNoBounds')}
          </p>
          {report.layers.length > 0 ? (
            <LayerTable counts={report.layers} caption={t('importResult', { file: report.path })} />
          ) : (
            <p>{t('importNothing')}</p>
          )}
          {report.timetable && (
            <p data-testid="layers-timetable">
              {t('timetableSummary', {
                stops: report.timetable.stops,
                routes: report.timetable.routes,
                trips: report.timetable.trips,
                calls: report.timetable.calls,
                names: report.timetable.stopNames.join(', '),
              })}
            </p>
          )}
          <h3>{t('refusedRows', { n: report.issues.length })}</h3>
          {report.issues.length === 0 ? (
            <p>{t('noRefusedRows')}</p>
          ) : (
            <table className="assets" data-testid="layers-issues">
              <caption className="visually-hidden">{t('refusedRows', { n: report.issues.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('colFile')}</th>
                  <th scope="col">{t('colLine')}</th>
                  <th scope="col">{t('colField')}</th>
                  <th scope="col">{t('colProblem')}</th>
                  <th scope="col">{t('colOutcome')}</th>
                </tr>
              </thead>
              <tbody>
                {report.issues.map((i, n) => (
                  <tr key={n} data-code={i.code}>
                    <td>
                      <code>{i.file}</code>
                    </td>
                    <td>{i.line}</td>
                    <td>
                      <code>{i.field}</code>
                    </td>
                    <td>
                      {importIssueMessages[i.code][locale]}{' '}
                      <span className="muted" lang="en">
                        ({i.detail})
                      </span>
                    </td>
                    <td>{t(i.outcome === 'skipped' ? 'outcomeSkipped' : 'outcomeKept')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {report.saved ? (
            <p role="status" className="ok" data-testid="layers-saved">
              {t('importSaved', {
                file: report.saved.file,
                points: report.saved.points,
                bytes: formatBytes(report.saved.bytes, locale),
              })}
            </p>
          ) : (
            <button type="button" disabled={busy !== null} onClick={() => run(true)}>
              {busy === 'save' ? t('saving') : t('saveImport')}
            </button>
          )}
        </section>
      )}
    </div>
  );
}
