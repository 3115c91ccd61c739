/**
 * The staff service: diagnostics, the offline queue and recovery status, behind a staff PIN that is
 * stored only as a scrypt hash. Wrong PINs slow down (doubling delay) so the PIN cannot be guessed
 * at the kiosk's screen.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Diagnostics, QueueEntry, RecoveryStatus } from '../common/contracts';
import { KioskError } from '../common/rpc';
import type { Journal } from './journal/journal';

export function hashStaffPin(pin: string, salt = randomBytes(16)): string {
  const hash = scryptSync(pin, salt, 32, { N: 16384, r: 8, p: 1 });
  return `scrypt$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function verifyStaffPin(pin: string, stored: string): boolean {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(pin, Buffer.from(salt, 'base64'), expected.length, { N: 16384, r: 8, p: 1 });
  return timingSafeEqual(actual, expected);
}

export interface StaffDeps {
  pinHash: string;
  journal: Journal;
  diagnostics(): Diagnostics;
  replayNow(): Promise<void>;
  now?: () => number;
  /** Minutes the staff screen stays unlocked without a call. */
  unlockMinutes?: number;
}

export class StaffService {
  private unlockedUntil = 0;
  private failures = 0;
  private blockedUntil = 0;
  private readonly now: () => number;

  constructor(private readonly deps: StaffDeps) {
    this.now = deps.now ?? (() => Date.now());
  }

  async unlock(pin: string): Promise<boolean> {
    if (this.now() < this.blockedUntil) return false;
    if (verifyStaffPin(pin, this.deps.pinHash)) {
      this.failures = 0;
      this.touch();
      return true;
    }
    this.failures++;
    this.blockedUntil = this.now() + Math.min(2 ** this.failures * 500, 5 * 60_000);
    return false;
  }

  async lock(): Promise<void> {
    this.unlockedUntil = 0;
  }

  async diagnostics(): Promise<Diagnostics> {
    this.guard();
    return this.deps.diagnostics();
  }

  async offlineQueue(): Promise<QueueEntry[]> {
    this.guard();
    return this.deps.journal
      .recent(200)
      .filter((s) => s.replay !== null)
      .map((s) => ({
        id: s.id,
        kind: s.kind,
        itemId: s.itemId,
        at: s.transactionDate,
        state: s.replay ?? 'queued',
        error: s.replayError,
      }));
  }

  async replayNow(): Promise<void> {
    this.guard();
    await this.deps.replayNow();
  }

  async recovery(): Promise<RecoveryStatus> {
    this.guard();
    const last = this.deps.journal.lastRecovery();
    return {
      ranAt: last?.ranAt ?? null,
      reconciled: last?.reconciled ?? 0,
      rearmed: last?.rearmed ?? 0,
      disarmed: last?.disarmed ?? 0,
      pending: this.deps.journal.unfinished().filter((s) => s.phase === 'pending').length,
      errors: last?.errors ?? [],
    };
  }

  private touch(): void {
    this.unlockedUntil = this.now() + (this.deps.unlockMinutes ?? 5) * 60_000;
  }

  private guard(): void {
    if (this.now() > this.unlockedUntil) throw new KioskError('locked', 'the staff screen is locked');
    this.touch();
  }
}
