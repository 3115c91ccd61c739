import Database from 'better-sqlite3';
import { ITEM_TYPES } from './members';

export type NetworkDb = Database.Database;

/** Tables of the embedded network. Dates are ISO-8601 UTC strings; money is in cents. */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS libraries (
  id INTEGER PRIMARY KEY, isil TEXT NOT NULL UNIQUE, name TEXT NOT NULL, municipality TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS item_types (
  code TEXT PRIMARY KEY, media_type TEXT NOT NULL, loan_days INTEGER NOT NULL, max_renewals INTEGER NOT NULL,
  floating INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS items (
  barcode TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  author TEXT NOT NULL,
  type TEXT NOT NULL REFERENCES item_types(code),
  owner INTEGER NOT NULL REFERENCES libraries(id),
  -- where the item is (or is heading, when in transit)
  location INTEGER NOT NULL REFERENCES libraries(id),
  parts INTEGER NOT NULL DEFAULT 1,
  -- available | loaned | transit | hold-shelf | lost
  status TEXT NOT NULL DEFAULT 'available'
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS patrons (
  card TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  pin_hash TEXT NOT NULL,
  home INTEGER NOT NULL REFERENCES libraries(id),
  expires TEXT NOT NULL,
  fines_cents INTEGER NOT NULL DEFAULT 0,
  card_lost INTEGER NOT NULL DEFAULT 0,
  -- SIP2 language code: 001 English, 002 French, 005 Dutch
  language TEXT NOT NULL DEFAULT '002',
  email TEXT
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS loans (
  item TEXT PRIMARY KEY REFERENCES items(barcode),
  card TEXT NOT NULL REFERENCES patrons(card),
  library INTEGER NOT NULL,
  checked_out TEXT NOT NULL,
  due TEXT NOT NULL,
  renewals INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS loans_by_card ON loans(card);
CREATE TABLE IF NOT EXISTS holds (
  id INTEGER PRIMARY KEY,
  item TEXT NOT NULL REFERENCES items(barcode),
  card TEXT NOT NULL REFERENCES patrons(card),
  pickup INTEGER NOT NULL REFERENCES libraries(id),
  placed TEXT NOT NULL,
  -- waiting | ready (on the hold shelf at pickup)
  state TEXT NOT NULL DEFAULT 'waiting'
);
CREATE INDEX IF NOT EXISTS holds_by_item ON holds(item, id);
CREATE INDEX IF NOT EXISTS holds_by_card ON holds(card);
-- Offline replays applied once: key = kind|card|item|transaction date as sent.
CREATE TABLE IF NOT EXISTS applied_transactions (
  key TEXT PRIMARY KEY, due TEXT NOT NULL, applied TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS terminals (
  login TEXT PRIMARY KEY, password_hash TEXT NOT NULL, library INTEGER NOT NULL REFERENCES libraries(id)
) WITHOUT ROWID;
`;

export function openNetworkDb(file: string): NetworkDb {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  migrate(db);
  return db;
}

/** Files seeded by earlier versions lack later columns: add them in place. */
function migrate(db: NetworkDb): void {
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(item_types)').all();
  if (!columns.some((c) => c.name === 'floating')) {
    db.exec('ALTER TABLE item_types ADD COLUMN floating INTEGER NOT NULL DEFAULT 0');
    const set = db.prepare('UPDATE item_types SET floating = 1 WHERE code = ?');
    for (const t of ITEM_TYPES) if (t.floating) set.run(t.code);
  }
}
