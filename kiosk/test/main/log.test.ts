import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger, redact } from '../../src/main/log';

describe('kiosk logs keep no patron identifier', () => {
  it('masks the patron field and passwords of a SIP2 message', () => {
    const line =
      '6300120261126    101500          AOFR-593836101|AA29000012345678|ADsecret|AC1234|BP1|BQ5|AY2AZE5C1';
    const out = redact(line);
    expect(out).not.toContain('29000012345678');
    expect(out).toContain('|AA**********5678');
    expect(out).not.toContain('secret');
    expect(out).not.toContain('AC1234');
  });

  it('masks card-like numbers and PINs in structured data', () => {
    const out = redact('identify {"card":"29000012345678","pin":"4321"} scanned 29000098765432');
    expect(out).toBe('identify {"card":"**********5678","pin":"****"} scanned **********5432');
  });

  it('leaves ordinary text and short numbers alone', () => {
    expect(redact('renderer gone; reloading {"exitCode":139}')).toBe(
      'renderer gone; reloading {"exitCode":139}',
    );
  });

  it('writes redacted lines to the log file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kiosk-log-')), 'logs', 'kiosk.log');
    const log = createLogger(file, () => new Date('2026-11-26T10:00:00Z'));
    log.info('checkout', { card: '29000012345678', item: '0123' });
    expect(readFileSync(file, 'utf8')).toBe(
      '2026-11-26T10:00:00.000Z INFO checkout {"card":"**********5678","item":"0123"}\n',
    );
  });
});
