/**
 * Bundles the Electron main process and the preload into dist/electron, next to the renderer in
 * dist/renderer. The preload becomes one self-contained file (a sandboxed preload cannot load others);
 * native modules stay external and are unpacked from the asar by electron-builder.
 */
import { build } from 'esbuild';
import { statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const out = join(root, 'dist', 'electron');
const native = ['electron', 'better-sqlite3', 'serialport', '@serialport/*', 'node-hid'];

await build({
  entryPoints: [join(root, 'src/main/index.ts')],
  outfile: join(out, 'main.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: native,
  sourcemap: true,
  legalComments: 'none',
});
await build({
  entryPoints: [join(root, 'src/preload/index.ts')],
  outfile: join(out, 'preload.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'chrome130',
  external: ['electron'],
  legalComments: 'none',
});
for (const file of ['main.cjs', 'preload.cjs']) {
  console.log(`dist/electron/${file}  ${(statSync(join(out, file)).size / 1024).toFixed(1)} KiB`);
}
