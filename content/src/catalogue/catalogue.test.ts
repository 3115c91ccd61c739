import { describe, expect, it } from 'vitest';
import { fixtureManifest } from '../../test/fixtures';
import { catalogueEntry, catalogueEntrySchema, catalogueSchema, packageSizes } from '../index';

describe('the catalogue', () => {
  it('sums package and first-stop sizes from the manifest', async () => {
    const { manifest, assets } = await fixtureManifest();
    const sizes = packageSizes(manifest, 1000, 200);
    const all = assets.reduce((n, a) => n + a.asset.size, 0);
    const firstStop = assets.slice(0, 3).reduce((n, a) => n + a.asset.size, 0); // image, audio, captions
    expect(sizes).toEqual({ packageBytes: 1200 + all, firstStopBytes: 1200 + firstStop });
  });

  it('builds an entry that the catalogue schema accepts', async () => {
    const { manifest } = await fixtureManifest();
    const entry = catalogueEntry(manifest, { packageBytes: 5000, firstStopBytes: 1500 });
    expect(entry).toMatchObject({
      id: 'test-tour',
      version: '1.2.3',
      stopCount: 2,
      packageUrl: 'packages/test-tour/1.2.3/',
      scenarios: [
        { id: 'family', audience: 'family', character: 'guide', title: manifest.scenarios[0]!.title },
      ],
      bounds: manifest.map.bounds,
    });
    expect(catalogueSchema.parse({ catalogueVersion: 1, tours: [entry] }).tours).toHaveLength(1);
  });

  it.each(['https://evil.example/x/', '/absolute/', '../up/', 'packages/x', 'javascript:alert(1)/'])(
    'refuses the packageUrl %s (relative folders ending with / only)',
    async (packageUrl) => {
      const { manifest } = await fixtureManifest();
      const entry = catalogueEntry(manifest, { packageBytes: 1, firstStopBytes: 1 });
      expect(catalogueEntrySchema.safeParse({ ...entry, packageUrl }).success).toBe(false);
    },
  );
});
