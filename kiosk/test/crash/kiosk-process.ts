/**
 * A kiosk process for the crash test: boots the real core from a configuration file (SIP2 to the
 * test's network, the 3M reader on the test's PTY), serves the contracts over the browser shell, and
 * kills itself with SIGKILL at the crash point named in KIOSK_CRASH_AT: no cleanup, no flush, exactly
 * as a power cut would leave it.
 */
import { bootKiosk } from '../../src/node/boot';
import { loadKioskConfig } from '../../src/node/config';
import { startKioskHost } from '../../src/host/server';
import type { CrashPoint } from '../../src/node/loan/session';

const config = loadKioskConfig(process.env.KIOSK_CONFIG!);
const crashAt = process.env.KIOSK_CRASH_AT as CrashPoint | undefined;

const core = await bootKiosk(config, {
  crashPoint: (point) => {
    if (point === crashAt) process.kill(process.pid, 'SIGKILL');
  },
});
const host = await startKioskHost({ services: core.services, rendererDir: process.env.KIOSK_RENDERER_DIR! });
// The parent waits for this line: recovery has run by now (bootKiosk awaits it).
console.log(`READY ${host.url}`);
process.on('SIGTERM', () => {
  void host
    .close()
    .then(() => core.stop())
    .then(() => process.exit(0));
});
