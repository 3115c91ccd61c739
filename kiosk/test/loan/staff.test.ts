import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostics } from '../../src/common/contracts';
import { Journal } from '../../src/node/journal/journal';
import { hashStaffPin, StaffService, verifyStaffPin } from '../../src/node/staff';

const diagnostics: Diagnostics = {
  reader: { connected: true, protocol: '3m', port: '/dev/ttyUSB0', lastError: null, tagsOnPad: 0 },
  librarySystem: { online: true, host: '127.0.0.1:6001', lastError: null, roundTripMs: 3 },
  printer: { connected: false, port: null },
  journal: { path: 'journal.db', unfinished: 0, offlineQueue: 0 },
  version: '0.1.0',
};

function staff(now: { t: number }) {
  const journal = new Journal(join(mkdtempSync(join(tmpdir(), 'kiosk-staff-')), 'j.db'));
  let replays = 0;
  const service = new StaffService({
    pinHash: hashStaffPin('246810'),
    journal,
    diagnostics: () => diagnostics,
    replayNow: async () => void replays++,
    now: () => now.t,
  });
  return { service, journal, replays: () => replays };
}

describe('the staff screen', () => {
  it('stores the PIN only as a salted scrypt hash', () => {
    const a = hashStaffPin('246810');
    expect(a).toMatch(/^scrypt\$/);
    expect(a).not.toContain('246810');
    expect(hashStaffPin('246810')).not.toBe(a);
    expect(verifyStaffPin('246810', a)).toBe(true);
    expect(verifyStaffPin('246811', a)).toBe(false);
    expect(verifyStaffPin('246810', 'plain')).toBe(false);
  });

  it('refuses everything while locked, and locks again after five idle minutes', async () => {
    const now = { t: 1_000_000 };
    const { service } = staff(now);
    await expect(service.diagnostics()).rejects.toMatchObject({ code: 'locked' });
    expect(await service.unlock('246810')).toBe(true);
    await expect(service.diagnostics()).resolves.toEqual(diagnostics);
    now.t += 5 * 60_000 + 1;
    await expect(service.offlineQueue()).rejects.toMatchObject({ code: 'locked' });
  });

  it('slows down wrong PINs, so guessing at the screen does not work', async () => {
    const now = { t: 0 };
    const { service } = staff(now);
    expect(await service.unlock('000000')).toBe(false);
    // Even the right PIN is refused during the back-off…
    expect(await service.unlock('246810')).toBe(false);
    now.t += 60_000;
    // …and accepted after it.
    expect(await service.unlock('246810')).toBe(true);
  });

  it('lists the offline queue from the journal and reports recovery', async () => {
    const now = { t: 0 };
    const { service, journal, replays } = staff(now);
    const id = journal.begin('checkout', {
      itemId: 'A1',
      tagUids: ['T1'],
      card: '29000000000017',
      mode: 'offline',
    });
    journal.done(id);
    await service.unlock('246810');
    expect(await service.offlineQueue()).toEqual([
      expect.objectContaining({ id, kind: 'checkout', itemId: 'A1', state: 'queued', error: null }),
    ]);
    await service.replayNow();
    expect(replays()).toBe(1);
    expect(await service.recovery()).toMatchObject({ ranAt: null, pending: 0 });
  });
});
