import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Journal } from '../../src/node/journal/journal';
import {
  CRASH_POINTS,
  defaultSessionConfig,
  LoanSession,
  type CrashPoint,
  type SessionConfig,
} from '../../src/node/loan/session';
import { disagreements, FakeLibrary, FakePad } from './fakes';

const config: SessionConfig = {
  ...defaultSessionConfig,
  library: { name: 'Médiathèque de Dunkerque', isil: 'FR-LOCAL' },
  networkIsils: ['FR-LOCAL', 'FR-OTHER'],
};

const CARD = '29000000000017';

function world() {
  const library = new FakeLibrary('FR-LOCAL').addPatron(CARD).addPatron('29000000000099', { pin: '4321' });
  const pad = new FakePad();
  const journal = new Journal(join(mkdtempSync(join(tmpdir(), 'kiosk-journal-')), 'journal.db'));
  return { library, pad, journal };
}

type World = ReturnType<typeof world>;

async function session(w: World, extra: Partial<SessionConfig> = {}, crashPoint?: (p: CrashPoint) => void) {
  const s = new LoanSession({ ...w, config: { ...config, ...extra }, ...(crashPoint ? { crashPoint } : {}) });
  await s.start();
  return s;
}

async function settle(s: LoanSession) {
  // Pad events and journal work run on the session's queue; let it drain.
  for (let i = 0; i < 5; i++) {
    await s.idle();
    await Promise.resolve();
  }
}

