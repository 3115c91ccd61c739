import { useState } from 'react';
import type { KioskState } from '../../common/contracts';
import type { Services } from '../../common/rpc';
import { formatDate, formatEuros, messages } from '../i18n';

export function Account({ state, services }: { state: KioskState; services: Services }) {
  const t = messages[state.locale];
  const [selected, setSelected] = useState<string[]>([]);
  const patron = state.patron;
  if (!patron) return null;
  const toggle = (id: string) =>
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  return (
    <section className="screen" aria-labelledby="account-title">
      <h1 id="account-title">{t.accountTitle(patron.name)}</h1>
      {patron.fines > 0 ? <p className="fines">{t.fines(formatEuros(patron.fines, state.locale))}</p> : null}
      <h2>{t.loans}</h2>
      {patron.loans.length === 0 ? (
        <p>{t.noLoans}</p>
      ) : (
        <ul className="loans">
          {patron.loans.map((loan) => (
            <li key={loan.itemId}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={selected.includes(loan.itemId)}
                  onChange={() => toggle(loan.itemId)}
                />
                <span>
                  <strong>{loan.title ?? loan.itemId}</strong>
                  {loan.dueDate ? <span> — {t.dueOn(formatDate(loan.dueDate, state.locale))}</span> : null}
                  {loan.overdue ? <span className="overdue"> — {t.overdue}</span> : null}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      <h2>{t.holds}</h2>
      {patron.holds.length === 0 ? (
        <p>{t.noHolds}</p>
      ) : (
        <ul className="holds">
          {patron.holds.map((hold, i) => (
            <li key={hold.itemId ?? i}>
              <strong>{hold.title ?? hold.itemId}</strong> — {hold.ready ? t.holdReady : t.holdWaiting}
              {hold.pickupLibrary ? ` (${hold.pickupLibrary})` : ''}
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={selected.length === 0 || state.busy}
          onClick={() => {
            void services.kiosk.renew(selected);
            setSelected([]);
          }}
        >
          {t.renewSelected}
        </button>
        <button type="button" className="secondary" onClick={() => void services.kiosk.finish('none')}>
          {t.finish}
        </button>
      </div>
    </section>
  );
}
