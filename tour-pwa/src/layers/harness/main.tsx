/**
 * A page that shows the layers components alone, for the Chromium test and for trying them by hand
 * until the app's map and list views embed them. Query: `?lang=fr|en|nl&now=<ISO instant>&at=<lon>,<lat>`.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import layersJson from '../../../../content/tours/dunkirk-port-mole/layers/layers.json';
import { parseLayers } from '@dunkirk/content';
import { createLayersView } from '../layersView';
import { LayersPanel } from '../LayersPanel';
import { LibraryLinks } from '../LibraryLinks';
import { centreTarget } from '../targets';
import type { LayersLocale } from '../messages';
import { useOnline } from '../useOnline';

const query = new URLSearchParams(location.search);
const locale = (['fr', 'en', 'nl'].find((l) => l === query.get('lang')) ?? 'en') as LayersLocale;
document.documentElement.lang = locale;
const now = new Date(query.get('now') ?? Date.now());
const at = query.get('at')?.split(',').map(Number);
const position = at && at.length === 2 && at.every(Number.isFinite) ? (at as [number, number]) : undefined;

// The document is checked exactly as the app checks it after download.
const doc = parseLayers(layersJson);
const view = createLayersView();

function Harness() {
  const online = useOnline();
  return (
    <>
      <LayersPanel
        doc={doc}
        view={view}
        locale={locale}
        now={now}
        online={online}
        targets={[centreTarget]}
        {...(position && { position })}
      />
      {doc.library && (
        <LibraryLinks library={doc.library} stopId="bastion-32" locale={locale} online={online} />
      )}
    </>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Harness />
  </StrictMode>,
);
