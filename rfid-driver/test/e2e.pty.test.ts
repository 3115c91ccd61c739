/**
 * End to end over a socat PTY pair with the simulator on the far side, both
 * ends through the real serialport stack, for both serial reader families.
 */
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { openReader } from '../src/readers/openReader';
import { readTag, setSecured } from '../src/readers/library';
import { startPtySimulator, type PtySimulator } from '../src/sim/simulate';
import { encodeTag } from '../src/iso28560/tag';
import { toHex } from '../src/bytes';
import type { RfidReader } from '../src/readers/Reader';
import type { TagSpec } from '../src/sim/VirtualTag';

const hasSocat = (() => {
  try {
    execFileSync('socat', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Ten tags: even ones ISO 28560-3, odd ones ISO 28560-2, all secured (AFI 0x07, EAS on). */
function tenTags(): TagSpec[] {
  return Array.from({ length: 10 }, (_, i) => {
    const id = `2000${String(i).padStart(4, '0')}`;
    const bytes =
      i % 2 === 0
        ? encodeTag({
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
          })
        : encodeTag({ model: 'iso28560-2', data: { primaryItemId: id, ownerIsil: 'FR-593506101' } });
    return {
      uid: `E0040150${(0x1a2b3c00 + i * 0x1111).toString(16).toUpperCase()}`,
      data: toHex(bytes),
      afi: 0x07,
      eas: true,
    };
  });
}

let sim: PtySimulator | undefined;
let reader: RfidReader | undefined;
afterEach(async () => {
  await reader?.close();
  await sim?.stop();
  reader = undefined;
  sim = undefined;
});

describe.skipIf(!hasSocat).each(['3m', 'feig'] as const)('%s over a PTY pair', (protocol) => {
  it('inventories 10 tags, reads and decodes each, secures and unsecures them', async () => {
    sim = await startPtySimulator({ protocol, pad: tenTags() });
    reader = await openReader({ protocol, path: sim.path, timeoutMs: 2000 });
    const tags = await reader.inventory();
    expect(tags.map((t) => t.uid).sort()).toEqual(
      sim.pad
        .state()
        .map((t) => t.uid)
        .sort(),
    );
    const ids: string[] = [];
    for (const t of tags) {
      const { record } = await readTag(reader, t.uid);
      expect(record.model).toMatch(/^iso28560-[23]$/);
      if (record.model !== 'blank') ids.push(record.primaryItemId);
      await setSecured(reader, t.uid, false);
    }
    expect(ids.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `2000${String(i).padStart(4, '0')}`));
    expect(sim.pad.state().every((s) => s.afi === 0xc2 && !s.eas)).toBe(true);
    for (const t of tags) await setSecured(reader, t.uid, true);
    expect(sim.pad.state().every((s) => s.afi === 0x07 && s.eas)).toBe(true);
  });

  it('unplugging mid-command gives a disconnected error; the driver reconnects when the reader returns', async () => {
    sim = await startPtySimulator({ protocol, pad: tenTags() });
    reader = await openReader({ protocol, path: sim.path, timeoutMs: 2000, reconnect: { intervalMs: 50 } });
    const reconnected = new Promise<void>((resolve) => reader!.on('reconnect', resolve));
    const pending = reader.inventory().catch((e: unknown) => e); // 10 tags: tens of milliseconds of air time
    await new Promise((r) => setTimeout(r, 5));
    await sim.unplug();
    const err = await pending;
    expect(err).toMatchObject({ disconnected: true });
    await sim.replug();
    await reconnected;
    expect((await reader.inventory()).length).toBe(10);
  });
});

describe.skipIf(!hasSocat)('rfid simulate in a child process', () => {
  it('prints a PTY path that a driver in this process can use; stdin places and lifts tags', async () => {
    const { spawn } = await import('node:child_process');
    const { fileURLToPath } = await import('node:url');
    const bin = fileURLToPath(new URL('../bin/rfid.mjs', import.meta.url));
    const pad = fileURLToPath(new URL('../examples/pad.json', import.meta.url));
    const child = spawn(
      process.execPath,
      [bin, 'simulate', '--protocol', '3m', '--pad', pad, '--lang', 'en'],
      {
        stdio: ['pipe', 'pipe', 'ignore'],
      },
    );
    try {
      let out = '';
      const path = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /^(\/\S+)$/m.exec(out);
          if (m) resolve(m[1]!);
        });
        child.once('exit', () => reject(new Error(`simulator exited: ${out}`)));
      });
      reader = await openReader({ protocol: '3m', path, timeoutMs: 2000 });
      expect((await reader.inventory()).length).toBe(5);
      child.stdin.write('lift E0040150001000AB\n');
      await new Promise((r) => setTimeout(r, 300));
      expect((await reader.inventory()).map((t) => t.uid)).not.toContain('E0040150001000AB');
    } finally {
      await reader?.close();
      reader = undefined;
      child.stdin.end('quit\n');
      await new Promise((r) => child.once('exit', r));
    }
  }, 20_000);
});
