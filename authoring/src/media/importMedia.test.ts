import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { importAudio } from './importAudio';
import { importImage, MAX_IMAGE_SIDE } from './importImage';
import { runTool } from './runTool';
import { encodeWav } from './wav';

const dir = mkdtempSync(join(tmpdir(), 'import-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Integrated loudness (LUFS) measured by ffmpeg's ebur128 filter. */
async function integratedLufs(bytes: Uint8Array): Promise<number> {
  const { stderr } = await runTool(
    'ffmpeg',
    ['-hide_banner', '-nostats', '-i', 'pipe:0', '-af', 'ebur128', '-f', 'null', '-'],
    bytes,
  );
  const m = /I:\s+(-?[\d.]+) LUFS/.exec(stderr.slice(stderr.lastIndexOf('Summary')));
  return Number(m?.[1]);
}

describe('importImage', () => {
  it('scales a large image down to 2048 px and gives WebP and AVIF', async () => {
    const png = await sharp({ create: { width: 3000, height: 1200, channels: 3, background: '#3a6ea5' } })
      .png()
      .toBuffer();
    const img = await importImage(new Uint8Array(png));
    expect([img.width, img.height]).toEqual([MAX_IMAGE_SIDE, 819]);
    expect((await sharp(img.webp).metadata()).format).toBe('webp');
    expect((await sharp(img.avif).metadata()).format).toBe('heif');
  });
  it('refuses bytes that are not an image with INPUT_INVALID', async () => {
    await expect(importImage(new Uint8Array([1, 2, 3]))).rejects.toMatchObject({ code: 'INPUT_INVALID' });
  });
});

describe('importAudio', () => {
  it('normalises a quiet recording to about -16 LUFS and encodes Opus', async () => {
    const rate = 16000;
    const data = new Uint8Array(rate * 2 * 3); // 3 s of a quiet 440 Hz tone
    const view = new DataView(data.buffer);
    for (let i = 0; i < rate * 3; i++)
      view.setInt16(i * 2, Math.round(600 * Math.sin((2 * Math.PI * 440 * i) / rate)), true);
    const file = join(dir, 'quiet.wav');
    writeFileSync(file, encodeWav({ sampleRate: rate, channels: 1, data }));
    const before = await integratedLufs(encodeWav({ sampleRate: rate, channels: 1, data }));
    const opus = await importAudio(file);
    expect(String.fromCharCode(...opus.subarray(0, 4))).toBe('OggS');
    const after = await integratedLufs(opus);
    expect(before).toBeLessThan(-30);
    expect(Math.abs(after - -16)).toBeLessThan(2);
  }, 30_000);
  it('names the file it cannot read', async () => {
    await expect(importAudio(join(dir, 'missing.wav'))).rejects.toMatchObject({
      code: 'INPUT_INVALID',
      details: { path: join(dir, 'missing.wav') },
    });
  });
});
