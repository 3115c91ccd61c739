/**
 * The hardware manager against the project's reader simulator (3M protocol, in memory, real ISO 15693
 * exchanges): tags on the pad become documents, flicker is debounced, security writes land on the tag.
 */
import { ThreeMReader, startMemorySimulator, type MemorySimulator } from '@dunkirk/rfid-driver';
import { afterEach, describe, expect, it } from 'vitest';
import { tagSpecFor } from '../../src/node/demo-pad';
import { PadManager } from '../../src/node/hardware/pad-manager';
import type { PadItem } from '../../src/node/loan/ports';

const BOOK = { uid: 'E004010000000101', label: 'Book', itemId: '3010000000001', ownerIsil: 'FR-000000001' };
const PART1 = { ...BOOK, uid: 'E004010000000102', itemId: '3010000000003', part: 1, parts: 2 };
const CARD = { ...BOOK, uid: 'E004010000000103', itemId: '29990000000001', typeOfUsage: 4 };

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(options: { pollMs?: number; goneAfterMisses?: number; maxQuietMs?: number } = {}) {
  const sim: MemorySimulator = await startMemorySimulator({ protocol: '3m', realTime: false });
  /** Moments at which the manager inventoried the pad. */
  const inventories: number[] = [];
  const manager = new PadManager({
    openReader: async () => {
      const reader = new ThreeMReader(sim.transport, { timeoutMs: 500 });
      await reader.open();
      const inventory = reader.inventory.bind(reader);
      reader.inventory = (...args) => {
        inventories.push(performance.now());
        return inventory(...args);
      };
      return reader;
    },
    pollMs: options.pollMs ?? 20,
    goneAfterMisses: options.goneAfterMisses ?? 3,
    ...(options.maxQuietMs !== undefined ? { maxQuietMs: options.maxQuietMs } : {}),
  });
  cleanups.push(async () => {
    await manager.stop();
    await sim.stop();
  });
  manager.start();
  return { sim, manager, inventories };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function nextItems(manager: PadManager, predicate: (items: PadItem[]) => boolean): Promise<PadItem[]> {
  return new Promise((resolve) => {
    if (predicate(manager.items())) return resolve(manager.items());
    const off = manager.onDidChangeItems((items) => {
      if (predicate(items)) {
        off();
        resolve(items);
      }
    });
  });
}

describe('the hardware manager', () => {
  it('reads and decodes each document placed on the pad, with its set information', async () => {
    const { sim, manager } = await setup();
    sim.pad.place(tagSpecFor(BOOK));
    sim.pad.place(tagSpecFor({ ...PART1, secured: false }));
    const items = await nextItems(manager, (i) => i.length === 2);
    expect(items).toEqual(
      expect.arrayContaining([
        {
          uid: BOOK.uid,
          itemId: BOOK.itemId,
          ownerIsil: 'FR-000000001',
          set: null,
          typeOfUsage: 1,
          secured: null,
        },
        {
          uid: PART1.uid,
          itemId: PART1.itemId,
          ownerIsil: 'FR-000000001',
          set: { part: 1, parts: 2 },
          typeOfUsage: 1,
          // Not read on detection: it costs two reader commands per tag on the visitor's time.
          secured: null,
        },
      ]),
    );
    expect(manager.connected).toBe(true);
  });

  it('tells a patron card from a document', async () => {
    const { sim, manager } = await setup();
    const card = new Promise((resolve) => manager.onDidChangeCards(resolve));
    sim.pad.place(tagSpecFor(CARD));
    await expect(card).resolves.toEqual([{ uid: CARD.uid, card: CARD.itemId }]);
    expect(manager.items()).toEqual([]);
  });

  it('does not report a lift until the tag has been missing from several inventories', async () => {
    const { sim, manager } = await setup({ pollMs: 30, goneAfterMisses: 3 });
    sim.pad.place(tagSpecFor(BOOK));
    await nextItems(manager, (i) => i.length === 1);
    let changes = 0;
    manager.onDidChangeItems(() => changes++);
    // A flicker: gone for one poll, then back.
    const state = sim.pad.get(BOOK.uid)!.state();
    sim.pad.lift(BOOK.uid);
    await new Promise((r) => setTimeout(r, 40));
    sim.pad.place({ uid: state.uid, data: state.data, afi: state.afi, eas: state.eas });
    await new Promise((r) => setTimeout(r, 150));
    expect(changes).toBe(0);
    sim.pad.lift(BOOK.uid);
    await nextItems(manager, (i) => i.length === 0);
  });

  it('disarms and re-arms a tag: AFI and EAS both change on the tag itself', async () => {
    const { sim, manager } = await setup();
    sim.pad.place(tagSpecFor(BOOK));
    await nextItems(manager, (i) => i.length === 1);
    await manager.setSecured(BOOK.uid, false);
    expect(sim.pad.get(BOOK.uid)).toMatchObject({ afi: 0xc2, eas: false });
    expect(await manager.readSecured(BOOK.uid)).toBe(false);
    await manager.setSecured(BOOK.uid, true);
    expect(sim.pad.get(BOOK.uid)).toMatchObject({ afi: 0x07, eas: true });
    expect(await manager.readSecured(BOOK.uid)).toBe(true);
  });

  it('reports a tag lifted during the write as tag-lifted, and an absent tag as unknown state', async () => {
    const { sim, manager } = await setup();
    sim.pad.place(tagSpecFor(BOOK));
    await nextItems(manager, (i) => i.length === 1);
    sim.pad.lift(BOOK.uid);
    await expect(manager.setSecured(BOOK.uid, false)).rejects.toMatchObject({ code: 'tag-lifted' });
    expect(await manager.readSecured(BOOK.uid)).toBeNull();
  });

  it('polls at a steady rate, and not between the security writes of a stack', async () => {
    const { sim, manager, inventories } = await setup({ pollMs: 100, maxQuietMs: 5000 });
    const books = [0, 1, 2, 3, 4].map((i) => ({
      ...BOOK,
      uid: `E00401000000020${i}`,
      itemId: `301000000010${i}`,
    }));
    for (const b of books) sim.pad.place(tagSpecFor(b));
    await nextItems(manager, (i) => i.length === books.length);
    const seen = inventories.length;
    // Nothing is written: the pad is inventoried again and again.
    await expect.poll(() => inventories.length, { timeout: 2000 }).toBeGreaterThanOrEqual(seen + 3);
    // A visitor's stack: each document disarmed in turn, with a short pause (the library system's answer).
    const before = inventories.length;
    for (const b of books) {
      await manager.setSecured(b.uid, false);
      await sleep(2);
    }
    expect(inventories.length).toBe(before);
    expect(books.every((b) => sim.pad.get(b.uid)?.afi === 0xc2)).toBe(true);
    // Once the writes are over, the pad is watched again: a lift is noticed.
    sim.pad.lift(books[0]!.uid);
    await nextItems(manager, (i) => i.length === books.length - 1);
    expect(inventories.length).toBeGreaterThan(before);
  });

  it('looks at an empty pad more often, so a stack put down is noticed sooner', async () => {
    const { inventories } = await setup({ pollMs: 600 }); // empty: every 200 ms
    await expect.poll(() => inventories.length, { timeout: 3000 }).toBeGreaterThanOrEqual(5);
    const gaps = inventories.slice(1, 5).map((t, i) => t - inventories[i]!);
    gaps.sort((a, b) => a - b);
    expect(gaps[1]!).toBeLessThan(450);
  });

  it('still inventories at least every maxQuietMs when writes never stop', async () => {
    const { sim, manager, inventories } = await setup({ pollMs: 20, maxQuietMs: 60 });
    sim.pad.place(tagSpecFor(BOOK));
    await nextItems(manager, (i) => i.length === 1);
    const start = performance.now();
    let secured = false;
    while (performance.now() - start < 300) {
      await manager.setSecured(BOOK.uid, secured);
      secured = !secured;
    }
    const during = inventories.filter((t) => t >= start).length;
    expect(during).toBeGreaterThanOrEqual(2); // 300 ms of writes: a look at the pad at least every 60 ms or so
  });
});
