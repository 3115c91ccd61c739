import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Catalogue } from '@dunkirk/content';
import { catalogueEntry, catalogueSchema } from '@dunkirk/content';
import { lastPublished } from './publish';

/**
 * The catalogue the embedded visitor app (the built tour-pwa, served at `/preview/`) reads: the newest
 * published version of each tour, with package URLs relative to the catalogue.
 */
export async function previewCatalogue(publishDir: string): Promise<Catalogue> {
  const ids = await readdir(publishDir).catch(() => [] as string[]);
  const tours = [];
  for (const id of ids.sort()) {
    const last = await lastPublished(publishDir, id).catch(() => undefined);
    if (!last) continue;
    const dir = join(publishDir, id, last.manifest.version);
    const manifestBytes = (await readFile(join(dir, 'manifest.json'))).length;
    const sigBytes = (await readFile(join(dir, 'manifest.sig'))).length;
    const assetBytes = last.manifest.assets.reduce((n, a) => n + a.size, 0);
    tours.push(
      catalogueEntry(last.manifest, {
        packageBytes: manifestBytes + sigBytes + assetBytes,
        firstStopBytes: last.packageBytes - assetBytes,
      }),
    );
  }
  return catalogueSchema.parse({ catalogueVersion: 1, tours });
}
