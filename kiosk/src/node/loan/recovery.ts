/**
 * Recovery and replay: the two things that make the journal's promise true.
 *
 * `recover` looks at every step a crash or a fault left unfinished and brings the tag and the loan
 * record back into agreement. Its rule is simple on purpose, so it can be checked: an unfinished
 * online step ends with the item NOT on loan and its tag ARMED (an interrupted checkout is rolled back;
 * an interrupted checkin is completed). The visitor's session was lost with the crash, and the
 * document is still on the pad, so this is also what a visitor standing there expects.
 * Offline steps are judged by the tag alone (the library system has not seen them yet).
 * A step whose tag cannot be reached, and whose tag state cannot be known, becomes `pending` and is
 * retried when the tag is next seen; the staff screen shows it.
 *
 * `replayQueue` sends the offline transactions to the library system in the order they were
 * accepted, with `no block` and their original dates, marking each one replayed only after the
 * answer: a crash in between resends it, and the library system's idempotence on
 * (patron, item, transaction date) keeps it from being applied twice.
 */
import type { Journal, RecoveryRun, Step } from '../journal/journal';
import { LibraryOffline, type LibrarySystem, type Pad } from './ports';

export interface RecoveryOutcome extends RecoveryRun {
  /** Steps left for later because the library system is offline. */
  waitingForLibrary: number;
}

export async function recover(
  journal: Journal,
  library: LibrarySystem,
  pad: Pad,
  now: () => Date = () => new Date(),
): Promise<RecoveryOutcome> {
  const run: RecoveryOutcome = {
    ranAt: now().toISOString(),
    reconciled: 0,
    rearmed: 0,
    disarmed: 0,
    pending: 0,
    errors: [],
    waitingForLibrary: 0,
  };

  /**
   * Brings every tag of the step to `secured`. 'absent' when no tag could be reached at all; 'partial'
   * when some were and others were not (a set whose parts left the pad), 'failed' on a reader error.
   */
  const setTags = async (
    step: Step,
    secured: boolean,
  ): Promise<'written' | 'unchanged' | 'absent' | 'partial' | 'failed'> => {
    let reached = 0;
    let wrote = false;
    for (const uid of step.tagUids) {
      let current: boolean | null;
      try {
        current = await pad.readSecured(uid);
      } catch (err) {
        run.errors.push(`step ${step.id}: reading tag ${uid}: ${(err as Error).message}`);
        return 'failed';
      }
      if (current === null) continue;
      reached++;
      if (current === secured) continue;
      try {
        await pad.setSecured(uid, secured);
        wrote = true;
        if (secured) run.rearmed++;
        else run.disarmed++;
      } catch (err) {
        run.errors.push(`step ${step.id}: writing tag ${uid}: ${(err as Error).message}`);
        return 'failed';
      }
    }
    if (reached === 0) return 'absent';
    if (reached < step.tagUids.length) return 'partial';
    return wrote ? 'written' : 'unchanged';
  };
  const tagsOf = (step: Step) => step.tagUids.join(' ');

  // 1. Offline steps: the tag alone decides, the library system has not been told yet.
  for (const step of journal.unfinished().filter((s) => s.mode === 'offline')) {
    const wanted = step.kind === 'checkin'; // checkin → armed; checkout → disarmed
    const touched = step.phase !== 'accepted'; // 'accepted': the tag was never written
    if (step.kind === 'checkout') {
      // Roll back an interrupted offline checkout: arm the tag and cancel its queued replay.
      const tag = await setTags(step, true);
      if (tag === 'written' || tag === 'unchanged' || (tag === 'absent' && !touched)) {
        journal.replayed(step.id, { ok: false, error: 'cancelled by recovery: checkout interrupted' });
        journal.compensated(step.id);
        run.reconciled++;
      } else {
        journal.pending(step.id, `tag ${tagsOf(step)} ${tag}; offline checkout interrupted`);
        run.pending++;
      }
    } else {
      const tag = await setTags(step, wanted);
      if (tag === 'written' || tag === 'unchanged') {
        journal.done(step.id, 'completed by recovery');
        run.reconciled++;
      } else if (tag === 'absent' && !touched) {
        journal.replayed(step.id, { ok: false, error: 'cancelled by recovery: tag never written' });
        journal.compensated(step.id);
        run.reconciled++;
      } else {
        journal.pending(step.id, `tag ${tagsOf(step)} ${tag}; offline checkin interrupted`);
        run.pending++;
      }
    }
  }

  // 2. The offline queue, so that the library system knows every loan before step 3 asks it.
  if (library.online) {
    const replay = await replayQueue(journal, library);
    run.errors.push(...replay.errors);
  }

  // 3. Online steps: make the item not on loan and its tag armed.
  for (const step of journal.unfinished().filter((s) => s.mode === 'online')) {
    let onLoan: boolean;
    try {
      onLoan = (await library.item(step.itemId)).onLoan;
    } catch (err) {
      if (err instanceof LibraryOffline) {
        run.waitingForLibrary++;
        continue;
      }
      run.errors.push(`step ${step.id}: item ${step.itemId}: ${(err as Error).message}`);
      continue;
    }
    const tagNeverWritten = step.phase === 'intended' || step.phase === 'answered';
    const tag = await setTags(step, true);
    const tagArmed =
      tag === 'written' ||
      tag === 'unchanged' ||
      // An untouched checkout tag is still armed; an untouched checkin tag is still disarmed.
      (tag === 'absent' && tagNeverWritten && step.kind === 'checkout');
    if (!tagArmed) {
      journal.pending(step.id, `tag ${tagsOf(step)} ${tag}; item ${onLoan ? 'on loan' : 'not on loan'}`);
      run.pending++;
      continue;
    }
    if (onLoan) {
      try {
        const answer = await library.checkin(step.itemId, {
          noBlock: true,
          transactionDate: now(),
          cancel: true,
        });
        if (!answer.ok) {
          journal.pending(
            step.id,
            `library system refused the rollback checkin: ${answer.refusal ?? 'no reason'}`,
          );
          run.pending++;
          continue;
        }
      } catch (err) {
        if (err instanceof LibraryOffline) {
          run.waitingForLibrary++;
          continue;
        }
        run.errors.push(`step ${step.id}: rollback checkin: ${(err as Error).message}`);
        continue;
      }
    }
    if (step.kind === 'checkin') journal.done(step.id, 'completed by recovery');
    else journal.compensated(step.id);
    run.reconciled++;
  }

  journal.recordRecovery(run);
  return run;
}