describe('a visitor borrows', () => {
  it('lends every item placed on the pad and disarms exactly those', async () => {
    const w = world();
    w.library.addItem('A1').addItem('A2');
    w.pad.addTag('E004010000000001', 'A1').addTag('E004010000000002', 'A2');
    const s = await session(w);
    await s.begin('borrow');
    await s.identify({ card: CARD });
    expect(s.snapshot().screen).toBe('borrow');
    w.pad.place('E004010000000001', 'E004010000000002');
    await settle(s);
    const state = s.snapshot();
    expect(state.items.map((i) => [i.itemId, i.status])).toEqual([
      ['A1', 'done'],
      ['A2', 'done'],
    ]);
    expect(state.items[0]?.dueDate).toBe('2026-12-17T00:00:00.000Z');
    expect(w.library.items.get('A1')?.onLoanTo).toBe(CARD);
    expect(w.pad.tags.get('E004010000000001')?.secured).toBe(false);
    expect(disagreements(w.library, w.pad)).toEqual([]);
    expect(w.journal.unfinished()).toEqual([]);
  });

  it('shows the whole stack at once, then asks about the next document while the previous one is disarmed', async () => {
    const w = world();
    const ids = ['A1', 'A2', 'A3', 'A4'];
    ids.forEach((id, i) => {
      w.library.addItem(id);
      w.pad.addTag(`E00401000000001${i}`, id);
    });
    // Tag writes wait for the test to release them, one at a time.
    const releases: (() => void)[] = [];
    const write = w.pad.setSecured.bind(w.pad);
    w.pad.setSecured = async (uid, secured) => {
      await new Promise<void>((r) => releases.push(r));
      return write(uid, secured);
    };
    const s = await session(w);
    await s.begin('borrow');
    await s.identify({ card: CARD });
    const seen: string[][] = [];
    s.onDidChangeState((st) => seen.push(st.items.map((i) => `${i.itemId}:${i.status}`)));
    w.pad.place(...ids.map((_, i) => `E00401000000001${i}`));
    // Two in flight: A1 and A2 lent and waiting for their tags (the real pad writes one at a time), A3 not asked.
    await vi.waitFor(() => expect(releases).toHaveLength(2));
    expect(w.library.applied).toEqual([`checkout A1 ${CARD}`, `checkout A2 ${CARD}`]);
    // Every document was on screen before the first was lent.
    expect(seen.find((items) => items.length > 0)).toEqual([
      'A1:pending',
      'A2:pending',
      'A3:detected',
      'A4:detected',
    ]);
    for (let n = 0; n < 4; n++) {
      await vi.waitFor(() => expect(releases.length).toBeGreaterThan(n));
      releases[n]!();
    }
    await settle(s);
    expect(s.snapshot().items.map((i) => i.status)).toEqual(['done', 'done', 'done', 'done']);
    expect(w.library.applied).toEqual(ids.map((id) => `checkout ${id} ${CARD}`));
    expect(w.pad.writes).toEqual(ids.map((_, i) => `E00401000000001${i}=disarmed`));
    expect(disagreements(w.library, w.pad)).toEqual([]);
    expect(w.journal.unfinished()).toEqual([]);
  });

  it('refuses an item on hold for someone else and leaves it armed', async () => {
    const w = world();
    w.library.addItem('H1', { holdFor: '29000000000042' }).addItem('B1');
    w.pad.addTag('E004010000000011', 'H1').addTag('E004010000000012', 'B1');
    const s = await session(w);
    await s.begin('borrow');
    await s.identify({ card: CARD });
    w.pad.place('E004010000000011', 'E004010000000012');
    await settle(s);
    const items = s.snapshot().items;
    expect(items.find((i) => i.itemId === 'H1')).toMatchObject({
      status: 'refused',
      refusal: 'item-on-hold-for-other',
    });
    expect(items.find((i) => i.itemId === 'B1')).toMatchObject({ status: 'done' });
    expect(w.pad.tags.get('E004010000000011')?.secured).toBe(true);
    expect(disagreements(w.library, w.pad)).toEqual([]);
  });

  it('lends a two-part set only when both parts are on the pad, and names the missing part', async () => {
    const w = world();
    w.library.addItem('SET1');
    w.pad
      .addTag('E004010000000021', 'SET1', { set: { part: 1, parts: 2 } })
      .addTag('E004010000000022', 'SET1', { set: { part: 2, parts: 2 } });
    const s = await session(w);
    await s.begin('borrow');
    await s.identify({ card: CARD });
    w.pad.place('E004010000000021');
    await settle(s);
    expect(s.snapshot().items[0]).toMatchObject({
      status: 'refused',
      refusal: 'set-incomplete',
      set: { missing: [2] },
    });
    await s.finish('none');
    expect(s.snapshot().notice).toMatchObject({ code: 'set-incomplete', params: { missing: '2' } });
    expect(s.snapshot().screen).toBe('borrow');
    w.pad.place('E004010000000022');
    await settle(s);
    expect(s.snapshot().items[0]).toMatchObject({ itemId: 'SET1', status: 'done', set: { missing: [] } });
    expect(w.pad.tags.get('E004010000000021')?.secured).toBe(false);
    expect(w.pad.tags.get('E004010000000022')?.secured).toBe(false);
    expect(w.library.applied).toEqual([`checkout SET1 ${CARD}`]);
  });

  it('refuses a document that belongs to no library of the network', async () => {
    const w = world();
    w.library.addItem('X1');
    w.pad.addTag('E004010000000031', 'X1', { ownerIsil: 'BE-ELSEWHERE' });
    const s = await session(w);
    await s.begin('borrow');
    await s.identify({ card: CARD });
    w.pad.place('E004010000000031');
    await settle(s);
    expect(s.snapshot().items[0]).toMatchObject({ refusal: 'item-not-from-network' });
    expect(w.library.applied).toEqual([]);
  });

  it('undoes the loan when the tag is lifted during the write, so the gate and the record agree', async () => {
    const w = world();
    w.library.addItem('L1');
    w.pad.addTag('E004010000000041', 'L1');
    const s = await session(w);
    await s.begin('borrow');
    await s.identify({ card: CARD });
    w.pad.liftOnWrite = 'E004010000000041';
    w.pad.place('E004010000000041');
    await settle(s);
    expect(s.snapshot().items).toEqual([
      expect.objectContaining({ itemId: 'L1', status: 'refused', refusal: 'tag-lifted' }),
    ]);
    expect(w.library.items.get('L1')?.onLoanTo).toBeNull();
    expect(w.library.applied).toEqual([`checkout L1 ${CARD}`, 'checkin L1 cancel']);
    expect(disagreements(w.library, w.pad)).toEqual([]);
    expect(w.journal.unfinished()).toEqual([]);
    // Put back, it is lent normally.
    w.pad.place('E004010000000041');
    await settle(s);
    expect(s.snapshot().items).toEqual([expect.objectContaining({ itemId: 'L1', status: 'done' })]);
    expect(disagreements(w.library, w.pad)).toEqual([]);
  });

  it('asks for the PIN when the card needs one and counts wrong attempts', async () => {
    const w = world();
    const s = await session(w);
    await s.begin('borrow');
    await s.identify({ card: '29000000000099' });
    expect(s.snapshot().screen).toBe('pin');
    await s.enterPin('1111');
    expect(s.snapshot().notice).toEqual({ code: 'pin-wrong', params: { attemptsLeft: '2' } });
    await s.enterPin('4321');
    expect(s.snapshot()).toMatchObject({ screen: 'borrow', notice: null, patron: { name: 'Patron 99' } });
  });

  it('shows a blocked patron their account instead of lending', async () => {
    const w = world();
    w.library.addPatron('29000000000055', { blocked: 'fines-over-limit' });
    const s = await session(w);
    await s.begin('borrow');
    await s.identify({ card: '29000000000055' });
    expect(s.snapshot()).toMatchObject({ screen: 'account', notice: { code: 'fines-over-limit' } });
  });

  it('refuses an unknown card', async () => {
    const s = await session(world());
    await s.begin('borrow');
    await s.identify({ card: '123' });
    expect(s.snapshot()).toMatchObject({ screen: 'identify', notice: { code: 'card-unknown' } });
  });

  it('starts a session when an RFID patron card is placed on the pad', async () => {
    const w = world();
    const s = await session(w);
    w.pad.placeCard({ uid: 'E004010000000099', card: CARD });
    await settle(s);
    expect(s.snapshot()).toMatchObject({ screen: 'borrow', mode: 'borrow', patron: { name: 'Patron 17' } });
  });
});

