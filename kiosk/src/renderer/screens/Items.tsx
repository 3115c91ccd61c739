import type { ItemView, KioskState } from '../../common/contracts';
import type { Services } from '../../common/rpc';
import { formatDate, messages } from '../i18n';

function describe(item: ItemView, state: KioskState): string {
  const t = messages[state.locale];
  if (item.status === 'refused' && item.refusal) {
    const base = t.refusal[item.refusal];
    return item.set && item.set.missing.length > 0
      ? `${base} ${t.missingParts(item.set.missing.join(', '))}`
      : base;
  }
  if (item.status === 'pending') return t.statusPending;
  if (item.status === 'detected') return t.statusDetected;
  if (state.mode === 'borrow') {
    if (item.offline) return t.lentOffline;
    return item.dueDate ? t.lentUntil(formatDate(item.dueDate, state.locale)) : t.returned;
  }
  const d = item.destination;
  const where =
    !d || d.kind === 'here'
      ? t.destinationHere
      : d.kind === 'transit'
        ? t.destinationTransit(d.library)
        : t.destinationHoldShelf;
  return `${t.returned}. ${where}`;
}

export function Items({ state, services }: { state: KioskState; services: Services }) {
  const t = messages[state.locale];
  const borrowing = state.mode === 'borrow';
  return (
    <section className="screen" aria-labelledby="items-title">
      <h1 id="items-title">{borrowing ? t.borrowTitle(state.patron?.name ?? '') : t.returnTitle}</h1>
      <p className="hint">{borrowing ? t.borrowHint : t.returnHint}</p>
      <p className="count" aria-live="polite">
        {t.itemsOnPad(state.items.length)}
      </p>
      <ul className="items" aria-live="polite" aria-relevant="additions text">
        {state.items.map((item) => (
          <li key={item.key} className={`item item-${item.status}`} data-item-id={item.itemId}>
            <span className="item-icon" aria-hidden="true">
              {item.status === 'done' ? '✔' : item.status === 'refused' ? '✖' : '…'}
            </span>
            <span className="item-text">
              <strong>{item.title ?? item.itemId ?? item.key}</strong>
              {item.set ? (
                <span className="item-set"> — {t.setPart(item.set.part, item.set.parts)}</span>
              ) : null}
              <span className="item-status">{describe(item, state)}</span>
            </span>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={() => void services.kiosk.finish('print')}
          disabled={state.busy}
        >
          {t.printReceipt}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => void services.kiosk.finish('none')}
          disabled={state.busy}
        >
          {t.noReceipt}
        </button>
      </div>
    </section>
  );
}
