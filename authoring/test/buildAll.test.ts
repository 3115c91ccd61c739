import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { catalogueSchema } from '@dunkirk/content';
import { readPackage } from '@dunkirk/content/node';
import { generateSigningKeyPair } from '@dunkirk/content';
import { afterAll, describe, expect, it } from 'vitest';
import type { PrepareHook } from '../src/build';
import { build, buildAll } from '../src/build';
import { cleanupTemp, sampleTourDir, tempDir } from './helpers';

/** The sample folder may hold `.generated/` media from an earlier narration build: tests start without it. */
const withoutGenerated = (src: string) => !src.includes(`${sep}.generated`);

describe('build and buildAll', () => {
  afterAll(cleanupTemp);

  it('builds every valid tour, skips the others with their reason, and writes the catalogue', async () => {
    const tours = await tempDir();
    await cp(sampleTourDir, join(tours, 'sample'), { recursive: true, filter: withoutGenerated });
    await mkdir(join(tours, 'half-written'));
    await writeFile(join(tours, 'half-written', 'tour.json'), '{"formatVersion":1,"id":"half-written"}');
    const out = join(await tempDir(), 'dist');
    const pair = await generateSigningKeyPair();
    const lines: string[] = [];

    const result = await buildAll({
      toursDir: tours,
      outDir: out,
      privateKey: pair.privateKey,
      log: (l) => lines.push(l),
    });

    expect(result.built.map((b) => b.entry.id)).toEqual(['sample']);
    expect(result.skipped).toEqual([
      { dir: join(tours, 'half-written'), reason: expect.stringMatching(/^SCHEMA_INVALID tour\.json#/) },
    ]);
    expect(lines.some((l) => l.startsWith('skipped half-written: SCHEMA_INVALID'))).toBe(true);
    const catalogue = catalogueSchema.parse(JSON.parse(await readFile(join(out, 'catalogue.json'), 'utf8')));
    expect(catalogue.tours[0]).toMatchObject({
      id: 'sample',
      packageUrl: 'packages/sample/1.0.0/',
      stopCount: 2,
    });
    const pkg = await readPackage(join(out, catalogue.tours[0]!.packageUrl), {
      trustedKeys: [pair.publicKey],
    });
    expect(pkg.totalBytes).toBe(catalogue.tours[0]!.packageBytes);
  });

  it('runs the prepare hook between reading and packaging (how narration audio gets in)', async () => {
    const tourDir = join(await tempDir(), 'sample');
    await cp(sampleTourDir, tourDir, { recursive: true, filter: withoutGenerated });
    await mkdir(join(tourDir, '.generated'));
    await writeFile(
      join(tourDir, '.generated', 'belfry-fr.vtt'),
      'WEBVTT\n\n00:00.000 --> 00:01.000\nBonjour.\n',
    );
    await writeFile(join(tourDir, '.generated', 'belfry-fr.opus'), 'fake opus');
    const prepare: PrepareHook = async (source) => {
      const next = structuredClone(source);
      next.assets.push(
        {
          id: '.generated/belfry-fr.opus',
          mediaType: 'audio/ogg; codecs=opus',
          credit: 'hook',
          licence: 'CC-BY-4.0',
        },
        { id: '.generated/belfry-fr.vtt', mediaType: 'text/vtt', credit: 'hook', licence: 'CC-BY-4.0' },
      );
      const narration = next.stops[0]!.scenarios['family']![0]!;
      if (narration.type === 'narration') {
        narration.tracks.fr = {
          audio: '.generated/belfry-fr.opus',
          captions: '.generated/belfry-fr.vtt',
          durationS: 1,
        };
      }
      return next;
    };
    const pair = await generateSigningKeyPair();
    const written = await build(tourDir, {
      out: join(await tempDir(), 'pkg'),
      privateKey: pair.privateKey,
      prepare,
    });
    const narration = written.manifest.stops[0]!.scenarios['family']![0]!;
    expect(narration.type === 'narration' && narration.tracks.fr?.audio).toMatch(/^[0-9a-f]{64}$/);
    expect(written.manifest.assets).toHaveLength(3);
  });
});
