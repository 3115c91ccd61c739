import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKioskConfig } from '../src/node/config';
import { hashStaffPin } from '../src/node/staff';

const dir = mkdtempSync(join(tmpdir(), 'kiosk-config-'));
function write(name: string, body: string): string {
  const file = join(dir, name);
  writeFileSync(file, body);
  return file;
}

const minimal = {
  library: { name: 'B!B Dunkerque', isil: 'FR-599990001' },
  networkIsils: ['FR-599990001'],
  sip2: { host: '10.0.0.5', port: 6001, institutionId: 'FR-599990001' },
  reader: { protocol: '3m', path: '/dev/ttyUSB0' },
  staffPinHash: hashStaffPin('246810'),
  journalPath: 'journal.db',
};

describe('the kiosk configuration file', () => {
  it('fills safe defaults and resolves paths from the file’s folder', () => {
    const config = loadKioskConfig(write('ok.json', JSON.stringify(minimal)));
    expect(config.session).toEqual({
      defaultLocale: 'fr',
      idleSeconds: 60,
      idleWarningSeconds: 20,
      receiptSeconds: 10,
      maxPinAttempts: 3,
    });
    expect(config.reader.afi).toEqual({ onShelf: 0x07, onLoan: 0xc2 });
    expect(config.offline).toEqual({ enabled: true, maxCheckoutsPerCard: 5, refusedTypesOfUsage: [] });
    expect(config.journalPath).toBe(join(dir, 'journal.db'));
    expect(config.printer).toEqual({ kind: 'none' });
  });

  it('names the file and the field at fault', () => {
    const file = write('bad.json', JSON.stringify({ ...minimal, reader: { protocol: 'rfid-x' } }));
    expect(() => loadKioskConfig(file)).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', details: { file, field: 'reader.protocol' } }),
    );
  });

  it('refuses a plain PIN where its hash belongs', () => {
    const file = write('pin.json', JSON.stringify({ ...minimal, staffPinHash: '246810' }));
    expect(() => loadKioskConfig(file)).toThrow(
      expect.objectContaining({ details: { file, field: 'staffPinHash' } }),
    );
  });

  it('says when the file is not JSON or cannot be read', () => {
    expect(() => loadKioskConfig(write('broken.json', '{ "library": '))).toThrow(
      expect.objectContaining({ code: 'CONFIG_NOT_JSON' }),
    );
    expect(() => loadKioskConfig(join(dir, 'absent.json'))).toThrow(
      expect.objectContaining({ code: 'CONFIG_UNREADABLE' }),
    );
  });
});
