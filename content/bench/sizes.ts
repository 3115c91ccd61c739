/**
 * What a visitor downloads, per built tour package in content/dist (run `npm run build -w content`
 * first): the whole package, one language with all its scenarios (what the app fetches for a visitor
 * who chose a language), and the first stop playable in one language. Budgets from issue 9: one tour,
 * one language, all scenarios ≤ 25 MB; first stop ≤ 5 MB (the app shell is reported by tour-pwa's bench).
 *
 *   npx tsx content/bench/sizes.ts
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

type Text = Record<string, string>;
interface Asset {
  id: string;
  size: number;
}
interface Block {
  type: string;
  tracks?: Record<string, { audio: string; captions: string }>;
  [key: string]: unknown;
}
interface Stop {
  id: string;
  common?: Block[];
  scenarios: Record<string, Block[]>;
}
interface Manifest {
  id: string;
  version: string;
  locales: string[];
  title: Text;
  stops: Stop[];
  assets: Asset[];
}

const dist = join(import.meta.dirname, '..', 'dist', 'packages');
if (!existsSync(dist)) {
  console.error('no built packages: run `npm run build -w content` first');
  process.exit(1);
}
const MB = (n: number) => `${(n / 1e6).toFixed(2)} MB`;

/** Asset ids a block uses for `locale` (narration tracks of other languages excluded). */
function assetsOf(value: unknown, locale: string, into: Set<string>, ids: Set<string>): void {
  if (typeof value === 'string') {
    if (ids.has(value)) into.add(value);
    return;
  }
  if (Array.isArray(value)) return value.forEach((v) => assetsOf(v, locale, into, ids));
  if (typeof value !== 'object' || value === null) return;
  const block = value as Block;
  if (block.type === 'narration' && block.tracks) {
    const track = block.tracks[locale];
    if (track) assetsOf([track.audio, track.captions], locale, into, ids);
    return;
  }
  for (const v of Object.values(value)) assetsOf(v, locale, into, ids);
}

console.log('tour package sizes (bytes on the wire, uncompressed; assets are already compressed media)');
for (const id of readdirSync(dist)) {
  for (const version of readdirSync(join(dist, id))) {
    const dir = join(dist, id, version);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    const head = statSync(join(dir, 'manifest.json')).size + statSync(join(dir, 'manifest.sig')).size;
    const sizes = new Map(manifest.assets.map((a) => [a.id, a.size]));
    const ids = new Set(sizes.keys());
    const total = head + manifest.assets.reduce((n, a) => n + a.size, 0);
    console.log(`${id} ${version}: whole package ${MB(total)}, ${manifest.assets.length} assets`);
    for (const locale of manifest.locales) {
      const used = new Set<string>();
      // Assets referenced outside the stops (characters' portraits, the offline map) count for every language.
      const { assets: _list, stops: _stops, ...rest } = manifest;
      assetsOf(rest, locale, used, ids);
      const firstStop = new Set(used);
      manifest.stops.forEach((stop, i) => {
        assetsOf(stop, locale, used, ids);
        if (i === 0) assetsOf(stop, locale, firstStop, ids);
      });
      const bytes = (set: Set<string>) => head + [...set].reduce((n, a) => n + (sizes.get(a) ?? 0), 0);
      const one = bytes(used);
      const first = bytes(firstStop);
      console.log(
        `  ${locale}: all scenarios ${MB(one)} (budget 25 MB: ${one <= 25e6 ? 'ok' : 'OVER'}), ` +
          `first stop ${MB(first)} (budget 5 MB with the app shell: ${first <= 5e6 ? 'ok' : 'OVER'})`,
      );
    }
  }
}
