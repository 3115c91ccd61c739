import { ITEM_TYPES, MEMBER_LIBRARIES, POLICY } from './members';
import { SEED_PIN_COST, hashPin, type PinCost } from './pin';
import type { NetworkDb } from './schema';

/**
 * Known records every seed contains, whatever its size, so that tests, the demo and
 * staff trying the kiosk have readers and documents to use. Random records never touch
 * the first 20 barcodes of a library, nor these cards.
 */
export const SEED_FIXTURES = {
  terminalPassword: 'balises',
  patrons: {
    /** French reader, home B!B, in good standing. */
    elise: { card: '29990000000001', pin: '1234', name: 'Élise Vandamme', language: '002' },
    /** Dutch-speaking reader, home Bray-Dunes; holds item `held`. */
    jan: { card: '29990000000002', pin: '2345', name: 'Jan Verstraete', language: '005' },
    /** Fines of 15,50 € (over the 10 € threshold): loans refused. */
    fined: { card: '29990000000003', pin: '3456', name: 'Gaëlle Dewaele', language: '002' },
    /** Card expired: loans refused. */
    expired: { card: '29990000000004', pin: '4567', name: 'Benoît Lefebvre', language: '002' },
    /** English-speaking visitor. */
    visitor: { card: '29990000000005', pin: '5678', name: 'Olivia Brown', language: '001' },
  },
  items: {
    /** Book owned by the B!B (library 1), available. */
    book: '3010000000001',
    /** Owned by the B!B, on hold for `jan` with pickup at the B!B. */
    held: '3010000000002',
    /** Three-part DVD set owned by the B!B. */
    set: '3010000000003',
    /** Book owned by Grande-Synthe (library 2), available. */
    grandeSynthe: '3020000000001',
    /** Second B!B book for renew scenarios. */
    book2: '3010000000004',
  },
} as const;

export interface SeedOptions {
  items: number;
  patrons: number;
  /** PRNG seed: the same seed gives the same network. */
  seed?: number;
  pinCost?: PinCost;
  /** "Now" for loan and expiry dates. */
  now?: Date;
  log?: (line: string) => void;
}

export interface SeedReport {
  items: number;
  patrons: number;
  loans: number;
  holds: number;
  sets: number;
  millis: number;
}

/** Small, fast PRNG (mulberry32): reproducible seeds without crypto cost. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = [
  'La mer du Nord',
  'Les dunes',
  'Le port',
  'La plage de Malo',
  'Le beffroi',
  'Les quais',
  'Le phare',
  'Le carnaval',
  'La digue',
  'Les bateaux',
  'Le vent d’ouest',
  'Les goélands',
  'L’écluse',
  'Le canal de Bourbourg',
  'La Flandre',
  'Les marées',
  'Le fort des Dunes',
  'La côte d’Opale',
  'Les brumes',
  'L’estran',
  'Les pêcheurs d’Islande',
  'Le môle',
];
const QUALIFIERS = [
  'en hiver',
  'à marée basse',
  'sous la pluie',
  'des origines à nos jours',
  'racontée aux enfants',
  'et ses secrets',
  'pas à pas',
  'au fil des saisons',
  'en 100 questions',
  'et l’été 1940',
  'vue du ciel',
  'en cuisine',
  'pour les curieux',
];
const FIRST = [
  'Marie',
  'Élise',
  'Jean',
  'Hélène',
  'Benoît',
  'Zoé',
  'Lucas',
  'Anaïs',
  'Gaëlle',
  'Théo',
  'Maëlle',
  'François',
  'Jan',
  'Noémie',
];
const LAST = [
  'Vandamme',
  'Verstraete',
  'Dewaele',
  'Lefebvre',
  'Vanhove',
  'Decool',
  'Brasseur',
  'Delattre',
  'Wemaere',
  'Dequidt',
  'Bonte',
  'Vermersch',
  'Beun',
  'Hochart',
];

export const itemBarcode = (library: number, seq: number): string =>
  `3${String(library).padStart(2, '0')}${String(seq).padStart(10, '0')}`;
const cardNumber = (n: number): string => `2999${String(n).padStart(10, '0')}`;
const iso = (d: Date): string => d.toISOString();
const DAY = 86_400_000;

/**
 * Fills an empty network database. Prepared statements inside one transaction per table;
 * PIN hashes run on the thread pool while the items are inserted.
 */
