/**
 * Generates the immersive media of the Operation Dynamo tours: 3D re-enactments (glb + stills), panoramas,
 * then/now AR overlays, maps and sound effects, with their `*.block.json` files.
 *
 *   npx tsx content/tools/generate-media.ts [--tour dunkirk-port-mole|beaches-rearguard]
 *
 * Deterministic: the same code and library versions give the same bytes, and unchanged files are not rewritten.
 */
import { parseArgs } from 'node:util';
import type { Written } from './lib/output';
import { TOURS } from './tours';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { tour: { type: 'string' } } });
  const ids = values.tour ? [values.tour] : Object.keys(TOURS);
  const all: Written[] = [];
  for (const id of ids) {
    const gen = TOURS[id];
    if (!gen) {
      console.error(`unknown tour ${id}; known: ${Object.keys(TOURS).join(', ')}`);
      process.exit(2);
    }
    console.log(`# ${id}`);
    const written = await gen((line) => console.log(`  ${line}`));
    all.push(...written);
    for (const w of written)
      console.log(`  ${w.changed ? 'wrote' : 'same '} ${String(w.bytes).padStart(9)} B  ${w.path}`);
  }
  const total = all.reduce((a, w) => a + w.bytes, 0);
  console.log(
    `${all.length} files, ${(total / 1024).toFixed(0)} KiB, ${all.filter((w) => w.changed).length} changed`,
  );
}

await main();
