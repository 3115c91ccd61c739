import { describe, expect, it } from 'vitest';
import type { Loose } from '../../test/fixtures';
import { fixtureManifest, looseCopy } from '../../test/fixtures';
import type { TourFormatError } from '../errors/TourFormatError';
import { blockSchema, parseManifest, tourFileSchema } from '../index';

/** Runs `parseManifest` and returns the refusal (failing the test if there is none). */
function refusal(raw: unknown): TourFormatError {
  try {
    parseManifest(raw);
  } catch (err) {
    return err as TourFormatError;
  }
  throw new Error('expected a refusal');
}

describe('the package manifest schema (FORMAT.md § Manifest)', () => {
  it('accepts a complete manifest and returns it unchanged', async () => {
    const { manifest } = await fixtureManifest();
    expect(parseManifest(looseCopy(manifest))).toEqual(manifest);
  });

  it('accepts a narration block whose tracks are still empty (draft voice, no audio yet)', () => {
    const block = { type: 'narration', tracks: {}, draftVoice: true, transcript: { fr: 'Bonjour.' } };
    expect(blockSchema.parse(block)).toEqual(block);
  });

  it.each([
    ['a missing title', (m: Loose) => delete m.title, '/title'],
    ['an id that is not kebab-case', (m: Loose) => (m.id = 'Bad Id'), '/id'],
    ['a version that is not semver', (m: Loose) => (m.version = '1.0'), '/version'],
    ['a latitude beyond 90°', (m: Loose) => (m.stops[0].position = [2.3, 100]), '/stops/0/position/1'],
    ['an unknown block type', (m: Loose) => (m.stops[1].common[0].type = 'video'), '/stops/1/common/0/type'],
    ['an unknown key', (m: Loose) => (m.stops[0].colour = 'red'), '/stops/0'],
    ['a text with no locale', (m: Loose) => (m.description = {}), '/description'],
    ['an unsafe media type', (m: Loose) => (m.assets[0].mediaType = 'text/html'), '/assets/0/mediaType'],
    [
      'an SVG asset (it can run script)',
      (m: Loose) => (m.assets[0].mediaType = 'image/svg+xml'),
      '/assets/0/mediaType',
    ],
    ['a layers reference that is not a sha256', (m: Loose) => (m.layers = 'layers/layers.json'), '/layers'],
    [
      'an asset id that is not its sha256',
      (m: Loose) => (m.assets[0].sha256 = 'f'.repeat(64)),
      '/assets/0/sha256',
    ],
    ['a trigger radius of zero', (m: Loose) => (m.stops[0].trigger.radiusM = 0), '/stops/0/trigger/radiusM'],
    ['a route of one point', (m: Loose) => m.route.coordinates.pop(), '/route/coordinates'],
    ['bounds west of east reversed', (m: Loose) => (m.map.bounds = [3, 51, 2, 52]), '/map/bounds'],
  ])('refuses %s with SCHEMA_INVALID at %s', async (_name, mutate, pointer) => {
    const { manifest } = await fixtureManifest();
    const raw = looseCopy(manifest);
    mutate(raw);
    const err = refusal(raw);
    expect(err.code).toBe('SCHEMA_INVALID');
    expect(err.details.pointer).toBe(pointer);
    expect(err.details.file).toBe('manifest.json');
  });
});

describe('the map layers document (FORMAT.md § Map layers)', () => {
  const layersAsset = {
    id: 'a'.repeat(64),
    sha256: 'a'.repeat(64),
    size: 1234,
    mediaType: 'application/json',
    credit: 'DATAtourisme, Licence Ouverte 2.0 (Etalab); sample timetable',
    licence: 'Licence-Ouverte-2.0, CC0-1.0',
  };

  it('accepts an application/json asset referenced by `layers`', async () => {
    const { manifest } = await fixtureManifest();
    const raw = looseCopy(manifest);
    raw.assets.push(layersAsset);
    raw.layers = layersAsset.id;
    expect(parseManifest(raw).layers).toBe(layersAsset.id);
  });

  it('refuses `layers` naming an asset that is not listed (REF_UNKNOWN at /layers)', async () => {
    const { manifest } = await fixtureManifest();
    const raw = looseCopy(manifest);
    raw.layers = layersAsset.id;
    const err = refusal(raw);
    expect(err.code).toBe('REF_UNKNOWN');
    expect(err.details.pointer).toBe('/layers');
  });

  it('refuses `layers` naming an asset that is not JSON', async () => {
    const { manifest } = await fixtureManifest();
    const raw = looseCopy(manifest);
    raw.layers = raw.assets[0].id;
    const err = refusal(raw);
    expect(err.code).toBe('SCHEMA_INVALID');
    expect(err.details.pointer).toBe('/layers');
  });

  it('takes the source form as the path layers/layers.json', () => {
    const parsed = tourFileSchema.shape.layers.parse('layers/layers.json');
    expect(parsed).toBe('layers/layers.json');
    expect(() => tourFileSchema.shape.layers.parse('../layers.json')).toThrow();
  });
});

