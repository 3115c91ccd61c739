import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { I, P, kioskClient, startTestNetwork } from './network-fixture';

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The same kiosk session over TLS, with a throw-away self-signed certificate for 127.0.0.1. */
describe.skipIf(!hasOpenssl())('SIP2 over TLS', () => {
  it('logs in, checks out and checks in over TLS, verifying the server certificate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sip2-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    const key = readFileSync(join(dir, 'key.pem'));
    const cert = readFileSync(join(dir, 'cert.pem'));
    const { server, stop } = await startTestNetwork({ tls: { key, cert } });
    const kiosk = kioskClient(server, 1, { tls: { ca: cert, servername: '127.0.0.1' } });
    try {
      expect(await kiosk.start()).toBe('online');
      expect((await kiosk.checkout({ patronIdentifier: P.elise.card, itemIdentifier: I.book })).ok).toBe('1');
      expect((await kiosk.checkin({ itemIdentifier: I.book })).ok).toBe('1');
      // A client that does not trust the certificate never gets online.
      const stranger = kioskClient(server, 2, { tls: true, backoff: { initialMs: 5000 } });
      expect(await stranger.start()).toBe('offline');
      await stranger.close();
    } finally {
      await kiosk.close();
      await stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
