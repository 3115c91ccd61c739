/**
 * The demo's control panel: place documents on the simulated reader's pad and lift them off, as a
 * visitor would, to try the kiosk without hardware. Served only by the browser shell in the demo.
 */
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { PadTag } from '../common/contracts';
import type { Services } from '../common/rpc';
import { connect } from './connect';
import './styles.css';

function PadPanel({ services }: { services: Services }) {
  const [tags, setTags] = useState<PadTag[]>([]);
  useEffect(() => {
    const off = services.pad.onDidChangePad(setTags);
    void services.pad.list().then(setTags);
    return off;
  }, [services]);
  return (
    <main className="content" aria-labelledby="pad-title">
      <h1 id="pad-title">Demo pad · Platine de démonstration · Demo-lezer</h1>
      <p>Place or lift documents / Posez ou retirez des documents / Leg materialen neer of neem ze weg.</p>
      <ul className="items">
        {tags.map((tag) => (
          <li key={tag.uid} className={`item ${tag.onPad ? 'item-done' : ''}`} data-uid={tag.uid}>
            <span className="item-text">
              <strong>{tag.label}</strong>
              <span>
                {tag.uid} · {tag.onPad ? 'on pad' : 'off pad'} · {tag.secured ? 'armed' : 'disarmed'}
              </span>
            </span>
            <button
              type="button"
              className={tag.onPad ? 'secondary' : 'primary'}
              onClick={() => void (tag.onPad ? services.pad.lift(tag.uid) : services.pad.place(tag.uid))}
            >
              {tag.onPad ? `Lift ${tag.label}` : `Place ${tag.label}`}
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<PadPanel services={connect()} />);
