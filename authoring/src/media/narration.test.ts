import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { synthesizeNarration } from './narration';
import { runTool } from './runTool';
import { parseVtt } from './vtt';

const cacheDir = mkdtempSync(join(tmpdir(), 'narration-test-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

// Three sentences per language, written for listening as the tour scripts are.
const scripts = {
  fr: 'Nous sommes à Dunkerque, à la fin du mois de mai mille neuf cent quarante. La jetée Est avance loin dans la mer. Des soldats attendent leur tour pour embarquer.',
  en: 'We are in Dunkirk at the end of May nineteen forty. The East Mole reaches far out to sea. Soldiers wait for their turn to board.',
  nl: 'We zijn in Duinkerke, eind mei negentienveertig. De Oostpier steekt ver in zee. Soldaten wachten op hun beurt om aan boord te gaan.',
} as const;

/** Duration of an Ogg Opus file as ffprobe reads it (from the last granule position). */
async function probeDurationS(bytes: Uint8Array): Promise<number> {
  const file = join(cacheDir, `probe-${Math.random().toString(36).slice(2)}.opus`);
  writeFileSync(file, bytes);
  const { stdout } = await runTool('ffprobe', [
    ...['-v', 'error', '-show_entries', 'format=duration', '-of', 'default=nw=1:nk=1', file],
  ]);
  rmSync(file);
  return Number(stdout.toString('utf8').trim());
}

describe('synthesizeNarration', () => {
  for (const locale of ['fr', 'en', 'nl'] as const) {
    it(`speaks a three-sentence ${locale} script with one cue per sentence that ends with the audio`, async () => {
      const n = await synthesizeNarration(scripts[locale], locale, { cacheDir });
      expect(n.fromCache).toBe(false);
      expect(String.fromCharCode(...n.opus.subarray(0, 4))).toBe('OggS');
      const cues = parseVtt(n.vtt);
      expect(cues).toHaveLength(3);
      for (const [i, c] of cues.entries()) {
        expect(c.endS).toBeGreaterThan(c.startS);
        if (i > 0) expect(c.startS).toBeGreaterThanOrEqual(cues[i - 1]?.endS as number);
      }
      expect(cues[0]?.startS).toBe(0);
      expect(Math.abs((cues.at(-1)?.endS as number) - n.durationS)).toBeLessThanOrEqual(0.001);
      // The encoded file lasts as long as the PCM (Opus pads the last frame by at most 20 ms, plus pre-skip rounding).
      expect(Math.abs((await probeDurationS(n.opus)) - n.durationS)).toBeLessThan(0.05);
      // 150 words a minute: three short sentences take a few seconds, not a few hundred milliseconds.
      expect(n.durationS).toBeGreaterThan(4);
      expect(n.durationS).toBeLessThan(20);
    }, 30_000);
  }

  it('serves the same script from the cache the second time, bytes unchanged', async () => {
    const first = await synthesizeNarration(scripts.en, 'en', { cacheDir });
    const second = await synthesizeNarration(scripts.en, 'en', { cacheDir });
    expect(second.fromCache).toBe(true);
    expect(second.key).toBe(first.key);
    expect(second.opus).toEqual(first.opus);
    expect(second.vtt).toBe(first.vtt);
    expect(second.durationS).toBe(first.durationS);
    expect(
      readdirSync(cacheDir)
        .filter((f) => f.startsWith(first.key))
        .sort(),
    ).toEqual([`${first.key}.json`, `${first.key}.opus`, `${first.key}.vtt`]);
  }, 30_000);

  it('changes the cache key when the text changes', async () => {
    const a = await synthesizeNarration('One short line.', 'en', { cacheDir });
    const b = await synthesizeNarration('Another short line.', 'en', { cacheDir });
    expect(a.key).not.toBe(b.key);
  }, 30_000);

  it('refuses empty text with TEXT_EMPTY and an unknown locale with LOCALE_UNSUPPORTED', async () => {
    await expect(synthesizeNarration('  ', 'en', { cacheDir })).rejects.toMatchObject({ code: 'TEXT_EMPTY' });
    await expect(synthesizeNarration('Hallo.', 'de', { cacheDir })).rejects.toMatchObject({
      code: 'LOCALE_UNSUPPORTED',
      details: { field: 'locale' },
    });
  });
});

describe('runTool', () => {
  it('names a missing tool with TOOL_MISSING', async () => {
    await expect(runTool('no-such-media-tool-xyz', [])).rejects.toMatchObject({
      code: 'TOOL_MISSING',
      details: { tool: 'no-such-media-tool-xyz' },
    });
  });
  it('reports a failing tool with TOOL_FAILED and the tail of its stderr', async () => {
    const err = await runTool('ffmpeg', ['-hide_banner', '-i', '/nonexistent/input.wav']).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'TOOL_FAILED', details: { tool: 'ffmpeg' } });
    expect((err as { details: { stderrTail: string } }).details.stderrTail).toContain(
      '/nonexistent/input.wav',
    );
  });
});