describe('a visitor returns', () => {
  it('returns anywhere in the network and says where the document must go', async () => {
    const w = world();
    w.library.addItem('R1', { owner: 'FR-OTHER', onLoanTo: CARD }).addItem('R2', { onLoanTo: CARD });
    w.pad
      .addTag('E004010000000051', 'R1', { ownerIsil: 'FR-OTHER', secured: false })
      .addTag('E004010000000052', 'R2', { secured: false });
    const s = await session(w);
    await s.begin('return');
    w.pad.place('E004010000000051', 'E004010000000052');
    await settle(s);
    const items = s.snapshot().items;
    expect(items.find((i) => i.itemId === 'R1')?.destination).toEqual({
      kind: 'transit',
      library: 'Library FR-OTHER',
      isil: 'FR-OTHER',
    });
    expect(items.find((i) => i.itemId === 'R2')?.destination).toEqual({ kind: 'here' });
    expect(disagreements(w.library, w.pad)).toEqual([]);
  });
});

describe('offline', () => {
  it('lends within the offline limit, queues durably, and replays exactly once when the system returns', async () => {
    const w = world();
    for (const n of [1, 2, 3]) {
      w.library.addItem(`O${n}`);
      w.pad.addTag(`E00401000000006${n}`, `O${n}`);
    }
    const s = await session(w, {
      offline: { enabled: true, maxCheckoutsPerCard: 2, refusedTypesOfUsage: [] },
    });
    w.library.setOnline(false);
    await s.begin('borrow');
    await s.identify({ card: CARD });
    expect(s.snapshot()).toMatchObject({
      screen: 'borrow',
      online: false,
      notice: { code: 'library-system-offline' },
    });
    w.pad.place('E004010000000061', 'E004010000000062', 'E004010000000063');
    await settle(s);
    const items = s.snapshot().items;
    expect(items.map((i) => i.status)).toEqual(['done', 'done', 'refused']);
    expect(items[2]?.refusal).toBe('offline-limit-reached');
    expect(s.snapshot().offlineQueue).toBe(2);
    expect(w.library.applied).toEqual([]);

    w.library.setOnline(true);
    await settle(s);
    expect(w.library.applied).toEqual([`checkout O1 ${CARD} replay`, `checkout O2 ${CARD} replay`]);
    expect(s.snapshot().offlineQueue).toBe(0);
    expect(disagreements(w.library, w.pad)).toEqual([]);
  });

  it('never lends offline a type of usage flagged not-for-offline', async () => {
    const w = world();
    w.library.addItem('REF1');
    w.pad.addTag('E004010000000071', 'REF1', { typeOfUsage: 0x31 });
    const s = await session(w, {
      offline: { enabled: true, maxCheckoutsPerCard: 5, refusedTypesOfUsage: [0x31] },
    });
    w.library.setOnline(false);
    await s.begin('borrow');
    await s.identify({ card: CARD });
    w.pad.place('E004010000000071');
    await settle(s);
    expect(s.snapshot().items[0]).toMatchObject({ refusal: 'offline-not-allowed' });
    expect(w.pad.tags.get('E004010000000071')?.secured).toBe(true);
  });
});

