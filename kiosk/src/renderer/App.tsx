import { useEffect, useRef, useState } from 'react';
import type { KioskState, Locale } from '../common/contracts';
import type { Services } from '../common/rpc';
import { Keypad } from './Keypad';
import { messages } from './i18n';
import { Account } from './screens/Account';
import { Items } from './screens/Items';
import { Staff } from './screens/Staff';
import { play } from './sounds';

const LOCALES: Locale[] = ['fr', 'en', 'nl'];

/** Sounds follow what changed: an item lent or refused, a refusal notice, the idle warning. */
function useCues(state: KioskState | null) {
  const previous = useRef<KioskState | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = state;
    if (!state || !before) return;
    const doneBefore = before.items.filter((i) => i.status === 'done').length;
    const refusedBefore = before.items.filter((i) => i.status === 'refused').length;
    if (state.items.filter((i) => i.status === 'refused').length > refusedBefore) play('refusal');
    else if (state.items.filter((i) => i.status === 'done').length > doneBefore) play('success');
    if (state.notice && state.notice !== before.notice && state.notice.code !== before.notice?.code)
      play('refusal');
    if (state.idle.warning && !before.idle.warning) play('warning');
  }, [state]);
}

export function App({ services }: { services: Services }) {
  const [state, setState] = useState<KioskState | null>(null);
  const [staff, setStaff] = useState(false);
  useEffect(() => {
    const off = services.kiosk.onDidChangeState(setState);
    void services.kiosk.getState().then(setState);
    return off;
  }, [services]);
  useCues(state);
  useEffect(() => {
    if (state) document.documentElement.lang = state.locale;
  }, [state]);

  if (!state) return <main className="kiosk" aria-busy="true" />;
  const t = messages[state.locale];

  return (
    <div className="kiosk" data-screen={staff ? 'staff' : state.screen}>
      <header className="topbar">
        <span className="library">{state.library.name}</span>
        <nav aria-label="Langue / Language / Taal" className="languages">
          {LOCALES.map((l) => (
            <button
              key={l}
              type="button"
              lang={l}
              aria-pressed={state.locale === l}
              onClick={() => void services.kiosk.setLocale(l)}
            >
              {messages[l].languageName}
            </button>
          ))}
        </nav>
      </header>
      {!state.online ? (
        <p className="banner banner-offline" role="status">
          {t.offlineBanner}
        </p>
      ) : null}
      <main className="content">
        {staff ? (
          <Staff locale={state.locale} services={services} onClose={() => setStaff(false)} />
        ) : !state.readerConnected ? (
          <section className="screen" aria-labelledby="oos-title">
            <h1 id="oos-title">{t.outOfService}</h1>
            <p>{t.readerOffline}</p>
          </section>
        ) : (
          <Screen state={state} services={services} />
        )}
        {state.notice && !staff ? (
          <p className="notice" role="alert">
            {t.refusal[state.notice.code]}
            {state.notice.params.attemptsLeft ? ` (${state.notice.params.attemptsLeft})` : ''}
          </p>
        ) : null}
        {state.busy ? (
          <p className="busy" role="status">
            {t.busy}
          </p>
        ) : null}
      </main>
      <footer className="footer">
        {state.screen !== 'welcome' && !staff ? (
          <button type="button" className="secondary" onClick={() => void services.kiosk.cancel()}>
            {t.cancel}
          </button>
        ) : (
          <span />
        )}
        {!staff ? (
          <button type="button" className="staff-link" onClick={() => setStaff(true)}>
            {t.staff}
          </button>
        ) : null}
      </footer>
      {state.idle.warning && !staff ? (
        <div className="overlay">
          <div
            role="alertdialog"
            aria-modal="true"
            aria-labelledby="idle-title"
            aria-describedby="idle-body"
            className="dialog"
          >
            <h2 id="idle-title">{t.idleTitle}</h2>
            <p id="idle-body">{t.idleBody(state.idle.secondsLeft)}</p>
            <button
              type="button"
              className="primary"
              autoFocus
              onClick={() => void services.kiosk.stillHere()}
            >
              {t.stillHere}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

function Screen({ state, services }: { state: KioskState; services: Services }) {
  const t = messages[state.locale];
  switch (state.screen) {
    case 'welcome':
      return (
        <section className="screen" aria-labelledby="welcome-title">
          <h1 id="welcome-title">{t.welcomeTitle}</h1>
          <p className="hint">{t.welcomeHint}</p>
          <div className="choices">
            <button type="button" className="choice" onClick={() => void services.kiosk.begin('borrow')}>
              {t.borrow}
            </button>
            <button type="button" className="choice" onClick={() => void services.kiosk.begin('return')}>
              {t.return}
            </button>
            <button type="button" className="choice" onClick={() => void services.kiosk.begin('account')}>
              {t.account}
            </button>
          </div>
        </section>
      );
    case 'identify':
      return (
        <section className="screen" aria-labelledby="identify-title">
          <h1 id="identify-title">{t.identifyTitle}</h1>
          <p className="hint">{t.identifyHint}</p>
          <Keypad
            label={t.cardLabel}
            maxLength={20}
            submitLabel={t.confirm}
            clearLabel={t.clear}
            eraseLabel={t.erase}
            disabled={state.busy}
            onSubmit={(card) => void services.kiosk.identify({ card })}
          />
        </section>
      );
    case 'pin':
      return (
        <section className="screen" aria-labelledby="pin-title">
          <h1 id="pin-title">{t.pinTitle}</h1>
          <p className="hint">{t.pinHint}</p>
          <Keypad
            label={t.pinLabel}
            secret
            maxLength={8}
            submitLabel={t.confirm}
            clearLabel={t.clear}
            eraseLabel={t.erase}
            disabled={state.busy}
            onSubmit={(pin) => void services.kiosk.enterPin(pin)}
          />
        </section>
      );
    case 'borrow':
    case 'return':
      return <Items state={state} services={services} />;
    case 'account':
      return <Account state={state} services={services} />;
    case 'receipt':
      return (
        <section className="screen" aria-labelledby="receipt-title">
          <h1 id="receipt-title">{t.receiptTitle}</h1>
          <p>
            {state.receipt === 'printed'
              ? t.receiptPrinted
              : state.receipt === 'printer-unavailable'
                ? t.receiptUnavailable
                : t.receiptNone}
          </p>
        </section>
      );
    case 'out-of-service':
      return (
        <section className="screen" aria-labelledby="oos-title">
          <h1 id="oos-title">{t.outOfService}</h1>
        </section>
      );
  }
}
