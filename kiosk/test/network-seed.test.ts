import { describe, expect, it } from 'vitest';
import { MEMBER_LIBRARIES, SEED_FIXTURES, openNetworkDb, seedNetwork, verifyPin } from '../src/network';

describe('seedNetwork', () => {
  it('creates the 12 member libraries, terminals, fixtures and multi-part sets, reproducibly', async () => {
    const a = openNetworkDb(':memory:');
    const b = openNetworkDb(':memory:');
    const ra = await seedNetwork(a, { items: 400, patrons: 30, seed: 42 });
    await seedNetwork(b, { items: 400, patrons: 30, seed: 42 });

    expect(a.prepare('SELECT isil FROM libraries ORDER BY id').pluck().all()).toEqual(
      MEMBER_LIBRARIES.map((l) => l.isil),
    );
    expect(MEMBER_LIBRARIES.every((l) => /^FR-\d{9}$/.test(l.isil))).toBe(true);
    expect(a.prepare('SELECT count(*) FROM terminals').pluck().get()).toBe(12);
    expect(ra.sets).toBeGreaterThan(0);
    expect(a.prepare('SELECT parts FROM items WHERE barcode = ?').pluck().get(SEED_FIXTURES.items.set)).toBe(
      3,
    );

    // Same seed, same collection (titles, owners, parts), whatever the salts of the PIN hashes.
    const items = (db: typeof a) =>
      db.prepare('SELECT barcode, title, owner, type, parts FROM items ORDER BY barcode').all();
    expect(items(b)).toEqual(items(a));

    // PINs are stored hashed and verify only with the right PIN.
    const hash = a
      .prepare('SELECT pin_hash FROM patrons WHERE card = ?')
      .pluck()
      .get(SEED_FIXTURES.patrons.elise.card) as string;
    expect(hash).toMatch(/^scrypt\$256\$4\$1\$/);
    expect(hash).not.toContain(SEED_FIXTURES.patrons.elise.pin);
    expect(verifyPin(SEED_FIXTURES.patrons.elise.pin, hash)).toBe(true);
    expect(verifyPin('9999', hash)).toBe(false);

    // Random loans never touch the fixtures.
    const fixtureItems = Object.values(SEED_FIXTURES.items);
    const onLoan = a
      .prepare(`SELECT count(*) FROM loans WHERE item IN (${fixtureItems.map(() => '?').join(',')})`)
      .pluck();
    expect(onLoan.get(...fixtureItems)).toBe(0);
    a.close();
    b.close();
  });
});
