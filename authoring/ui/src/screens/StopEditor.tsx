import { useEffect, useState } from 'react';
import { renderMarkdown } from '@dunkirk/content';
import { api } from '../core/api';
import type { SessionSnapshot, TourSession } from '../core/tourSession';
import type { BlockDoc, CellState, Locale, StopDoc, Text, TourDoc } from '../core/types';
import type { MessageKey } from '../i18n';
import { useI18n } from '../i18n';
import { ErrorNote, fieldId, textIn } from './common';

interface Props {
  session: TourSession;
  snap: SessionSnapshot;
  selected: string | null;
  setSelected: (id: string | null) => void;
}

const stateKey: Record<CellState, MessageKey> = {
  ok: 'stateOk',
  empty: 'stateEmpty',
  'missing-text': 'stateMissingText',
  'missing-media': 'stateMissingMedia',
};

const localeNames: Record<Locale, string> = { fr: 'Français', en: 'English', nl: 'Nederlands' };

/** The stop editor: titles, the stop × scenario × language matrix, and the blocks of one cell. */
export function StopEditor({ session, snap, selected, setSelected }: Props) {
  const { t, locale } = useI18n();
  const [cell, setCell] = useState<Cell>({
    scenario: snap.tour?.value.scenarios[0]?.id ?? 'common',
    locale: 'fr',
  });
  const tour = snap.tour?.value as TourDoc;
  const stopId = selected && snap.stops[selected] ? selected : tour.stops[0];
  const stop = stopId ? snap.stops[stopId] : undefined;
  return (
    <div className="stop-editor">
      <nav className="stop-list" aria-labelledby="stop-list-title">
        <h2 id="stop-list-title">{t('stopList')}</h2>
        <ol>
          {tour.stops.map((id) => {
            const s = snap.stops[id]?.value;
            const title = textIn(s?.title, locale);
            return (
              <li key={id}>
                <button
                  type="button"
                  aria-current={id === stopId ? 'true' : undefined}
                  onClick={() => setSelected(id)}
                >
                  <span lang={title.lang}>{title.text || id}</span>
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
      {stop && (
        <StopForm
          key={stop.value.id}
          stop={stop.value}
          etag={stop.etag}
          tour={tour}
          snap={snap}
          session={session}
          cell={cell}
          setCell={setCell}
        />
      )}
    </div>
  );
}

interface Cell {
  scenario: string;
  locale: Locale;
}

interface FormProps {
  stop: StopDoc;
  etag: string;
  tour: TourDoc;
  snap: SessionSnapshot;
  session: TourSession;
  cell: Cell;
  setCell: (c: Cell) => void;
}

/**
 * The draft remembers the version it started from (`base`): saving sends that ETag, so a change made
 * meanwhile on disk or by another curator is refused (412) instead of being overwritten. A change on
 * disk while the draft is clean simply reloads the form.
 */
function StopForm({ stop, etag, tour, snap, session, cell, setCell }: FormProps) {
  const { t, locale } = useI18n();
  const [base, setBase] = useState({ value: stop, etag });
  const [draft, setDraft] = useState(stop);
  useEffect(() => {
    if (etag === base.etag) return;
    const d = JSON.stringify(draft);
    if (d === JSON.stringify(base.value) || d === JSON.stringify(stop)) {
      setBase({ value: stop, etag });
      setDraft(stop);
    }
  }, [etag, stop, base, draft]);
  // "Load their version" in the conflict banner drops this draft too.
  const discarded = snap.discarded[`stops/${stop.id}.json`] ?? 0;
  const [seenDiscard, setSeenDiscard] = useState(discarded);
  if (discarded !== seenDiscard) {
    setSeenDiscard(discarded);
    setBase({ value: stop, etag });
    setDraft(stop);
  }
  const dirty = JSON.stringify(draft) !== JSON.stringify(base.value);
  const changedOnDisk = etag !== base.etag;
  const save = (): void => void session.saveStop(draft, base.etag);
  const file = `stops/${stop.id}.json`;
  const matrix = snap.report?.matrix.filter((m) => m.stop === stop.id) ?? [];
  const scenarios = [{ id: 'common', title: { fr: t('common') } as Text }, ...tour.scenarios];
  const blocks = (cell.scenario === 'common' ? draft.common : draft.scenarios[cell.scenario]) ?? [];
  const listPointer = cell.scenario === 'common' ? '/common' : `/scenarios/${cell.scenario}`;
  const images = tour.assets.filter((a) => a.mediaType.startsWith('image/'));

  const setBlocks = (next: BlockDoc[]): void =>
    setDraft(
      cell.scenario === 'common'
        ? { ...draft, common: next }
        : { ...draft, scenarios: { ...draft.scenarios, [cell.scenario]: next } },
    );
  const setBlock = (j: number, patch: Partial<BlockDoc>): void =>
    setBlocks(blocks.map((b, k) => (k === j ? ({ ...b, ...patch } as BlockDoc) : b)));
  const setText = (j: number, key: string, value: string): void => {
    const current = (blocks[j]?.[key] as Text | undefined) ?? {};
    setBlock(j, { [key]: { ...current, [cell.locale]: value } });
  };

  // Saving with Ctrl+S, as curators expect from an editor.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && e.key === 's') {
        e.preventDefault();
        save();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  });

  const textArea = (j: number, key: string, label: MessageKey, rows = 4) => {
    const text = (blocks[j]?.[key] as Text | undefined) ?? {};
    const id = fieldId(file, `${listPointer}/${j}/${key}`);
    return (
      <label className="block-field">
        {t(label)} ({cell.locale})
        <textarea
          id={id}
          lang={cell.locale}
          rows={rows}
          value={text[cell.locale] ?? ''}
          onChange={(e) => setText(j, key, e.target.value)}
        />
      </label>
    );
  };

  return (
    <form
      className="stop-form"
      aria-labelledby="stop-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      {changedOnDisk && (
        <p className="notice" role="status">
          {t('changedOnDisk')}{' '}
          <button type="button" onClick={() => (setBase({ value: stop, etag }), setDraft(stop))}>
            {t('keepTheirs')}
          </button>
        </p>
      )}
      <h2 id="stop-form-title">
        <code>{stop.id}</code>{' '}
        <span lang={textIn(draft.title, locale).lang}>{textIn(draft.title, locale).text}</span>
      </h2>
      <fieldset className="titles">
        <legend>{t('stopTitle')}</legend>
        {tour.locales.map((l) => (
          <label key={l}>
            {localeNames[l]}
            <input
              id={l === 'fr' ? fieldId(file, '/title') : fieldId(file, `/title/${l}`)}
              lang={l}
              value={draft.title[l] ?? ''}
              onChange={(e) => setDraft({ ...draft, title: { ...draft.title, [l]: e.target.value } })}
            />
          </label>
        ))}
      </fieldset>

      <table className="matrix">
        <caption>
          <strong>{t('matrix')}</strong> — {t('matrixCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('matrix')}</span>
            </th>
            {tour.locales.map((l) => (
              <th key={l} scope="col">
                {localeNames[l]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {scenarios.map((s) => {
            const title = textIn(s.title, locale);
            return (
              <tr key={s.id}>
                <th scope="row">
                  <span lang={title.lang}>{title.text}</span>
                </th>
                {tour.locales.map((l) => {
                  const m = matrix.find((x) => x.scenario === s.id && x.locale === l);
                  const state = m?.state ?? 'empty';
                  const active = cell.scenario === s.id && cell.locale === l;
                  return (
                    <td key={l} className={`cell-${state}${active ? ' active' : ''}`}>
                      <button
                        type="button"
                        aria-pressed={active}
                        data-cell={`${s.id}:${l}`}
                        onClick={() => setCell({ scenario: s.id, locale: l })}
                      >
                        {t(stateKey[state])}
                        <span className="visually-hidden">
                          {' '}
                          — {title.text}, {localeNames[l]}
                        </span>
                      </button>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>

      <section className="cell-editor" aria-labelledby="cell-title">
        <h3 id="cell-title">
          {t('editing', {
            scenario: textIn(scenarios.find((s) => s.id === cell.scenario)?.title, locale).text,
            locale: localeNames[cell.locale],
          })}
        </h3>
        {blocks.map((b, j) => (
          <div key={j} className="block">
            {b.type === 'text' && (
              <>
                {textArea(j, 'markdown', 'blockText')}
                <Preview
                  markdown={((b['markdown'] as Text | undefined) ?? {})[cell.locale] ?? ''}
                  lang={cell.locale}
                />
              </>
            )}
            {b.type === 'narration' && (
              <>
                {textArea(j, 'transcript', 'blockNarration', 6)}
                <label className="check">
                  <input
                    type="checkbox"
                    checked={b['draftVoice'] === true}
                    onChange={(e) => setBlock(j, { draftVoice: e.target.checked })}
                  />
                  {t('draftVoice')}
                </label>
                <Preview
                  markdown={((b['transcript'] as Text | undefined) ?? {})[cell.locale] ?? ''}
                  lang={cell.locale}
                />
                <DraftVoice
                  tourId={tour.id}
                  session={session}
                  stopId={stop.id}
                  list={cell.scenario}
                  index={j}
                  locale={cell.locale}
                  track={((b['tracks'] as Record<string, Track> | undefined) ?? {})[cell.locale]}
                  disabled={dirty}
                />
              </>
            )}
            {b.type === 'image' && (
              <>
                <label className="block-field">
                  {t('chooseImage')}
                  <select
                    id={fieldId(file, `${listPointer}/${j}/image`)}
                    value={String(b['image'] ?? '')}
                    onChange={(e) => setBlock(j, { image: e.target.value })}
                  >
                    <option value="">{t('none')}</option>
                    {images.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.id}
                      </option>
                    ))}
                  </select>
                </label>
                {typeof b['image'] === 'string' && b['image'] && (
                  <img
                    className="thumb"
                    src={api.mediaUrl(tour.id, b['image'])}
                    alt={((b['alt'] as Text | undefined) ?? {})[cell.locale] ?? ''}
                  />
                )}
                {textArea(j, 'alt', 'alt', 2)}
                {textArea(j, 'caption', 'caption', 2)}
              </>
            )}
            {!['text', 'narration', 'image'].includes(b.type) && (
              <p className="muted">{t('blockOther', { type: b.type })}</p>
            )}
            <button
              type="button"
              className="link danger"
              onClick={() => setBlocks(blocks.filter((_, k) => k !== j))}
            >
              {t('removeBlock')}
            </button>
          </div>
        ))}
        <div className="row">
          <button
            type="button"
            onClick={() => setBlocks([...blocks, { type: 'text', markdown: { [cell.locale]: '' } }])}
          >
            {t('addText')}
          </button>
          <button
            type="button"
            onClick={() =>
              setBlocks([
                ...blocks,
                { type: 'narration', tracks: {}, transcript: { [cell.locale]: '' }, draftVoice: true },
              ])
            }
          >
            {t('addNarration')}
          </button>
          <button
            type="button"
            onClick={() =>
              setBlocks([
                ...blocks,
                { type: 'image', image: images[0]?.id ?? '', alt: { [cell.locale]: '' } },
              ])
            }
          >
            {t('addImage')}
          </button>
        </div>
      </section>
      <div className="row sticky-save">
        <button type="submit" className="primary" disabled={!dirty}>
          {t('save')}
        </button>
        <span role="status" className="muted">
          {dirty ? '' : t('saved')}
        </span>
      </div>
      <MissingReport snap={snap} stopId={stop.id} />
    </form>
  );
}

/** Rendered with the format library's safe Markdown: HTML and scripts in a text stay inert. */
function Preview({ markdown, lang }: { markdown: string; lang: Locale }) {
  const { t } = useI18n();
  if (!markdown.trim()) return null;
  return (
    <div className="preview" aria-label={t('preview')} role="group">
      <div lang={lang} dangerouslySetInnerHTML={{ __html: renderMarkdown(markdown) }} />
    </div>
  );
}

function MissingReport({ snap, stopId }: { snap: SessionSnapshot; stopId: string }) {
  const { t } = useI18n();
  const file = `stops/${stopId}.json`;
  const texts = snap.report?.missingTranslations.filter((m) => m.file === file) ?? [];
  const media = snap.report?.missingMedia.filter((m) => m.file === file) ?? [];
  return (
    <section className="missing-report" aria-labelledby="missing-title">
      <h3 id="missing-title">{t('missingReport')}</h3>
      {texts.length === 0 && media.length === 0 ? (
        <p className="ok">{t('missingNone')}</p>
      ) : (
        <ul>
          {texts.map((m) => (
            <li key={m.pointer} data-missing={m.missing.join(',')}>
              <code>{m.pointer || '/'}</code> — {t('missingIn', { locales: m.missing.join(', ') })}
            </li>
          ))}
          {media.map((m, i) => (
            <li key={`m${i}`}>
              <code>{m.pointer}</code> — {m.kind} {m.locale ?? ''} {m.asset ?? ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface Track {
  audio: string;
  captions: string;
  durationS: number;
}

/** Draft voice of one narration in one language (espeak-ng), its player, and its editable captions. */
function DraftVoice(props: {
  tourId: string;
  session: TourSession;
  stopId: string;
  list: string;
  index: number;
  locale: Locale;
  track: Track | undefined;
  disabled: boolean;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const { track } = props;
  return (
    <div className="draft-voice">
      <button
        type="button"
        disabled={busy || props.disabled}
        onClick={() => {
          setBusy(true);
          setError(null);
          api
            .draftNarration(props.tourId, {
              stop: props.stopId,
              list: props.list,
              block: props.index,
              locale: props.locale,
            })
            .then(() => props.session.load(), setError)
            .finally(() => setBusy(false));
        }}
      >
        {busy ? t('synthesising') : t('makeDraftVoice', { locale: props.locale })}
      </button>
      {props.disabled && <span className="muted"> {t('saveFirst')}</span>}
      <ErrorNote error={error} />
      {track && (
        <>
          <audio controls src={api.mediaUrl(props.tourId, track.audio)} aria-label={t('listen')} />
          <CaptionsEditor
            key={track.captions}
            tourId={props.tourId}
            file={track.captions}
            locale={props.locale}
          />
        </>
      )}
    </div>
  );
}

function CaptionsEditor({ tourId, file, locale }: { tourId: string; file: string; locale: Locale }) {
  const { t } = useI18n();
  const [doc, setDoc] = useState<{ value: string; etag: string } | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    api.readText(tourId, file).then((d) => (setDoc(d), setText(d.value)), setError);
  }, [tourId, file]);
  if (!doc) return <ErrorNote error={error} />;
  return (
    <div className="captions">
      <label className="block-field">
        {t('captions')} ({locale})
        <textarea
          rows={5}
          lang={locale}
          value={text}
          onChange={(e) => (setText(e.target.value), setSaved(false))}
        />
      </label>
      <button
        type="button"
        disabled={text === doc.value}
        onClick={() => {
          setError(null);
          api
            .writeText(tourId, file, text, doc.etag)
            .then((etag) => (setDoc({ value: text, etag }), setSaved(true)), setError);
        }}
      >
        {t('saveCaptions')}
      </button>
      {saved && <span role="status"> {t('saved')}</span>}
      <ErrorNote error={error} />
    </div>
  );
}
