import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RfidError } from '../errors';

export interface PtyPair {
  /** The end a driver opens. */
  hostPath: string;
  /** The end the simulator opens. */
  devicePath: string;
  /** Ends socat, which removes both links. */
  close(): Promise<void>;
}

/**
 * A pseudo-terminal pair made by `socat` (Debian package `socat`): bytes
 * written on one end come out of the other, like a null-modem cable.
 */
export async function createPtyPair(
  prefix = `rfid-${process.pid}-${Date.now().toString(36)}`,
): Promise<PtyPair> {
  const hostPath = join(tmpdir(), `${prefix}-host`);
  const devicePath = join(tmpdir(), `${prefix}-dev`);
  let child: ChildProcess;
  try {
    child = spawn(
      'socat',
      ['-d', '-d', `pty,raw,echo=0,link=${hostPath}`, `pty,raw,echo=0,link=${devicePath}`],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
  } catch (err) {
    throw new RfidError('OPEN_FAILED', { path: 'socat' }, { cause: err });
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let failed: unknown;
  child.once('error', (e) => (failed = e));
  child.stderr?.resume();
  const deadline = Date.now() + 5000;
  while (!(existsSync(hostPath) && existsSync(devicePath))) {
    if (failed || child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new RfidError('OPEN_FAILED', { path: 'socat' }, { cause: failed });
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    hostPath,
    devicePath,
    async close() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
