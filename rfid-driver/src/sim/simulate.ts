/**
 * Ready-made simulated readers: over a socat PTY pair (a path any serial
 * driver can open, also from another process) or over an in-memory link.
 */
import { MemoryLink, type MemoryTransport } from '../transport/MemoryTransport';
import { SerialTransport } from '../transport/SerialTransport';
import { SERIAL_SETTINGS } from '../transport/discovery';
import { createPtyPair, type PtyPair } from './ptyPair';
import { ReaderSimulator, type SimulatorOptions } from './ReaderSimulator';
import { VirtualPad } from './VirtualPad';
import type { TagSpec } from './VirtualTag';
import type { SimProtocol } from './handlers';

export interface PadFile {
  tags: TagSpec[];
}

export interface PtySimulator {
  /** Open this path with protocol `protocol` to talk to the simulator. */
  readonly path: string;
  readonly protocol: SimProtocol;
  readonly pad: VirtualPad;
  readonly simulator: ReaderSimulator;
  /** Fault: the reader is unplugged (its device path disappears). */
  unplug(): Promise<void>;
  /** The reader comes back on the same path. */
  replug(): Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions extends Omit<SimulatorOptions, 'protocol' | 'pad'> {
  protocol: '3m' | 'feig';
  pad?: VirtualPad | TagSpec[];
}

function padOf(p: VirtualPad | TagSpec[] | undefined): VirtualPad {
  return p instanceof VirtualPad ? p : new VirtualPad(p ?? []);
}

export async function startPtySimulator(options: StartOptions): Promise<PtySimulator> {
  const prefix = `rfid-sim-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const pad = padOf(options.pad);
  const line = SERIAL_SETTINGS[options.protocol];
  let pty: PtyPair | undefined = await createPtyPair(prefix);
  const deviceEnd = () =>
    new SerialTransport({ path: pty!.devicePath, baudRate: line.baudRate, parity: line.parity });
  const simulator = new ReaderSimulator(deviceEnd(), { ...options, pad });
  await simulator.start();
  const path = pty.hostPath;
  return {
    path,
    protocol: options.protocol,
    pad,
    simulator,
    async unplug() {
      if (!pty) return;
      await simulator.stop();
      await pty.close();
      pty = undefined;
    },
    async replug() {
      if (pty) return;
      pty = await createPtyPair(prefix);
      await simulator.attach(deviceEnd());
    },
    async stop() {
      await simulator.stop().catch(() => undefined);
      await pty?.close();
      pty = undefined;
    },
  };
}

export interface MemorySimulator {
  /** The host end: give it to a reader class. */
  readonly transport: MemoryTransport;
  readonly link: MemoryLink;
  readonly pad: VirtualPad;
  readonly simulator: ReaderSimulator;
  stop(): Promise<void>;
}

/** A simulated reader in the same process, no PTY needed (browser demos, unit tests, HID family). */
export async function startMemorySimulator(
  options: Omit<SimulatorOptions, 'pad'> & { pad?: VirtualPad | TagSpec[] },
): Promise<MemorySimulator> {
  const pad = padOf(options.pad);
  const line = options.protocol === 'hid-rrhf' ? undefined : SERIAL_SETTINGS[options.protocol];
  const link = new MemoryLink(`sim-${options.protocol}`, line?.baudRate);
  const simulator = new ReaderSimulator(link.b, {
    ...options,
    pad,
    ...(options.protocol === 'feig' ? { bitsPerByte: 11 } : {}),
  });
  await simulator.start();
  return {
    transport: link.a,
    link,
    pad,
    simulator,
    async stop() {
      await simulator.stop();
      await link.a.close();
    },
  };
}
