import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Loose } from '../../test/fixtures';
import { cleanupTemp, copyDir, sampleTourDir } from '../../test/packageFixture';
import { checkSource, readSource } from './index';
import { refusal } from '../../test/fixtures';

async function editJson(file: string, edit: (json: Loose) => void): Promise<void> {
  const json: unknown = JSON.parse(await readFile(file, 'utf8'));
  edit(json);
  await writeFile(file, JSON.stringify(json));
}

describe('readSource (FORMAT.md § Source folder)', () => {
  afterAll(cleanupTemp);

  it('inlines the stops in the order of tour.json and the route from its GeoJSON Feature', async () => {
    const source = await readSource(sampleTourDir);
    expect(source.stops.map((s) => s.id)).toEqual(['belfry', 'leughenaer']);
    expect(source.route.type).toBe('LineString');
    expect(source.route.coordinates[0]).toEqual(source.stops[0]!.position);
  });

  it('replaces a { "$ref" } block by the block held in that file', async () => {
    const dir = await copyDir(sampleTourDir);
    await mkdir(join(dir, 'media', 'scenes'), { recursive: true });
    const block = { type: 'text', markdown: { fr: 'Référencé', en: 'Referenced', nl: 'Verwezen' } };
    await writeFile(join(dir, 'media', 'scenes', 'x.block.json'), JSON.stringify(block));
    await editJson(join(dir, 'stops', 'belfry.json'), (s) =>
      s.scenarios.adult.push({ $ref: 'media/scenes/x.block.json' }),
    );
    const source = await readSource(dir);
    expect(source.stops[0]!.scenarios['adult']!.at(-1)).toEqual(block);
  });

  it('names the $ref file when the block inside it is wrong', async () => {
    const dir = await copyDir(sampleTourDir);
    await writeFile(join(dir, 'media', 'bad.block.json'), JSON.stringify({ type: 'text' }));
    await editJson(join(dir, 'stops', 'belfry.json'), (s) => s.common.push({ $ref: 'media/bad.block.json' }));
    const err = await refusal(readSource(dir));
    expect(err.code).toBe('SCHEMA_INVALID');
    expect(err.details).toMatchObject({ file: 'media/bad.block.json', pointer: '/markdown' });
  });

  it.each(['../../etc/passwd.json', '/etc/x.json', 'media/x.txt'])(
    'refuses the unsafe $ref %s',
    async (ref) => {
      const dir = await copyDir(sampleTourDir);
      await editJson(join(dir, 'stops', 'belfry.json'), (s) => s.common.push({ $ref: ref }));
      const err = await refusal(readSource(dir));
      expect(err.code).toBe('SOURCE_INVALID');
      expect(err.details).toMatchObject({ file: 'stops/belfry.json', pointer: '/common/1/$ref' });
    },
  );

  it('locates a bad reference in the stop file that holds it (REF_UNKNOWN)', async () => {
    const dir = await copyDir(sampleTourDir);
    await editJson(join(dir, 'stops', 'leughenaer.json'), (s) => (s.common[0].image = 'media/nowhere.webp'));
    const err = await refusal(readSource(dir));
    expect(err.code).toBe('REF_UNKNOWN');
    expect(err.details).toMatchObject({ file: 'stops/leughenaer.json', pointer: '/common/0/image' });
  });

  it('names a stop file that is not JSON (JSON_INVALID)', async () => {
    const dir = await copyDir(sampleTourDir);
    await writeFile(join(dir, 'stops', 'belfry.json'), '{ "id": ');
    const err = await refusal(readSource(dir));
    expect(err.code).toBe('JSON_INVALID');
    expect(err.details.file).toBe('stops/belfry.json');
  });

  it('names a missing stop file and a missing media file (SOURCE_INVALID)', async () => {
    const dir = await copyDir(sampleTourDir);
    await editJson(join(dir, 'tour.json'), (t) => t.stops.push('ghost'));
    expect((await refusal(readSource(dir))).details.file).toBe('stops/ghost.json');

    const dir2 = await copyDir(sampleTourDir);
    await editJson(join(dir2, 'tour.json'), (t) =>
      t.assets.push({ id: 'media/missing.webp', mediaType: 'image/webp', credit: 'c', licence: 'l' }),
    );
    const err = await refusal(readSource(dir2));
    expect(err.code).toBe('SOURCE_INVALID');
    expect(err.details.file).toBe('media/missing.webp');
  });

  it('refuses a stop whose id differs from its file name', async () => {
    const dir = await copyDir(sampleTourDir);
    await editJson(join(dir, 'stops', 'belfry.json'), (s) => (s.id = 'beffroi'));
    expect((await refusal(readSource(dir))).details).toMatchObject({
      file: 'stops/belfry.json',
      pointer: '/id',
    });
  });

  it('locates a route error inside the GeoJSON Feature', async () => {
    const dir = await copyDir(sampleTourDir);
    await editJson(join(dir, 'route.geojson'), (r) => (r.geometry.coordinates[1] = [2.3, 'north']));
    const err = await refusal(readSource(dir));
    expect(err.details).toMatchObject({ file: 'route.geojson', pointer: '/geometry/coordinates/1/1' });
  });

  it('reports missing translations with the file a curator edits', async () => {
    const dir = await copyDir(sampleTourDir);
    await editJson(join(dir, 'stops', 'leughenaer.json'), (s) => delete s.common[0].alt.nl);
    const check = await checkSource(dir);
    expect(check.errors).toEqual([]);
    expect(check.missingTranslations).toEqual([
      { file: 'stops/leughenaer.json', pointer: '/common/0/alt', missing: ['nl'] },
    ]);
  });
});
