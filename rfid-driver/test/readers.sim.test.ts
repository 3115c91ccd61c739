/**
 * Every reader family against the simulator over an in-memory link: the
 * driver and the simulator share no code path but the protocol module, so
 * this checks both sides of each command.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readerFor } from '../src/readers/openReader';
import { readTag, setSecured, getSecured, writeTag } from '../src/readers/library';
import { startMemorySimulator, type MemorySimulator } from '../src/sim/simulate';
import { encodeTag } from '../src/iso28560/tag';
import { toHex } from '../src/bytes';
import type { SimProtocol } from '../src/sim/handlers';

const uid = (n: number) => `E00401${n.toString(16).padStart(10, '0').toUpperCase()}`;
const part3 = (id: string) =>
  toHex(
    encodeTag({
      model: 'iso28560-3',
      data: {
        version: 1,
        typeOfUsage: 1,
        partsInItem: 1,
        partNumber: 1,
        primaryItemId: id,
        country: 'FR',
        library: '593506101',
      },
    }),
  );

let sim: MemorySimulator | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

describe.each<SimProtocol>(['3m', 'feig', 'hid-rrhf'])('%s reader ↔ simulator (in memory)', (protocol) => {
  it('inventories, reads and decodes, secures and unsecures', async () => {
    sim = await startMemorySimulator({
      protocol,
      realTime: false,
      pad: [0x11, 0x21, 0x02].map((n, i) => ({
        uid: uid(n),
        data: part3(`3000000${i}`),
        afi: 0x07,
        eas: true,
      })),
    });
    const reader = readerFor(protocol, sim.transport, { timeoutMs: 500 });
    await reader.open();
    expect(await reader.version()).toMatch(/\S/);
    const tags = await reader.inventory();
    expect(tags.map((t) => t.uid).sort()).toEqual([uid(0x02), uid(0x11), uid(0x21)].sort());
    const read = await readTag(reader, uid(0x21));
    expect(read.record).toMatchObject({
      model: 'iso28560-3',
      primaryItemId: '30000001',
      ownerIsil: 'FR-593506101',
    });
    await setSecured(reader, uid(0x21), false);
    expect(sim.pad.get(uid(0x21))!.state()).toMatchObject({ afi: 0xc2, eas: false });
    expect(await getSecured(reader, uid(0x21))).toBe(false);
    await setSecured(reader, uid(0x21), true);
    expect(sim.pad.get(uid(0x21))!.state()).toMatchObject({ afi: 0x07, eas: true });
    expect(await getSecured(reader, uid(0x21))).toBe(true);
    expect((await reader.inventory({ afi: 0x07 })).length).toBe(3);
    await reader.close();
  });

  it('writes a tag in ISO 28560-2 and reads it back; an absent tag is TAG_NOT_FOUND', async () => {
    sim = await startMemorySimulator({ protocol, realTime: false, pad: [{ uid: uid(1) }] });
    const reader = readerFor(protocol, sim.transport, { timeoutMs: 500 });
    await reader.open();
    await writeTag(reader, uid(1), {
      model: 'iso28560-2',
      data: { primaryItemId: '123456789012', ownerIsil: 'FR-593506101' },
    });
    expect((await readTag(reader, uid(1))).record).toMatchObject({
      model: 'iso28560-2',
      primaryItemId: '123456789012',
    });
    await expect(reader.readBlocks(uid(9), 0, 4)).rejects.toMatchObject({ code: 'TAG_NOT_FOUND' });
    await reader.close();
  });

  it('retries once after a CRC error on the wire, and reports CRC_MISMATCH when it persists', async () => {
    sim = await startMemorySimulator({ protocol, realTime: false, pad: [{ uid: uid(1), afi: 0x07 }] });
    const reader = readerFor(protocol, sim.transport, { timeoutMs: 300 });
    await reader.open();
    sim.simulator.injectCrcError(1);
    expect(await reader.readAfi(uid(1))).toBe(0x07);
    sim.simulator.injectCrcError(2);
    await expect(reader.readAfi(uid(1))).rejects.toMatchObject({ code: 'CRC_MISMATCH' });
    expect(sim.simulator.stats.crcErrorsInjected).toBe(3);
    await reader.close();
  });

  it('a tag lifted mid-write leaves part of the data and the write fails with TAG_NOT_FOUND', async () => {
    sim = await startMemorySimulator({ protocol, realTime: false, pad: [{ uid: uid(1) }] });
    const reader = readerFor(protocol, sim.transport, { timeoutMs: 300 });
    await reader.open();
    sim.simulator.liftDuringWrite(uid(1), 3);
    const tag = sim.pad.get(uid(1))!;
    await expect(reader.writeBlocks(uid(1), 0, new Uint8Array(32).fill(0xab))).rejects.toMatchObject({
      code: 'TAG_NOT_FOUND',
    });
    expect(toHex(tag.memory.subarray(0, 16))).toBe('ab'.repeat(12) + '00'.repeat(4));
    expect(await reader.inventory()).toEqual([]);
    await reader.close();
  });

  it('a collision the reader could not resolve loses tags for one inventory only', async () => {
    sim = await startMemorySimulator({
      protocol,
      realTime: false,
      pad: [1, 2, 3, 4].map((n) => ({ uid: uid(n) })),
    });
    const reader = readerFor(protocol, sim.transport, { timeoutMs: 300 });
    await reader.open();
    sim.simulator.injectCollision();
    expect((await reader.inventory()).length).toBe(2);
    expect((await reader.inventory()).length).toBe(4);
    await reader.close();
  });

  it('closing the reader cancels the pending command (canceled flag) and later commands are NOT_OPEN', async () => {
    sim = await startMemorySimulator({ protocol, pad: [{ uid: uid(1) }] });
    const reader = readerFor(protocol, sim.transport, { timeoutMs: 1000 });
    await reader.open();
    const pending = reader.inventory().catch((e: unknown) => e);
    await reader.close();
    expect(await pending).toMatchObject({ code: 'CANCELED', canceled: true });
    await expect(reader.inventory()).rejects.toMatchObject({ code: 'NOT_OPEN' });
  });

  it('unplug: pending command fails as disconnected, then the reader reconnects', async () => {
    sim = await startMemorySimulator({ protocol, pad: [{ uid: uid(1) }] });
    const reader = readerFor(protocol, sim.transport, { timeoutMs: 1000, reconnect: { intervalMs: 20 } });
    await reader.open();
    const events: string[] = [];
    reader.on('disconnect', (e) => events.push(`disconnect:${e.code}`));
    const reconnected = new Promise<void>((r) =>
      reader.on('reconnect', () => (events.push('reconnect'), r())),
    );
    const pending = reader.inventory();
    sim.link.unplug();
    await expect(pending).rejects.toMatchObject({ disconnected: true });
    await expect(reader.inventory()).rejects.toMatchObject({ code: 'DISCONNECTED' });
    sim.link.replug();
    await sim.simulator.start();
    await reconnected;
    expect(events).toEqual(['disconnect:DISCONNECTED', 'reconnect']);
    expect((await reader.inventory()).map((t) => t.uid)).toEqual([uid(1)]);
    await reader.close();
  });
});
