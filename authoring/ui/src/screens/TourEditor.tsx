import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { TourSession } from '../core/tourSession';
import type { TourFileChange } from '../core/types';
import type { MessageKey } from '../i18n';
import { useI18n } from '../i18n';
import { textIn } from './common';
import { ConflictBanner } from './ConflictBanner';
import { LayersImport } from './LayersImport';
import { MapEditor } from './MapEditor';
import { MediaLibrary } from './MediaLibrary';
import { PublishPanel } from './PublishPanel';
import { Simulator } from './Simulator';
import { StopEditor } from './StopEditor';
import { ValidationPanel } from './ValidationPanel';

const TABS: { id: string; label: MessageKey }[] = [
  { id: 'map', label: 'tabMap' },
  { id: 'stops', label: 'tabStops' },
  { id: 'media', label: 'tabMedia' },
  { id: 'layers', label: 'tabLayers' },
  { id: 'simulate', label: 'tabSimulator' },
  { id: 'publish', label: 'tabPublish' },
];

export function TourEditor({ tourId, tab, go }: { tourId: string; tab: string; go: (path: string) => void }) {
  const { t, locale } = useI18n();
  const session = useMemo(() => new TourSession(tourId), [tourId]);
  const snap = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const [selected, setSelected] = useState<string | null>(null);

  useEffect(() => {
    void session.load();
    const events = new EventSource('/api/events');
    events.addEventListener('change', (e) => {
      void session.applyExternalChange(JSON.parse((e as MessageEvent<string>).data) as TourFileChange);
    });
    return () => {
      events.close();
      session.dispose();
    };
  }, [session]);

  const focusField = (file: string, pointer: string): void => {
    const stop = /^stops\/(.+)\.json$/.exec(file)?.[1];
    if (stop) setSelected(stop);
    // Position and trigger are edited on the map; titles and blocks in the stop editor.
    const target = stop ? (/^\/(position|trigger)(\/|$)/.test(pointer) ? 'map' : 'stops') : tab;
    go(`/tour/${tourId}/${target}`);
    // The field renders after the tab switch: look for it on the next frames.
    let tries = 0;
    const find = (): void => {
      const el =
        document.getElementById(`field:${file}#${pointer}`) ?? document.getElementById(`field:${file}#`);
      if (el) el.focus();
      else if (tries++ < 20) requestAnimationFrame(find);
    };
    requestAnimationFrame(find);
  };

  if (snap.status !== 'ready' || !snap.tour) {
    return (
      <main>
        <p role={snap.status === 'error' ? 'alert' : 'status'}>{snap.error ?? t('loading')}</p>
      </main>
    );
  }
  const title = textIn(snap.tour.value.title, locale);
  const current = TABS.some((x) => x.id === tab) ? tab : 'map';
  return (
    <div className="editor">
      <nav className="editor-nav" aria-label={t('tabs')}>
        <a href="#/">{t('backToTours')}</a>
        <h1 lang={title.lang}>
          {title.text} <small className="muted">{snap.tour.value.version}</small>
        </h1>
        <ul role="tablist" aria-label={t('tabs')}>
          {TABS.map((x) => (
            <li key={x.id} role="presentation">
              <a
                role="tab"
                id={`tab-${x.id}`}
                aria-selected={current === x.id}
                aria-controls="tab-panel"
                href={`#/tour/${tourId}/${x.id}`}
              >
                {t(x.label)}
              </a>
            </li>
          ))}
        </ul>
        <p role="status" className="muted save-state">
          {snap.saving ? t('saving') : ''}
        </p>
      </nav>
      <div className="editor-body">
        <ConflictBanner session={session} snap={snap} />
        {snap.reloaded.length > 0 && (
          <p className="notice" role="status">
            {t('reloadedNotice', { file: snap.reloaded.at(-1) ?? '' })}
          </p>
        )}
        <main id="tab-panel" role="tabpanel" aria-labelledby={`tab-${current}`}>
          {current === 'map' && (
            <MapEditor session={session} snap={snap} selected={selected} setSelected={setSelected} />
          )}
          {current === 'stops' && (
            <StopEditor session={session} snap={snap} selected={selected} setSelected={setSelected} />
          )}
          {current === 'media' && <MediaLibrary session={session} snap={snap} />}
          {current === 'layers' && <LayersImport tourId={tourId} />}
          {current === 'simulate' && <Simulator session={session} snap={snap} />}
          {current === 'publish' && <PublishPanel session={session} snap={snap} />}
        </main>
        <ValidationPanel snap={snap} focusField={focusField} />
      </div>
    </div>
  );
}
