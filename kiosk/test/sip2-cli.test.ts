import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checksumCommand, parseCommand } from '../src/cli/sip2';

const bin = join(import.meta.dirname, '..', 'bin', 'kiosk.mjs');

describe('kiosk sip2 CLI', () => {
  it('checksum prints the 4 hex digits for a message up to AZ, in the chosen charset', () => {
    expect(checksumCommand('9900302.00AY1AZ', 'utf-8')).toBe('FCA5');
    // Given a complete message, the checksum is recomputed over the part up to AZ.
    expect(checksumCommand('9300CNLoginUserID|COLoginPassword|CPLocationCode|AY5AZEC78', 'utf-8')).toBe(
      'EC7B',
    );
    expect(checksumCommand('941AFé|AY0AZ', 'latin1')).not.toBe(checksumCommand('941AFé|AY0AZ', 'utf-8'));
  });

  it('parse prints the typed message with checksumValid', () => {
    const out = JSON.parse(parseCommand('9900302.00AY1AZFCA5', 'utf-8')) as Record<string, unknown>;
    expect(out).toMatchObject({
      message: { type: 'scStatus', maxPrintWidth: 30 },
      sequence: 1,
      checksumValid: true,
    });
  });

  it('the bin shim runs the CLI through tsx and exits 2 with the error code on bad input', () => {
    expect(
      execFileSync(process.execPath, [bin, 'sip2', 'checksum', '9900302.00AY1AZ']).toString().trim(),
    ).toBe('FCA5');
    let stderr = '';
    try {
      execFileSync(process.execPath, [bin, 'sip2', 'parse', '11XX'], { stdio: 'pipe' });
    } catch (err) {
      const e = err as { status: number; stderr: Buffer };
      expect(e.status).toBe(2);
      stderr = e.stderr.toString();
    }
    expect(stderr).toContain('TOO_SHORT');
  });
});
