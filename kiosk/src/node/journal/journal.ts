/**
 * The loan journal: every step of a checkout or checkin is written to SQLite (WAL, synchronous=FULL)
 * before the kiosk acts and after it learns the outcome, so that after a crash, an unplugged reader
 * or a power cut, recovery knows exactly which steps may be half done. It is also the durable queue of
 * transactions accepted while the library system was offline.
 *
 * Phases of a step (each write is one committed transaction):
 *   online:  intended → answered → securing → done
 *                     ↘ refused                ↘ compensating → compensated   (tag could not be written)
 *   offline: accepted → securing → done, with replay = queued → replayed | failed
 *   any unfinished step whose tag cannot be reached at recovery → pending (retried when the tag is seen)
 */
import Database from 'better-sqlite3';
import type { Destination } from '../../common/contracts';

export type StepKind = 'checkout' | 'checkin';
export type Phase =
  | 'intended'
  | 'accepted'
  | 'answered'
  | 'securing'
  | 'done'
  | 'refused'
  | 'compensating'
  | 'compensated'
  | 'pending';
export type ReplayState = 'queued' | 'replayed' | 'failed';

export const FINAL_PHASES: readonly Phase[] = ['done', 'refused', 'compensated'];

export interface Step {
  id: number;
  kind: StepKind;
  itemId: string;
  /** Every tag of the document: one, or each part of a set. */
  tagUids: string[];
  card: string | null;
  phase: Phase;
  mode: 'online' | 'offline';
  targetSecured: boolean | null;
  dueDate: string | null;
  destination: Destination | null;
  replay: ReplayState | null;
  replayError: string | null;
  transactionDate: string;
  updatedAt: string;
  note: string | null;
}

interface Row {
  id: number;
  kind: StepKind;
  item_id: string;
  tag_uid: string;
  card: string | null;
  phase: Phase;
  mode: 'online' | 'offline';
  target_secured: number | null;
  due_date: string | null;
  destination: string | null;
  replay: ReplayState | null;
  replay_error: string | null;
  transaction_date: string;
  updated_at: string;
  note: string | null;
}

