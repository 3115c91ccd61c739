/**
 * Narration throughput on this machine: synthesises the draft narration of one real stop (every scenario,
 * every locale) into an empty cache, then again from the cache, and prints the figures.
 *
 *   npx tsx authoring/src/media/bench.ts [content/tours/<id>/stops/<stop>.json]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { synthesizeNarration } from './narration';
import { splitSentences } from './sentences';

const file = process.argv[2] ?? 'content/tours/dunkirk-port-mole/stops/east-mole.json';
const stop = JSON.parse(readFileSync(file, 'utf8')) as {
  scenarios: Record<string, { type: string; transcript?: Record<string, string> }[]>;
};
const jobs: [string, 'fr' | 'en' | 'nl'][] = [];
for (const blocks of Object.values(stop.scenarios)) {
  for (const b of blocks) {
    if (b.type !== 'narration' || !b.transcript) continue;
    for (const loc of ['fr', 'en', 'nl'] as const) if (b.transcript[loc]) jobs.push([b.transcript[loc], loc]);
  }
}
const sentences = jobs.reduce((n, [t, l]) => n + splitSentences(t, l).length, 0);
const cacheDir = mkdtempSync(join(tmpdir(), 'narration-bench-'));
try {
  let t0 = performance.now();
  const cold = await Promise.all(jobs.map(([t, l]) => synthesizeNarration(t, l, { cacheDir })));
  const coldS = (performance.now() - t0) / 1000;
  const audioS = cold.reduce((a, n) => a + n.durationS, 0);
  const bytes = cold.reduce((a, n) => a + n.opus.length, 0);
  t0 = performance.now();
  await Promise.all(jobs.map(([t, l]) => synthesizeNarration(t, l, { cacheDir })));
  const warmS = (performance.now() - t0) / 1000;
  console.log(
    `${file}: ${jobs.length} narrations, ${sentences} sentences, ${audioS.toFixed(0)} s of audio, ${(bytes / 1024).toFixed(0)} KiB Opus`,
  );
  console.log(
    `cold: ${coldS.toFixed(1)} s (${(sentences / coldS).toFixed(1)} sentences/s, ${(audioS / coldS).toFixed(1)} s of audio per second)`,
  );
  console.log(`cached: ${warmS.toFixed(2)} s`);
  console.log(`bit rate: ${((bytes * 8) / audioS / 1000).toFixed(1)} kb/s`);
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}
