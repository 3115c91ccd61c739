/**
 * npm run bench -w rfid-driver
 *
 * 1. Driver over the simulator on a socat PTY pair, 3M and FEIG, for 1, 5, 10
 *    and 16 tags: inventory, then read 10 blocks and secure (AFI + EAS) each
 *    tag. Prints the measured time, the physics floor for the same commands
 *    (ISO 15693 air time + serial byte time, as the simulator accounted them)
 *    and their ratio; the target is ≤ 1.10.
 * 2. Decode throughput of each codec (tags/s).
 */
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import { openReader, readerFor } from '../src/readers/openReader';
import { readTag, setSecured } from '../src/readers/library';
import { startMemorySimulator, startPtySimulator } from '../src/sim/simulate';
import { decodePart2, encodePart2 } from '../src/iso28560/part2';
import { decodePart3, encodePart3 } from '../src/iso28560/part3';
import { decodeLegacy3m, encodeLegacy3m } from '../src/iso28560/legacy3m';
import { decodeTag } from '../src/iso28560/tag';
import { toHex } from '../src/bytes';

const part3 = (id: string) =>
  encodePart3({
    version: 1,
    typeOfUsage: 1,
    partsInItem: 1,
    partNumber: 1,
    primaryItemId: id,
    country: 'FR',
    library: '593506101',
  });

async function driverRun(protocol: '3m' | 'feig', n: number, rounds: number, link: 'pty' | 'memory') {
  const tags = Array.from({ length: n }, (_, i) => ({
    uid: `E0040150${(0x10000000 + i * 0x01234567).toString(16).toUpperCase().slice(-8)}`,
    data: toHex(part3(`3059${String(i).padStart(6, '0')}`)),
    afi: 0x07,
    eas: true,
  }));
  const sim =
    link === 'pty'
      ? await startPtySimulator({ protocol, pad: tags, spinMs })
      : await startMemorySimulator({ protocol, pad: tags, spinMs });
  const reader =
    'path' in sim
      ? await openReader({ protocol, path: sim.path, timeoutMs: 5000, reconnect: false })
      : readerFor(protocol, sim.transport, { timeoutMs: 5000 });
  await reader.open();
  try {
    await reader.inventory(); // warm up JIT and the port
    let measured = 0;
    let floor = 0;
    let late = 0;
    for (let r = 0; r < rounds; r++) {
      const before = { ...sim.simulator.stats };
      const t0 = performance.now();
      const found = await reader.inventory();
      if (found.length !== n) throw new Error(`found ${found.length} of ${n}`);
      for (const t of found) {
        await readTag(reader, t.uid);
        await setSecured(reader, t.uid, r % 2 === 1);
      }
      measured += performance.now() - t0;
      const s = sim.simulator.stats;
      floor += (s.airTimeUs - before.airTimeUs + s.serialTimeUs - before.serialTimeUs) / 1000;
      late += (s.lateUs - before.lateUs) / 1000;
    }
    return { measured: measured / rounds, floor: floor / rounds, late: late / rounds };
  } finally {
    await reader.close();
    await sim.stop();
  }
}

function throughput(name: string, bytes: Uint8Array, decode: (b: Uint8Array) => unknown) {
  for (let i = 0; i < 2000; i++) decode(bytes);
  const n = 50_000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) decode(bytes);
  const s = (performance.now() - t0) / 1000;
  return { codec: name, 'tags/s': Math.round(n / s) };
}

/** Round trip of one command when the simulator answers at once: the driver + PTY share of every command. */
async function overheadPerCommand(protocol: '3m' | 'feig') {
  const uid = 'E004015012345678';
  const sim = await startPtySimulator({ protocol, pad: [{ uid, afi: 7 }], realTime: false });
  const reader = await openReader({ protocol, path: sim.path, reconnect: false });
  try {
    for (let i = 0; i < 20; i++) await reader.readAfi(uid);
    const n = 300;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await reader.readAfi(uid);
    return (performance.now() - t0) / n;
  } finally {
    await reader.close();
    await sim.stop();
  }
}

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
/** The simulator busy-waits this long before each answer so that its own timer lag stays small. */
const spinMs = Number(process.env.BENCH_SPIN_MS ?? 15);
console.log(
  `Driver over the simulator: socat PTY with the real serialport stack, and an in-memory link; mean of ${rounds} rounds`,
);
console.log('operations per round: inventory + for each tag (read 10 blocks, write AFI, set/reset EAS)');
const rows = [];
const links = (process.env.BENCH_LINKS ?? 'pty,memory').split(',');
for (const [protocol, link] of (
  [
    ['3m', 'pty'],
    ['feig', 'pty'],
    ['3m', 'memory'],
    ['feig', 'memory'],
  ] as const
).filter(([, l]) => links.includes(l))) {
  const overhead = link === 'pty' ? await overheadPerCommand(protocol) : undefined;
  for (const n of [1, 5, 10, 16]) {
    const commands = 1 + 3 * n;
    const { measured, floor, late } = await driverRun(protocol, n, rounds, link);
    rows.push({
      protocol,
      link,
      tags: n,
      'measured ms': measured.toFixed(1),
      'floor ms': floor.toFixed(1),
      ratio: (measured / floor).toFixed(3),
      'sim late ms': late.toFixed(1),
      'ratio w/o sim lateness': ((measured - late) / floor).toFixed(3),
      'driver ms/cmd': overhead?.toFixed(2) ?? '',
      'floor+driver ratio': overhead === undefined ? '' : ((floor + commands * overhead) / floor).toFixed(3),
    });
  }
}
console.table(rows);
console.log(
  '"floor": ISO 15693 air time + serial byte time the simulator modelled for exactly these commands.',
);
console.log(
  '"driver ms/cmd": one command round trip over the PTY when the simulator answers at once (driver + serialport + socat).',
);
console.log(
  '"floor+driver ratio": the ratio those per-command costs alone imply; the rest is scheduling delay on the machine.',
);
console.log(
  '"sim late": time the simulator itself answered after its modelled deadline (timer lag on a busy machine).',
);
console.log(
  `machine: ${os.cpus().length} cores, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')}`,
);

const p2 = encodePart2({
  primaryItemId: '123456789012',
  ownerIsil: 'US-InU-Mu',
  setInformation: '1203',
  shelfLocation: 'QA268.L55',
});
const p3 = part3('11223344');
const l3 = encodeLegacy3m({
  partNumber: 1,
  partsInItem: 1,
  itemType: 1,
  primaryItemId: '1301234567',
  branch: 1,
  library: 2,
  custom: 0,
});
console.log('Decode throughput (one core, 50,000 decodes each)');
console.table([
  throughput('ISO 28560-3 (decodePart3)', p3, decodePart3),
  throughput('ISO 28560-2 (decodePart2)', p2, decodePart2),
  throughput('legacy 3M (decodeLegacy3m)', l3, decodeLegacy3m),
  throughput('decodeTag, auto-detect, part 3', p3, (b) => decodeTag(b)),
  throughput('decodeTag, auto-detect, part 2', p2, (b) => decodeTag(b)),
]);