const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS steps (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('checkout', 'checkin')),
  item_id TEXT NOT NULL,
  tag_uid TEXT NOT NULL, -- the document's tag UIDs, space-separated
  card TEXT,
  phase TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('online', 'offline')),
  target_secured INTEGER,
  due_date TEXT,
  destination TEXT,
  replay TEXT,
  replay_error TEXT,
  transaction_date TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  note TEXT
);
CREATE INDEX IF NOT EXISTS steps_unfinished ON steps (id) WHERE phase NOT IN ('done', 'refused', 'compensated');
CREATE INDEX IF NOT EXISTS steps_queued ON steps (id) WHERE replay = 'queued';
CREATE TABLE IF NOT EXISTS recovery_runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ran_at TEXT NOT NULL,
  reconciled INTEGER NOT NULL,
  rearmed INTEGER NOT NULL,
  disarmed INTEGER NOT NULL,
  pending INTEGER NOT NULL,
  errors TEXT NOT NULL
);
`;

function toStep(r: Row): Step {
  return {
    id: r.id,
    kind: r.kind,
    itemId: r.item_id,
    tagUids: r.tag_uid.split(' ').filter(Boolean),
    card: r.card,
    phase: r.phase,
    mode: r.mode,
    targetSecured: r.target_secured === null ? null : r.target_secured === 1,
    dueDate: r.due_date,
    destination: r.destination ? (JSON.parse(r.destination) as Destination) : null,
    replay: r.replay,
    replayError: r.replay_error,
    transactionDate: r.transaction_date,
    updatedAt: r.updated_at,
    note: r.note,
  };
}

export interface RecoveryRun {
  ranAt: string;
  reconciled: number;
  rearmed: number;
  disarmed: number;
  pending: number;
  errors: string[];
}

export class Journal {
  private readonly db: Database.Database;
  private readonly now: () => Date;

  constructor(
    readonly path: string,
    options: { now?: () => Date } = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    // FULL: a step reported written survives a power cut, not only a process crash.
    this.db.pragma('synchronous = FULL');
    this.db.exec(SCHEMA);
    const version = this.db.prepare("SELECT value FROM meta WHERE key = 'schema'").get() as
      { value: string } | undefined;
    if (!version) {
      this.db.prepare("INSERT INTO meta (key, value) VALUES ('schema', ?)").run(String(SCHEMA_VERSION));
    } else if (Number(version.value) > SCHEMA_VERSION) {
      throw new Error(
        `journal ${path} has schema ${version.value}, newer than this kiosk (${SCHEMA_VERSION})`,
      );
    }
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  /** Records the intent before the library system is asked (online) or the acceptance (offline). */
  begin(
    kind: StepKind,
    fields: { itemId: string; tagUids: string[]; card: string | null; mode: 'online' | 'offline'; at?: Date },
  ): number {
    const at = (fields.at ?? this.now()).toISOString();
    const offline = fields.mode === 'offline';
    const info = this.db
      .prepare(
        `INSERT INTO steps (kind, item_id, tag_uid, card, phase, mode, replay, transaction_date, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        kind,
        fields.itemId,
        fields.tagUids.join(' '),
        fields.card,
        offline ? 'accepted' : 'intended',
        fields.mode,
        offline ? 'queued' : null,
        at,
        this.stamp(),
      );
    return Number(info.lastInsertRowid);
  }

  /** Records the library system's answer. A refusal is final: the tag is left as it is. */
  answered(
    id: number,
    answer: { ok: boolean; dueDate?: string; destination?: Destination; note?: string },
  ): void {
    this.db
      .prepare(
        `UPDATE steps SET phase = ?, due_date = ?, destination = ?, note = ?, updated_at = ?,
           card = CASE WHEN ? THEN card ELSE NULL END
         WHERE id = ?`,
      )
      .run(
        answer.ok ? 'answered' : 'refused',
        answer.dueDate ?? null,
        answer.destination ? JSON.stringify(answer.destination) : null,
        answer.note ?? null,
        this.stamp(),
        answer.ok ? 1 : 0,
        id,
      );
  }

  /** Records the tag state about to be written, before the write. */
  securing(id: number, targetSecured: boolean): void {
    this.db
      .prepare('UPDATE steps SET phase = ?, target_secured = ?, updated_at = ? WHERE id = ?')
      .run('securing', targetSecured ? 1 : 0, this.stamp(), id);
  }

  /** The step is complete. The card number is kept only while an offline replay still needs it. */
  done(id: number, note?: string): void {
    this.db
      .prepare(
        `UPDATE steps SET phase = 'done', note = COALESCE(?, note), updated_at = ?,
           card = CASE WHEN replay = 'queued' THEN card ELSE NULL END
         WHERE id = ?`,
      )
      .run(note ?? null, this.stamp(), id);
  }

  compensating(id: number, reason: string): void {
    this.db
      .prepare("UPDATE steps SET phase = 'compensating', note = ?, updated_at = ? WHERE id = ?")
      .run(reason, this.stamp(), id);
  }

  compensated(id: number): void {
    this.db
      .prepare("UPDATE steps SET phase = 'compensated', card = NULL, updated_at = ? WHERE id = ?")
      .run(this.stamp(), id);
  }

  pending(id: number, reason: string): void {
    this.db
      .prepare("UPDATE steps SET phase = 'pending', note = ?, updated_at = ? WHERE id = ?")
      .run(reason, this.stamp(), id);
  }

  /** Steps that a crash or a fault may have left half done, oldest first. */
  unfinished(): Step[] {
    return (
      this.db
        .prepare("SELECT * FROM steps WHERE phase NOT IN ('done', 'refused', 'compensated') ORDER BY id")
        .all() as Row[]
    ).map(toStep);
  }

  /** Offline transactions still to be replayed, in the order they were accepted. */
  queued(): Step[] {
    return (this.db.prepare("SELECT * FROM steps WHERE replay = 'queued' ORDER BY id").all() as Row[]).map(
      toStep,
    );
  }

  get(id: number): Step | null {
    const row = this.db.prepare('SELECT * FROM steps WHERE id = ?').get(id) as Row | undefined;
    return row ? toStep(row) : null;
  }

  recent(limit = 50): Step[] {
    return (this.db.prepare('SELECT * FROM steps ORDER BY id DESC LIMIT ?').all(limit) as Row[]).map(toStep);
  }

  /** Marks an offline transaction as applied by the library system (or refused by it). */
  replayed(
    id: number,
    outcome: { ok: boolean; error?: string; dueDate?: string; destination?: Destination },
  ): void {
    this.db
      .prepare(
        `UPDATE steps SET replay = ?, replay_error = ?, due_date = COALESCE(?, due_date),
           destination = COALESCE(?, destination), card = NULL, updated_at = ?
         WHERE id = ? AND replay = 'queued'`,
      )
      .run(
        outcome.ok ? 'replayed' : 'failed',
        outcome.error ?? null,
        outcome.dueDate ?? null,
        outcome.destination ? JSON.stringify(outcome.destination) : null,
        this.stamp(),
        id,
      );
  }

  /** Offline checkouts of one card still waiting for replay (the per-patron offline limit). */
  offlineCheckouts(card: string): number {
    const row = this.db
      .prepare("SELECT COUNT(*) AS n FROM steps WHERE card = ? AND kind = 'checkout' AND replay = 'queued'")
      .get(card) as { n: number };
    return row.n;
  }

  recordRecovery(run: RecoveryRun): void {
    this.db
      .prepare(
        'INSERT INTO recovery_runs (ran_at, reconciled, rearmed, disarmed, pending, errors) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(run.ranAt, run.reconciled, run.rearmed, run.disarmed, run.pending, JSON.stringify(run.errors));
  }

  lastRecovery(): RecoveryRun | null {
    const row = this.db.prepare('SELECT * FROM recovery_runs ORDER BY id DESC LIMIT 1').get() as
      | {
          ran_at: string;
          reconciled: number;
          rearmed: number;
          disarmed: number;
          pending: number;
          errors: string;
        }
      | undefined;
    if (!row) return null;
    return {
      ranAt: row.ran_at,
      reconciled: row.reconciled,
      rearmed: row.rearmed,
      disarmed: row.disarmed,
      pending: row.pending,
      errors: JSON.parse(row.errors) as string[],
    };
  }

  close(): void {
    this.db.close();
  }
}
