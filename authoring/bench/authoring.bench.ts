/**
 * `npm run bench -w authoring`: prints the build time of each Operation Dynamo tour, the rebuild time
 * after one stop's text changes, and the validation time of a generated 1,000-stop tour.
 * Targets (issue 10): one-stop rebuild ≤ 1 s; 1,000-stop validation ≤ 200 ms. Figures are printed,
 * never asserted (the machine is shared).
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { crossCheckManifest, missingTranslations, parseSourceManifest } from '@dunkirk/content';
import { checkSource, findRepoRoot, loadOrCreateDevKeys } from '@dunkirk/content/node';
import { build } from '../src/build';
import { prepareNarration } from '../src/media';
import { tourReport } from '../src/server/tourReport';

const TOURS = ['dunkirk-port-mole', 'beaches-rearguard'];
const repo = findRepoRoot(import.meta.dirname);
const { privateKey } = await loadOrCreateDevKeys(repo);
const scratch = await mkdtemp(join(tmpdir(), 'authoring-bench-'));
const ms = (t0: number): string => `${(performance.now() - t0).toFixed(0)} ms`;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

try {
  // BENCH_ONLY=validation skips the builds (they need the narration cache to be quick).
  const builds = process.env['BENCH_ONLY'] !== 'validation';
  if (builds)
    console.log('Full build (read, draft narration from the cache, hash, copy, sign, write atomically):');
  for (const id of builds ? TOURS : []) {
    const dir = join(scratch, id);
    await cp(join(repo, 'content', 'tours', id), dir, { recursive: true });
    for (const prepared of [false, true]) {
      const t0 = performance.now();
      const out = await build(dir, {
        out: join(scratch, 'out', id, String(prepared)),
        privateKey,
        allowMissing: true,
        ...(prepared && { prepare: (s, d) => prepareNarration(s, d) }),
      });
      console.log(
        `  ${id.padEnd(20)} ${prepared ? 'with draft voices' : 'no narration step'}: ${ms(t0).padStart(8)}  (${out.manifest.stops.length} stops, ${out.manifest.assets.length} assets, ${(out.sizes.packageBytes / 1e6).toFixed(1)} MB)`,
      );
    }
  }

  if (builds) console.log('Rebuild after changing one stop text (median of 5):');
  for (const id of builds ? TOURS : []) {
    const dir = join(scratch, id);
    const tour = JSON.parse(await readFile(join(dir, 'tour.json'), 'utf8')) as { stops: string[] };
    const stopFile = join(dir, 'stops', `${tour.stops[0]}.json`);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const stop = JSON.parse(await readFile(stopFile, 'utf8')) as { title: Record<string, string> };
      stop.title['fr'] = `${stop.title['fr']?.replace(/ \(\d+\)$/, '')} (${i})`;
      await writeFile(stopFile, JSON.stringify(stop, null, 2));
      const t0 = performance.now();
      await build(dir, {
        out: join(scratch, 'out', id, 'true'),
        privateKey,
        allowMissing: true,
        prepare: (s, d) => prepareNarration(s, d),
      });
      times.push(performance.now() - t0);
    }
    console.log(`  ${id.padEnd(20)} ${median(times).toFixed(0).padStart(6)} ms  (target ≤ 1000 ms)`);
  }

  console.log('Validation of a generated 1,000-stop tour (median of 7):');
  const big = join(scratch, 'big');
  await mkdir(join(big, 'stops'), { recursive: true });
  const ids = Array.from({ length: 1000 }, (_, i) => `stop-${i + 1}`);
  const coords = ids.map((_, i) => [2.35 + (i % 40) * 0.001, 51.03 + Math.floor(i / 40) * 0.001]);
  const t = (s: string): Record<string, string> => ({ fr: s, en: s, nl: s });
  await writeFile(
    join(big, 'tour.json'),
    JSON.stringify({
      formatVersion: 1,
      id: 'big',
      version: '1.0.0',
      locales: ['fr', 'en', 'nl'],
      title: t('Grand parcours'),
      description: t('Généré pour la mesure.'),
      durationMin: 600,
      distanceM: 40000,
      characters: [{ id: 'guide', name: 'Guide', role: t('guide'), description: t('guide') }],
      scenarios: [
        {
          id: 'family',
          audience: 'family',
          character: 'guide',
          title: t('Famille'),
          description: t('Famille'),
        },
        { id: 'adult', audience: 'adult', character: 'guide', title: t('Adulte'), description: t('Adulte') },
      ],
      stops: ids,
      route: 'route.geojson',
      map: { bounds: [2.34, 51.02, 2.4, 51.06] },
      assets: [],
    }),
  );
  await writeFile(join(big, 'route.geojson'), JSON.stringify({ type: 'LineString', coordinates: coords }));
  await Promise.all(
    ids.map((id, i) =>
      writeFile(
        join(big, 'stops', `${id}.json`),
        JSON.stringify({
          id,
          title: t(`Arrêt ${i + 1}`),
          position: coords[i],
          trigger: { radiusM: 30, dwellS: 3, minAccuracyM: 30 },
          positionSource: 'generated',
          common: [{ type: 'text', markdown: t(`Texte de l'arrêt ${i + 1}.`) }],
          scenarios: {
            family: [{ type: 'narration', tracks: {}, draftVoice: true, transcript: t(`Récit ${i + 1}.`) }],
            adult: [
              {
                type: 'quiz',
                question: t('?'),
                choices: [
                  { text: t('a'), correct: true },
                  { text: t('b'), correct: false },
                ],
                explanation: t('!'),
              },
            ],
          },
        }),
      ),
    ),
  );
  const checked = await checkSource(big);
  const source = checked.source;
  if (!source) throw checked.errors[0];
  const inMemory: number[] = [];
  const fromDisk: number[] = [];
  const report: number[] = [];
  for (let i = 0; i < 7; i++) {
    let t0 = performance.now();
    const doc = parseSourceManifest(structuredClone(source));
    crossCheckManifest(doc);
    missingTranslations(doc);
    inMemory.push(performance.now() - t0);
    t0 = performance.now();
    await checkSource(big);
    fromDisk.push(performance.now() - t0);
    t0 = performance.now();
    await tourReport(big);
    report.push(performance.now() - t0);
  }
  console.log(
    `  schema + cross-checks + translations, in memory: ${median(inMemory).toFixed(0).padStart(5)} ms  (target ≤ 200 ms)`,
  );
  console.log(
    `  checkSource, reading 1,002 files:               ${median(fromDisk).toFixed(0).padStart(5)} ms`,
  );
  console.log(
    `  editor report (check + matrix + media):         ${median(report).toFixed(0).padStart(5)} ms`,
  );
} finally {
  await rm(scratch, { recursive: true, force: true });
}
