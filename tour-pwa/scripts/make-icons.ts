/**
 * Renders the PNG icons of the web app manifest from public/icons/icon.svg.
 * Run after changing the SVG: `npx tsx tour-pwa/scripts/make-icons.ts`; the PNGs are committed.
 */
import sharp from 'sharp';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../public/icons/', import.meta.url));
const svg = readFileSync(dir + 'icon.svg');
for (const size of [192, 512]) {
  await sharp(svg, { density: 300 }).resize(size, size).png().toFile(`${dir}icon-${size}.png`);
}
// Maskable: the artwork inside the 80 % safe zone on a full-bleed background.
const inner = await sharp(svg, { density: 300 }).resize(400, 400).png().toBuffer();
await sharp({ create: { width: 512, height: 512, channels: 4, background: '#1d3557' } })
  .composite([{ input: inner, top: 56, left: 56 }])
  .png()
  .toFile(`${dir}icon-maskable-512.png`);
console.log('icons written to', dir);
