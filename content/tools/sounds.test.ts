import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './lib/exec';
import { tourDir } from './lib/output';
import { SOUNDS, synthSound } from './sounds';

const tmp = mkdtempSync(join(tmpdir(), 'sounds-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('synthesised sound effects', () => {
  it.each(Object.keys(SOUNDS))('%s is Ogg Opus of 2–8 s and under 64 KB', (name) => {
    const bytes = synthSound(name);
    const file = join(tmp, `${name}.opus`);
    writeFileSync(file, bytes);
    const probe = run('ffprobe', [
      '-v',
      'error',
      '-show_entries',
      'stream=codec_name:format=duration',
      '-of',
      'default=nw=1',
      file,
    ]).toString();
    expect(probe).toContain('codec_name=opus');
    const duration = Number(/duration=([\d.]+)/.exec(probe)?.[1]);
    expect(duration).toBeGreaterThanOrEqual(2);
    expect(duration).toBeLessThanOrEqual(8.1);
    expect(bytes.length).toBeLessThan(64 * 1024);
  });
  it('gives the same bytes every time, equal to the committed file', () => {
    const a = synthSound('ship-horn');
    const b = synthSound('ship-horn');
    const sha = (x: Uint8Array): string => createHash('sha256').update(x).digest('hex');
    expect(sha(a)).toBe(sha(b));
    expect(sha(a)).toBe(
      sha(readFileSync(join(tourDir('dunkirk-port-mole'), 'media', 'sounds', 'ship-horn.opus'))),
    );
  });
});