describe('the session forgets the visitor', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  it('warns before the idle time ends, can be extended, then clears patron and items', async () => {
    const w = world();
    w.library.addItem('I1');
    w.pad.addTag('E004010000000081', 'I1');
    const s = await session(w);
    await s.begin('borrow');
    await s.identify({ card: CARD });
    w.pad.place('E004010000000081');
    await settle(s);
    await vi.advanceTimersByTimeAsync(41_000);
    expect(s.snapshot().idle).toEqual({ warning: true, secondsLeft: 19 });
    await s.stillHere();
    expect(s.snapshot().idle.warning).toBe(false);
    await vi.advanceTimersByTimeAsync(59_000);
    expect(s.snapshot().screen).toBe('borrow');
    await vi.advanceTimersByTimeAsync(2_000);
    await settle(s);
    expect(s.snapshot()).toMatchObject({ screen: 'welcome', patron: null, items: [], mode: null });
  });
});

describe('recovery after a crash at every step boundary', () => {
  // The process dies at `point`: nothing after it runs. A fresh session over the same journal,
  // library system and pad then recovers. (kiosk/test/crash kills a real process with SIGKILL.)
  it.each(CRASH_POINTS)(
    '%s: afterwards, disarmed ⇔ on loan, and nothing is left unfinished',
    async (point) => {
      const w = world();
      const checkin = point.startsWith('checkin');
      w.library.addItem('C1', checkin ? { onLoanTo: CARD } : {});
      // A two-part set, so that a crash can fall between the writes of its two tags.
      w.pad
        .addTag('E004010000000091', 'C1', { secured: !checkin, set: { part: 1, parts: 2 } })
        .addTag('E004010000000092', 'C1', { secured: !checkin, set: { part: 2, parts: 2 } });
      class Crash extends Error {}
      let crashed = false;
      const s = await session(w, {}, (p) => {
        if (p === point && !crashed) {
          crashed = true;
          throw new Crash(p);
        }
      });
      await s.begin(checkin ? 'return' : 'borrow');
      if (!checkin) await s.identify({ card: CARD });
      w.pad.place('E004010000000091', 'E004010000000092');
      await settle(s);
      expect(crashed).toBe(true);
      await s.stop();

      const again = await session(w);
      await settle(again);
      expect(disagreements(w.library, w.pad)).toEqual([]);
      expect(w.journal.unfinished()).toEqual([]);
      expect(w.journal.lastRecovery()).toMatchObject({ errors: [] });
    },
  );
});
