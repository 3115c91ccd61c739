import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXED_NOW, cleanupTemp, richSampleTour, sampleTourDir, tempDir } from '../../test/packageFixture';
import type { SourceManifest } from '../index';
import { canonicalJson, generateSigningKeyPair, sha256Hex } from '../index';
import { readPackage, readSource, writePackage } from './index';
import { refusal } from '../../test/fixtures';

describe('writePackage', () => {
  let pair: CryptoKeyPair;
  let tourDir: string;
  let source: SourceManifest;
  beforeAll(async () => {
    pair = await generateSigningKeyPair();
    tourDir = await richSampleTour();
    source = await readSource(tourDir);
  });
  afterAll(cleanupTemp);

  it('content-addresses every asset and rewrites references from paths to hashes', async () => {
    const out = join(await tempDir(), 'pkg');
    const { manifest } = await writePackage(source, tourDir, out, {
      privateKey: pair.privateKey,
      now: FIXED_NOW,
    });
    const webp = await readFile(join(tourDir, 'media', 'leughenaer-sketch.webp'));
    const sha = await sha256Hex(webp);
    expect(manifest.stops[1]!.common![0]).toMatchObject({ type: 'image', image: sha });
    expect(await readdir(join(out, 'assets'))).toContain(`${sha}.webp`);
    expect(manifest.publishedAt).toBe('2026-11-26T00:00:00.000Z');
    const track = manifest.stops[0]!.scenarios['family']![0];
    expect(track).toMatchObject({ type: 'narration', tracks: { fr: { durationS: 2 } } });
  });

  it('writes manifest.json as canonical JSON (what is signed is what is stored)', async () => {
    const out = join(await tempDir(), 'pkg');
    const { manifest, manifestBytes } = await writePackage(source, tourDir, out, {
      privateKey: pair.privateKey,
    });
    const onDisk = await readFile(join(out, 'manifest.json'), 'utf8');
    expect(onDisk).toBe(canonicalJson(manifest));
    expect(new TextDecoder().decode(manifestBytes)).toBe(onDisk);
  });

  it('is reproducible: same source, key-independent manifest bytes for a fixed date', async () => {
    const a = await writePackage(source, tourDir, join(await tempDir(), 'a'), {
      privateKey: pair.privateKey,
      now: FIXED_NOW,
    });
    const b = await writePackage(source, tourDir, join(await tempDir(), 'b'), {
      privateKey: pair.privateKey,
      now: FIXED_NOW,
    });
    expect(a.manifestBytes).toEqual(b.manifestBytes);
  });

  it('replaces an earlier build of the same package in place', async () => {
    const out = join(await tempDir(), 'pkg');
    await writePackage(source, tourDir, out, { privateKey: pair.privateKey });
    await writePackage(source, tourDir, out, { privateKey: pair.privateKey, now: FIXED_NOW });
    const pkg = await readPackage(out, { trustedKeys: [pair.publicKey] });
    expect(pkg.manifest.publishedAt).toBe(FIXED_NOW.toISOString());
  });

  it('leaves a folder that is not a package alone (OUTPUT_EXISTS)', async () => {
    const out = join(await tempDir(), 'precious');
    await mkdir(out);
    await writeFile(join(out, 'notes.txt'), 'keep me');
    const err = await refusal(writePackage(source, tourDir, out, { privateKey: pair.privateKey }));
    expect(err.code).toBe('OUTPUT_EXISTS');
    expect(await readdir(out)).toEqual(['notes.txt']);
  });

  it('leaves nothing behind when a build fails half-way (a media file vanished)', async () => {
    const brokenTour = await richSampleTour();
    const broken = await readSource(brokenTour);
    await rm(join(brokenTour, 'media', 'belfry-fr.vtt'));
    const parent = await tempDir();
    const err = await refusal(
      writePackage(broken, brokenTour, join(parent, 'pkg'), { privateKey: pair.privateKey }),
    );
    expect(err.code).toBe('SOURCE_INVALID');
    expect(err.details.file).toBe('media/belfry-fr.vtt');
    expect(await readdir(parent)).toEqual([]);
  });

  it('refuses missing translations (TRANSLATION_MISSING) unless allowed', async () => {
    const partial = structuredClone(source);
    delete partial.stops[1]!.title.nl;
    const parent = await tempDir();
    const err = await refusal(
      writePackage(partial, tourDir, join(parent, 'pkg'), { privateKey: pair.privateKey }),
    );
    expect(err.code).toBe('TRANSLATION_MISSING');
    expect(err.details.pointer).toBe('/stops/1/title');
    expect(await readdir(parent)).toEqual([]);
    const ok = await writePackage(partial, tourDir, join(parent, 'pkg'), {
      privateKey: pair.privateKey,
      allowMissing: true,
    });
    expect(ok.manifest.stops[1]!.title.nl).toBeUndefined();
  });

  it('checks a source changed by a prepare hook again before packaging it', async () => {
    const changed = structuredClone(source);
    (changed.stops[0]!.common![0] as { type: string }).type = 'hologram';
    const err = await refusal(
      writePackage(changed, tourDir, join(await tempDir(), 'pkg'), { privateKey: pair.privateKey }),
    );
    expect(err.code).toBe('SCHEMA_INVALID');
  });

  it('packages the committed sample tour as it is', async () => {
    const sample = await readSource(sampleTourDir);
    const { sizes } = await writePackage(sample, sampleTourDir, join(await tempDir(), 'pkg'), {
      privateKey: pair.privateKey,
    });
    expect(sizes.packageBytes).toBeGreaterThan(sizes.firstStopBytes);
  });
});
