/**
 * The contract every Transport keeps (rules in src/transport/Transport.ts).
 * One suite, run against every transport the machine can reach.
 */
import { describe, expect, it } from 'vitest';
import type { Transport } from '../src/transport/Transport';
import type { RfidError } from '../src/errors';

export interface ContractRig {
  /** The transport under test, closed. */
  host: Transport;
  /** Its far end, opened, echoing nothing by itself; absent for a real reader. */
  far?: Transport;
  /** Take the far side away as an unplug would; absent when the rig cannot. */
  unplug?: () => Promise<void>;
  dispose(): Promise<void>;
}

function collect(t: Transport, until: number, timeoutMs = 3000): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const parts: number[] = [];
    const timer = setTimeout(() => {
      off();
      reject(new Error(`only ${parts.length}/${until} bytes`));
    }, timeoutMs);
    const off = t.on('data', (c) => {
      parts.push(...c);
      if (parts.length >= until) {
        clearTimeout(timer);
        off();
        resolve(Uint8Array.from(parts));
      }
    });
  });
}

export function transportContract(name: string, makeRig: () => Promise<ContractRig>): void {
  describe(`Transport contract: ${name}`, () => {
    it('rejects a write before open with NOT_OPEN', async () => {
      const rig = await makeRig();
      try {
        await expect(rig.host.write(Uint8Array.of(1))).rejects.toMatchObject({ code: 'NOT_OPEN' });
      } finally {
        await rig.dispose();
      }
    });

    it('opens, is idempotent about it, closes once with no reason, and rejects writes after close', async () => {
      const rig = await makeRig();
      try {
        await rig.host.open();
        await rig.host.open();
        expect(rig.host.isOpen).toBe(true);
        const reasons: (RfidError | undefined)[] = [];
        rig.host.on('close', (r) => reasons.push(r));
        await rig.host.close();
        await rig.host.close();
        expect(rig.host.isOpen).toBe(false);
        expect(reasons).toEqual([undefined]);
        await expect(rig.host.write(Uint8Array.of(1))).rejects.toMatchObject({ code: 'NOT_OPEN' });
      } finally {
        await rig.dispose();
      }
    });

    it('carries bytes both ways, in order, whatever the chunking', async () => {
      const rig = await makeRig();
      if (!rig.far) return rig.dispose();
      try {
        await rig.host.open();
        const big = Uint8Array.from({ length: 700 }, (_, i) => (i * 7) & 0xff);
        const got = collect(rig.far, big.length);
        await rig.host.write(big.subarray(0, 300));
        await rig.host.write(big.subarray(300));
        expect(Array.from(await got)).toEqual(Array.from(big));
        const back = collect(rig.host, 3);
        await rig.far.write(Uint8Array.of(0xd6, 0x00, 0x05));
        expect(Array.from(await back)).toEqual([0xd6, 0x00, 0x05]);
      } finally {
        await rig.host.close();
        await rig.dispose();
      }
    });

    it('reports an unplug as close with a disconnected error, then fails writes', async () => {
      const rig = await makeRig();
      if (!rig.unplug) return rig.dispose();
      try {
        await rig.host.open();
        const closed = new Promise<RfidError | undefined>((resolve) => rig.host.on('close', resolve));
        await rig.unplug();
        const reason = await closed;
        expect(reason?.disconnected).toBe(true);
        expect(rig.host.isOpen).toBe(false);
        await expect(rig.host.write(Uint8Array.of(1))).rejects.toMatchObject({ code: 'NOT_OPEN' });
      } finally {
        await rig.dispose();
      }
    });
  });
}