describe('cross-field checks', () => {
  it('refuses a block that references an asset not listed in assets (REF_UNKNOWN with a pointer)', async () => {
    const { manifest } = await fixtureManifest();
    const raw = looseCopy(manifest);
    raw.stops[0].common[0].image = 'e'.repeat(64);
    const err = refusal(raw);
    expect(err.code).toBe('REF_UNKNOWN');
    expect(err.details.pointer).toBe('/stops/0/common/0/image');
  });

  it('finds references inside narration tracks', async () => {
    const { manifest } = await fixtureManifest();
    const raw = looseCopy(manifest);
    raw.assets = raw.assets.filter((a: { mediaType: string }) => a.mediaType !== 'text/vtt');
    const err = refusal(raw);
    expect(err.code).toBe('REF_UNKNOWN');
    expect(err.details.pointer).toBe('/stops/0/scenarios/family/0/tracks/fr/captions');
  });

  it('refuses a scenario whose character does not exist', async () => {
    const { manifest } = await fixtureManifest();
    const raw = looseCopy(manifest);
    raw.scenarios[0].character = 'nobody';
    expect(refusal(raw).details).toMatchObject({ pointer: '/scenarios/0/character' });
    expect(refusal(raw).code).toBe('SCHEMA_INVALID');
  });

  it('refuses a stop with a scenario key that is not a scenario', async () => {
    const { manifest } = await fixtureManifest();
    const raw = looseCopy(manifest);
    raw.stops[1].scenarios.soldier = [];
    const err = refusal(raw);
    expect(err.code).toBe('SCHEMA_INVALID');
    expect(err.details.pointer).toBe('/stops/1/scenarios/soldier');
  });

  it('refuses duplicate stop ids, pointing at the second one', async () => {
    const { manifest } = await fixtureManifest();
    const raw = looseCopy(manifest);
    raw.stops[1].id = 'first';
    const err = refusal(raw);
    expect(err.code).toBe('SCHEMA_INVALID');
    expect(err.details.pointer).toBe('/stops/1/id');
    expect(err.details.issue).toContain("duplicate stop id 'first'");
  });

  it('refuses duplicate hotspot ids within a panorama', async () => {
    const { manifest } = await fixtureManifest();
    const raw = looseCopy(manifest);
    const hotspot = { id: 'h', yawDeg: 0, pitchDeg: 0, title: { en: 'h' } };
    raw.stops[0].common.push({
      type: 'panorama',
      image: raw.assets[0].id,
      alt: { en: 'x' },
      headingDeg: 10,
      hotspots: [hotspot, hotspot],
    });
    const err = refusal(raw);
    expect(err.code).toBe('SCHEMA_INVALID');
    expect(err.details.pointer).toBe('/stops/0/common/1/hotspots/1/id');
  });
});

describe('the source form (tour.json)', () => {
  it.each(['../secret.jpg', '/etc/passwd', 'C:\\x.jpg', 'media/./x.jpg', 'media//x.jpg', 'media\\x.jpg'])(
    'refuses the unsafe asset path %s',
    (path) => {
      const result = tourFileSchema.shape.assets.element.safeParse({
        id: path,
        mediaType: 'image/webp',
        credit: 'c',
        licence: 'l',
      });
      expect(result.success).toBe(false);
    },
  );

  it('accepts a relative media path and a generated one', () => {
    for (const id of ['media/mole.webp', '.generated/narration/ab12.opus']) {
      expect(
        tourFileSchema.shape.assets.element.safeParse({
          id,
          mediaType: 'image/webp',
          credit: 'c',
          licence: 'l',
        }).success,
      ).toBe(true);
    }
  });
});
