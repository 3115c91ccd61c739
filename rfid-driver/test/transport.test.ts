import { execFileSync } from 'node:child_process';
import { MemoryLink } from '../src/transport/MemoryTransport';
import { SerialTransport } from '../src/transport/SerialTransport';
import { HidTransport } from '../src/transport/HidTransport';
import { createPtyPair } from '../src/sim/ptyPair';
import { transportContract } from './transport.contract';

const hasSocat = (() => {
  try {
    execFileSync('socat', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

transportContract('in-memory', async () => {
  const link = new MemoryLink('contract');
  await link.b.open();
  return {
    host: link.a,
    far: link.b,
    unplug: async () => link.unplug(),
    dispose: async () => {
      await link.a.close();
      await link.b.close();
    },
  };
});

if (hasSocat) {
  transportContract('serialport over a socat PTY pair', async () => {
    const pty = await createPtyPair();
    const host = new SerialTransport({ path: pty.hostPath, baudRate: 115200 });
    const far = new SerialTransport({ path: pty.devicePath, baudRate: 115200 });
    await far.open();
    return {
      host,
      far,
      unplug: async () => {
        await far.close();
        await pty.close();
      },
      dispose: async () => {
        await host.close();
        await far.close();
        await pty.close();
      },
    };
  });
}

const realPort = process.env.RFID_TEST_PORT;
if (realPort) {
  transportContract(`real reader at ${realPort}`, async () => {
    const host = new SerialTransport({
      path: realPort,
      baudRate: Number(process.env.RFID_TEST_BAUD ?? 19200),
    });
    return { host, dispose: () => host.close() };
  });
}

const realHid = process.env.RFID_TEST_HID;
if (realHid) {
  transportContract(`real HID reader at ${realHid}`, async () => {
    const host = new HidTransport({ path: realHid });
    return { host, dispose: () => host.close() };
  });
}