export interface ReplayOutcome {
  replayed: number;
  failed: number;
  remaining: number;
  errors: string[];
}

export async function replayQueue(journal: Journal, library: LibrarySystem): Promise<ReplayOutcome> {
  const out: ReplayOutcome = { replayed: 0, failed: 0, remaining: 0, errors: [] };
  const queue = journal.queued();
  for (const [index, step] of queue.entries()) {
    if (step.phase !== 'done') {
      // Interrupted offline steps are settled by recovery first; never replay a half-done one.
      out.remaining++;
      continue;
    }
    const replay = { noBlock: true, transactionDate: new Date(step.transactionDate) };
    try {
      if (step.kind === 'checkout') {
        if (!step.card) throw new Error('offline checkout without a card number');
        const answer = await library.checkout(step.card, step.itemId, replay);
        journal.replayed(step.id, {
          ok: answer.ok,
          ...(answer.refusal ? { error: answer.refusal } : {}),
          ...(answer.dueDate ? { dueDate: answer.dueDate } : {}),
        });
        if (answer.ok) out.replayed++;
        else out.failed++;
      } else {
        const answer = await library.checkin(step.itemId, replay);
        journal.replayed(step.id, {
          ok: answer.ok,
          ...(answer.refusal ? { error: answer.refusal } : {}),
          destination: answer.destination,
        });
        if (answer.ok) out.replayed++;
        else out.failed++;
      }
    } catch (err) {
      if (err instanceof LibraryOffline) {
        out.remaining += queue.length - index;
        break;
      }
      out.errors.push(`replay of step ${step.id}: ${(err as Error).message}`);
      out.remaining++;
    }
  }
  return out;
}
