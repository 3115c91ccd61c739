import { useEffect, useState } from 'react';
import type { Diagnostics, Locale, QueueEntry, RecoveryStatus } from '../../common/contracts';
import type { Services } from '../../common/rpc';
import { Keypad } from '../Keypad';
import { messages } from '../i18n';

/** Staff screen behind a PIN: reader and library-system diagnostics, the offline queue, recovery. */
export function Staff({
  locale,
  services,
  onClose,
}: {
  locale: Locale;
  services: Services;
  onClose(): void;
}) {
  const t = messages[locale];
  const [unlocked, setUnlocked] = useState(false);
  const [wrong, setWrong] = useState(false);
  const [diag, setDiag] = useState<Diagnostics | null>(null);
  const [queue, setQueue] = useState<QueueEntry[]>([]);
  const [recovery, setRecovery] = useState<RecoveryStatus | null>(null);

  useEffect(() => {
    if (!unlocked) return;
    let live = true;
    const load = async () => {
      const [d, q, r] = await Promise.all([
        services.staff.diagnostics(),
        services.staff.offlineQueue(),
        services.staff.recovery(),
      ]);
      if (live) {
        setDiag(d);
        setQueue(q);
        setRecovery(r);
      }
    };
    void load();
    const timer = setInterval(() => void load(), 2000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [unlocked, services]);

  const close = () => {
    void services.staff.lock();
    onClose();
  };

  if (!unlocked) {
    return (
      <section className="screen" aria-labelledby="staff-title">
        <h1 id="staff-title">{t.staffTitle}</h1>
        {wrong ? (
          <p role="alert" className="notice">
            {t.staffWrongPin}
          </p>
        ) : null}
        <Keypad
          label={t.staffPin}
          secret
          maxLength={12}
          submitLabel={t.confirm}
          clearLabel={t.clear}
          eraseLabel={t.erase}
          onSubmit={async (pin) => {
            const ok = await services.staff.unlock(pin).catch(() => false);
            setWrong(!ok);
            setUnlocked(ok);
          }}
        />
        <div className="actions">
          <button type="button" className="secondary" onClick={onClose}>
            {t.cancel}
          </button>
        </div>
      </section>
    );
  }
  return (
    <section className="screen staff" aria-labelledby="staff-title">
      <h1 id="staff-title">{t.staffTitle}</h1>
      {diag ? (
        <dl className="diag">
          <dt>{t.staffReader}</dt>
          <dd>
            {diag.reader.protocol} {diag.reader.port} — {diag.reader.connected ? t.connected : t.disconnected}{' '}
            — {diag.reader.tagsOnPad} tag(s){diag.reader.lastError ? ` — ${diag.reader.lastError}` : ''}
          </dd>
          <dt>{t.staffLibrary}</dt>
          <dd>
            {diag.librarySystem.host} — {diag.librarySystem.online ? t.connected : t.disconnected}
            {diag.librarySystem.roundTripMs !== null ? ` — ${diag.librarySystem.roundTripMs} ms` : ''}
          </dd>
          <dt>{t.staffJournal}</dt>
          <dd>
            {diag.journal.path} — {diag.journal.unfinished} / {diag.journal.offlineQueue}
          </dd>
        </dl>
      ) : null}
      <h2>{t.staffQueue}</h2>
      <table className="queue">
        <tbody>
          {queue.map((q) => (
            <tr key={q.id}>
              <td>{q.id}</td>
              <td>{q.kind}</td>
              <td>{q.itemId}</td>
              <td>{q.at}</td>
              <td>{q.state}</td>
              <td>{q.error ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t.staffRecovery}</h2>
      {recovery ? (
        <p>
          {recovery.ranAt ?? '—'} · {recovery.reconciled} / {recovery.rearmed} / {recovery.disarmed} /{' '}
          {recovery.pending}
          {recovery.errors.length ? ` · ${recovery.errors.join('; ')}` : ''}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="primary" onClick={() => void services.staff.replayNow()}>
          {t.staffReplay}
        </button>
        <button type="button" className="secondary" onClick={close}>
          {t.staffLock}
        </button>
      </div>
    </section>
  );
}
