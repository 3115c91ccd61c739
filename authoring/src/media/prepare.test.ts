import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DRAFT_VOICE_CREDIT,
  GENERATED_NARRATION_DIR,
  prepareNarration,
  type NarrationSource,
} from './prepare';
import { parseVtt } from './vtt';

const root = mkdtempSync(join(tmpdir(), 'prepare-test-'));
const cacheDir = join(root, 'cache');
const tourDir = join(root, 'tour');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const recorded = { fr: { audio: 'media/a.opus', captions: 'media/a.vtt', durationS: 3 } };

function source(): NarrationSource & { id: string } {
  return {
    id: 'test-tour',
    locales: ['fr', 'en', 'nl'],
    assets: [
      { id: 'media/a.opus', mediaType: 'audio/ogg; codecs=opus', credit: 'Actor', licence: 'CC-BY-4.0' },
    ],
    stops: [
      {
        common: [{ type: 'text' }],
        scenarios: {
          family: [
            {
              type: 'narration',
              draftVoice: true,
              tracks: {},
              transcript: {
                fr: 'Voici le port. Il est calme.',
                en: 'Here is the port. It is calm.',
                nl: 'Hier is de haven. Het is rustig.',
              },
            } as never,
          ],
          adult: [
            {
              type: 'narration',
              draftVoice: true,
              tracks: recorded,
              transcript: { fr: 'Déjà enregistré.' },
            } as never,
          ],
        },
      },
    ],
  };
}

describe('prepareNarration (the build prepare hook)', () => {
  it('fills empty draft-voice tracks in every locale, writes the files and lists them as credited assets', async () => {
    mkdirSync(join(tourDir, GENERATED_NARRATION_DIR), { recursive: true });
    const stale = join(tourDir, GENERATED_NARRATION_DIR, `${'0'.repeat(64)}.opus`);
    writeFileSync(stale, 'old');
    const input = source();
    const out = await prepareNarration(input, tourDir, { cacheDir });
    const stop = out.stops[0] as unknown as {
      scenarios: Record<
        string,
        { tracks: Record<string, { audio: string; captions: string; durationS: number }> }[]
      >;
    };
    const tracks = stop.scenarios.family?.[0]?.tracks ?? {};
    expect(Object.keys(tracks).sort()).toEqual(['en', 'fr', 'nl']);
    for (const t of Object.values(tracks)) {
      expect(t.audio).toMatch(/^\.generated\/narration\/[0-9a-f]{64}\.opus$/);
      expect(t.captions).toBe(t.audio.replace(/\.opus$/, '.vtt'));
      expect(existsSync(join(tourDir, t.audio))).toBe(true);
      const cues = parseVtt(readFileSync(join(tourDir, t.captions), 'utf8'));
      expect(cues).toHaveLength(2);
      expect(Math.abs((cues.at(-1)?.endS as number) - t.durationS)).toBeLessThanOrEqual(0.001);
      const assets = out.assets.filter((a) => a.id === t.audio || a.id === t.captions);
      expect(assets.map((a) => a.mediaType).sort()).toEqual(['audio/ogg; codecs=opus', 'text/vtt']);
      expect(assets.every((a) => a.credit === DRAFT_VOICE_CREDIT && a.licence === 'CC-BY-4.0')).toBe(true);
    }
    // recorded tracks are kept; the input is not mutated; files no block uses are cleaned away
    expect(stop.scenarios.adult?.[0]?.tracks).toEqual(recorded);
    expect(
      (input.stops[0] as unknown as { scenarios: { family: { tracks: object }[] } }).scenarios.family[0]
        ?.tracks,
    ).toEqual({});
    expect(existsSync(stale)).toBe(false);
    expect(out.assets).toHaveLength(1 + 6);
  }, 60_000);

  it('is stable: a second run gives the same source from the cache', async () => {
    const a = await prepareNarration(source(), tourDir, { cacheDir });
    let progress = 0;
    const b = await prepareNarration(source(), tourDir, { cacheDir, onProgress: () => progress++ });
    expect(b).toEqual(a);
    expect(progress).toBe(3);
  }, 60_000);
});