export async function seedNetwork(db: NetworkDb, opts: SeedOptions): Promise<SeedReport> {
  const started = performance.now();
  const rnd = prng(opts.seed ?? 1940);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const now = opts.now ?? new Date();
  const cost = opts.pinCost ?? SEED_PIN_COST;
  const log = opts.log ?? (() => {});
  const fixtures = Object.values(SEED_FIXTURES.patrons);
  const patronCount = Math.max(opts.patrons, fixtures.length);

  // Start hashing now; the thread pool works while the main thread inserts items.
  const pins: string[] = [];
  const hashes: Promise<string>[] = [];
  for (let i = 1; i <= patronCount; i++) {
    const pin = fixtures[i - 1]?.pin ?? String(Math.floor(rnd() * 10000)).padStart(4, '0');
    pins.push(pin);
    hashes.push(hashPin(pin, cost));
  }
  const terminalHash = hashPin(SEED_FIXTURES.terminalPassword, cost);

  db.transaction(() => {
    const lib = db.prepare('INSERT INTO libraries (id, isil, name, municipality) VALUES (?, ?, ?, ?)');
    for (const l of MEMBER_LIBRARIES) lib.run(l.id, l.isil, l.name, l.municipality);
    const type = db.prepare(
      'INSERT INTO item_types (code, media_type, loan_days, max_renewals, floating) VALUES (?, ?, ?, ?, ?)',
    );
    for (const t of ITEM_TYPES) type.run(t.code, t.mediaType, t.loanDays, t.maxRenewals, t.floating ? 1 : 0);
  })();

  // Items: split by library weight, barcodes in ascending order (fast B-tree appends).
  const totalWeight = MEMBER_LIBRARIES.reduce((n, l) => n + l.weight, 0);
  const typeTable: (typeof ITEM_TYPES)[number][] = ITEM_TYPES.flatMap((t) =>
    Array<(typeof ITEM_TYPES)[number]>(t.share).fill(t),
  );
  const perLibrary = MEMBER_LIBRARIES.map((l) =>
    Math.max(30, Math.round((opts.items * l.weight) / totalWeight)),
  );
  let items = 0;
  let sets = 0;
  db.transaction(() => {
    const ins = db.prepare(
      'INSERT INTO items (barcode, title, author, type, owner, location, parts) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    MEMBER_LIBRARIES.forEach((l, li) => {
      for (let seq = 1; seq <= perLibrary[li]!; seq++) {
        const t = typeTable[Math.floor(rnd() * typeTable.length)]!;
        const parts = t.maxParts > 1 && rnd() < 0.3 ? 2 + Math.floor(rnd() * (t.maxParts - 1)) : 1;
        if (parts > 1) sets++;
        const title =
          parts > 1
            ? `${pick(SUBJECTS)} ${pick(QUALIFIERS)} (coffret, ${parts} parties)`
            : `${pick(SUBJECTS)} ${pick(QUALIFIERS)}`;
        ins.run(itemBarcode(l.id, seq), title, `${pick(FIRST)} ${pick(LAST)}`, t.code, l.id, l.id, parts);
        items++;
      }
    });
    const fix = db.prepare('UPDATE items SET title = ?, type = ?, parts = ? WHERE barcode = ?');
    fix.run('Les Dunes de Zuydcoote : récit', 'livre', 1, SEED_FIXTURES.items.book);
    fix.run('La poche de Dunkerque, mai-juin 1940', 'livre', 1, SEED_FIXTURES.items.held);
    fix.run('Coffret Opération Dynamo (3 DVD)', 'dvd', 3, SEED_FIXTURES.items.set);
    fix.run('Grande-Synthe, ville jardin', 'livre', 1, SEED_FIXTURES.items.grandeSynthe);
    fix.run('Le beffroi de Saint-Éloi', 'livre', 1, SEED_FIXTURES.items.book2);
  })();
  log(`items: ${items} (${sets} multi-part sets) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const pinHashes = await Promise.all(hashes);
  const termHash = await terminalHash;
  log(`PIN hashes ready at ${((performance.now() - started) / 1000).toFixed(1)} s`);

  let loans = 0;
  let holds = 0;
  db.transaction(() => {
    const ins = db.prepare(
      'INSERT INTO patrons (card, name, pin_hash, home, expires, fines_cents, language, email) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (let i = 1; i <= patronCount; i++) {
      const f = fixtures[i - 1];
      const home = f ? (i === 2 ? 10 : 1) : pick(MEMBER_LIBRARIES).id;
      const expired = f ? i === 4 : rnd() < 0.05;
      const expires = new Date(now.getTime() + (expired ? -30 : 30 + Math.floor(rnd() * 330)) * DAY);
      const fines = f
        ? i === 3
          ? 1550
          : 0
        : rnd() < 0.03
          ? POLICY.fineBlockCents + Math.floor(rnd() * 2000)
          : rnd() < 0.1
            ? Math.floor(rnd() * 600)
            : 0;
      const name = f?.name ?? `${pick(FIRST)} ${pick(LAST)}`;
      const language = f?.language ?? (rnd() < 0.9 ? '002' : rnd() < 0.5 ? '005' : '001');
      ins.run(cardNumber(i), name, pinHashes[i - 1], home, iso(expires), fines, language, null);
    }
    const term = db.prepare('INSERT INTO terminals (login, password_hash, library) VALUES (?, ?, ?)');
    for (const l of MEMBER_LIBRARIES) term.run(`kiosk-${String(l.id).padStart(2, '0')}`, termHash, l.id);

    // About 8 % of the collection on loan, some overdue; never the fixtures' items or cards.
    const loan = db.prepare(
      'INSERT OR IGNORE INTO loans (item, card, library, checked_out, due, renewals) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const mark = db.prepare("UPDATE items SET status = 'loaned' WHERE barcode = ?");
    const randomCard = () =>
      cardNumber(fixtures.length + 1 + Math.floor(rnd() * Math.max(1, patronCount - fixtures.length)));
    const randomItem = () => {
      const li = Math.floor(rnd() * MEMBER_LIBRARIES.length);
      return itemBarcode(
        MEMBER_LIBRARIES[li]!.id,
        21 + Math.floor(rnd() * Math.max(1, perLibrary[li]! - 20)),
      );
    };
    if (patronCount > fixtures.length) {
      const target = Math.floor(items * 0.08);
      for (let i = 0; i < target; i++) {
        const item = randomItem();
        const out = new Date(now.getTime() - Math.floor(rnd() * 40) * DAY);
        const r = loan.run(
          item,
          randomCard(),
          pick(MEMBER_LIBRARIES).id,
          iso(out),
          iso(new Date(out.getTime() + 28 * DAY)),
          0,
        );
        if (r.changes > 0) {
          mark.run(item);
          loans++;
        }
      }
      const hold = db.prepare('INSERT INTO holds (item, card, pickup, placed) VALUES (?, ?, ?, ?)');
      for (let i = 0; i < Math.floor(patronCount * 0.07); i++) {
        hold.run(randomItem(), randomCard(), pick(MEMBER_LIBRARIES).id, iso(now));
        holds++;
      }
    }
    db.prepare('INSERT INTO holds (item, card, pickup, placed) VALUES (?, ?, 1, ?)').run(
      SEED_FIXTURES.items.held,
      SEED_FIXTURES.patrons.jan.card,
      iso(now),
    );
    holds++;
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  const report = {
    items,
    patrons: patronCount,
    loans,
    holds,
    sets,
    millis: Math.round(performance.now() - started),
  };
  log(
    `seeded ${report.items} items, ${report.patrons} patrons, ${report.loans} loans, ${report.holds} holds in ${(report.millis / 1000).toFixed(1)} s`,
  );
  return report;
}
