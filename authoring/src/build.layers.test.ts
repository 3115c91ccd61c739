import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { decodeLayers, generateSigningKeyPair, type TourFormatError } from '@dunkirk/content';
import { readPackage, readSource } from '@dunkirk/content/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTemp, repoRoot, sampleTourDir, tempDir } from '../test/helpers';
import { attachLayers, build } from './build';

const toursDir = join(repoRoot, 'content', 'tours');
const withoutGenerated = (src: string) => !src.includes(`${sep}.generated`);
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- mutating documents on purpose

/** The sample tour with the beaches tour's layers document, re-addressed to the sample tour. */
async function sampleWithLayers(edit: (doc: Loose) => void = () => {}): Promise<string> {
  const dir = join(await tempDir(), 'sample');
  await cp(sampleTourDir, dir, { recursive: true, filter: withoutGenerated });
  const doc = JSON.parse(
    await readFile(join(toursDir, 'beaches-rearguard', 'layers', 'layers.json'), 'utf8'),
  ) as Loose;
  doc.tour = 'sample';
  edit(doc);
  await cp(join(toursDir, 'beaches-rearguard', 'layers'), join(dir, 'layers'), { recursive: true });
  await writeFile(join(dir, 'layers', 'layers.json'), JSON.stringify(doc, null, 2));
  return dir;
}

async function refusal(p: Promise<unknown>): Promise<TourFormatError> {
  try {
    await p;
  } catch (err) {
    return err as TourFormatError;
  }
  throw new Error('expected a refusal');
}

describe('the build packages the map layers (FORMAT.md § Map layers)', () => {
  let keys: CryptoKeyPair;
  beforeAll(async () => {
    keys = await generateSigningKeyPair();
  });
  afterAll(cleanupTemp);

  it('adds layers/layers.json as an application/json asset named by manifest.layers, credited to its sources', async () => {
    const dir = await sampleWithLayers();
    const out = join(await tempDir(), 'pkg');
    const written = await build(dir, { out, privateKey: keys.privateKey, allowMissing: true });

    const layersId = written.manifest.layers;
    expect(layersId).toMatch(/^[0-9a-f]{64}$/);
    const asset = written.manifest.assets.find((a) => a.id === layersId);
    expect(asset).toMatchObject({ mediaType: 'application/json', licence: 'Licence-Ouverte-2.0, CC0-1.0' });
    expect(asset?.credit).toContain('DATAtourisme, Licence Ouverte 2.0 (Etalab)');

    // The signed package reads back, and the asset decodes to the same document.
    const pkg = await readPackage(out, { trustedKeys: [keys.publicKey] });
    const file = pkg.files.find((f) => f.asset.id === layersId)!;
    expect(file.file).toBe(`assets/${layersId}.json`);
    const doc = decodeLayers(new Uint8Array(await readFile(join(out, file.file))));
    const source = decodeLayers(new Uint8Array(await readFile(join(dir, 'layers', 'layers.json'))));
    expect(doc).toEqual(source);
    expect(doc.points.every((p) => doc.sources[p.source]?.licence)).toBe(true);
  });

  it('leaves a tour without layers unchanged (no `layers`, no extra asset)', async () => {
    const source = await readSource(sampleTourDir);
    expect(await attachLayers(source, sampleTourDir)).toBe(source);
  });

  it('keeps a curator-listed entry in its place and rewrites its credit from the document', async () => {
    const dir = await sampleWithLayers();
    const source = await readSource(dir);
    const listed = {
      ...source,
      layers: 'layers/layers.json',
      assets: [
        ...source.assets,
        { id: 'layers/layers.json', mediaType: 'application/json', credit: 'stale', licence: 'stale' },
      ],
    };
    const attached = await attachLayers(listed, dir);
    expect(attached.assets).toHaveLength(listed.assets.length);
    expect(attached.assets.at(-1)?.credit).toContain('DATAtourisme');
  });

  it('refuses a layers document of another tour (SCHEMA_INVALID at /tour of layers/layers.json)', async () => {
    const dir = await sampleWithLayers((doc) => (doc.tour = 'beaches-rearguard'));
    const err = await refusal(build(dir, { out: join(dir, 'out'), privateKey: keys.privateKey }));
    expect(err.code).toBe('SCHEMA_INVALID');
    expect(err.details).toMatchObject({ file: 'layers/layers.json', pointer: '/tour' });
  });

  it('refuses an invalid layers document with its pointer, before writing anything', async () => {
    const dir = await sampleWithLayers((doc) => (doc.points[1].source = 'nobody'));
    const out = join(dir, 'out');
    const err = await refusal(build(dir, { out, privateKey: keys.privateKey, allowMissing: true }));
    expect(err.code).toBe('SCHEMA_INVALID');
    expect(err.details).toMatchObject({ file: 'layers/layers.json', pointer: '/points/1/source' });
    await expect(readFile(join(out, 'manifest.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses tour.json naming a layers file that is absent (SOURCE_INVALID)', async () => {
    const dir = await sampleWithLayers();
    await rm(join(dir, 'layers', 'layers.json'));
    const source = await readSource(dir);
    const err = await refusal(attachLayers({ ...source, layers: 'layers/layers.json' }, dir));
    expect(err.code).toBe('SOURCE_INVALID');
    expect(err.details.file).toBe('layers/layers.json');
  });

  it.each(['beaches-rearguard', 'dunkirk-port-mole'])('packages the %s tour with its layers', async (id) => {
    const out = join(await tempDir(), id);
    const written = await build(join(toursDir, id), { out, privateKey: keys.privateKey, allowMissing: true });
    const asset = written.manifest.assets.find((a) => a.id === written.manifest.layers);
    expect(asset?.mediaType).toBe('application/json');
    const doc = decodeLayers(new Uint8Array(await readFile(join(out, `assets/${asset!.id}.json`))));
    expect(doc.tour).toBe(id);
  });
});
