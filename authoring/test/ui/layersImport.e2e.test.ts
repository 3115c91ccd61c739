/**
 * A curator imports map layers from the editor, in headless Chromium (Debian's): a GeoJSON file with
 * broken features is checked (each left-out row listed with file, line and field, the result heading
 * takes the focus), saved into the tour's layers, then a GTFS feed given as its .txt files; a file
 * that cannot be read is announced as an alert and nothing is saved. axe-core runs on each state.
 * Screenshots go to authoring/test-artifacts/.
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeLayers } from '@dunkirk/content';
import { seriousViolations } from '../../../test/support/chromium';
import type { AuthoringServer } from '../../src/server';
import { TourStore } from '../../src/server';
import { threeStopTour } from '../server/fixtures';
import { ARTIFACTS, startEditorSite, type EditorSite } from './editorSite';

const SAMPLES = resolve(import.meta.dirname, '../../samples');

let site: EditorSite;
let root: string;
let server: AuthoringServer;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  site = await startEditorSite({
    name: 'authoring-layers-e2e',
    locale: 'en-GB',
    viewport: { width: 1300, height: 900 },
    prepare: async (toursDir) => {
      const store = new TourStore({ toursDir });
      await threeStopTour(store);
      // The port tour's area (Dunkirk centre to Malo), so the samples' places fall inside.
      await store.updateJson<Record<string, unknown>>('digue', 'tour.json', (t) => ({
        ...t,
        map: { bounds: [2.36, 51.032, 2.41, 51.055] },
      }));
    },
  });
  ({ root, server, page, pageErrors } = site);
}, 120_000);

afterAll(async () => {
  await site?.close();
});

async function expectAccessible(name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `layers-${name}.png`), fullPage: true });
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
}

const layersFile = (): string => join(root, 'tours', 'digue', 'layers', 'layers.json');

describe('map layers import in the editor', () => {
  it('checks a file, lists every refused row, saves it into the tour’s layers, then adds a GTFS feed', async () => {
    await page.goto(`${server.url}/#/tour/digue/layers`);
    await page.getByRole('tab', { name: 'Map layers', selected: true }).waitFor();
    await page.getByText('This tour has no layers yet.').waitFor();
    await expectAccessible('1-empty');

    // A GeoJSON file of places, some broken on purpose; GeoJSON states no licence, so the curator does.
    await page.getByRole('radio', { name: 'GeoJSON (points)' }).check();
    await page.getByLabel('File(s)').setInputFiles(join(SAMPLES, 'geojson/services.sample.geojson'));
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page
      .getByRole('alert')
      .getByText(/Name, licence and attribution of the source are required/)
      .waitFor();
    await page.getByLabel('Source: name').fill('OpenStreetMap sample');
    await page.getByLabel(/^Licence/).fill('ODbL-1.0');
    await page.getByLabel('Source: attribution to show').fill('© OpenStreetMap contributors (sample)');
    await page.getByRole('button', { name: 'Check the file' }).click();

    const heading = page.getByRole('heading', {
      name: 'Check result: layers/sources/services-sample.geojson',
    });
    await heading.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('layers-result');
    const result = page.getByTestId('layers-result');
    expect(await result.getByRole('row', { name: /Food and drink/ }).innerText()).toContain('1');
    const rows = page.getByTestId('layers-issues').locator('tbody tr');
    expect(await rows.count()).toBe(6);
    const lineType = rows.filter({ hasText: '/features/3/geometry/type' });
    expect(await lineType.innerText()).toMatch(
      /layers\/sources\/services-sample\.geojson\s+39\s+\/features\/3\/geometry\/type\s+This is not supported and was left out\..*row left out/s,
    );
    // Nothing is written by a check.
    await expect(readFile(layersFile())).rejects.toThrow();
    await expectAccessible('2-checked');

    await page.getByRole('button', { name: 'Save into the tour’s layers' }).click();
    await page
      .getByTestId('layers-saved')
      .getByText(/Saved into layers\/layers\.json: 3 points/)
      .waitFor();
    const saved = decodeLayers(await readFile(layersFile()));
    expect(saved.points.map((p) => p.category).sort()).toEqual(['food', 'library', 'services']);
    expect(saved.sources['openstreetmap-sample']).toMatchObject({ licence: 'ODbL-1.0' });
    await page.getByTestId('layers-imports').getByText('sources/services-sample.geojson').waitFor();

    // A GTFS feed as its .txt files: the timetable is clipped to the tour's area.
    await page.getByRole('radio', { name: 'GTFS (zip or .txt files)' }).check();
    const feed = join(SAMPLES, 'gtfs/dkbus-sample');
    await page.getByLabel('File(s)').setInputFiles(readdirSync(feed).map((f) => join(feed, f)));
    await page.getByLabel('Source: name').fill('DK Bus sample');
    await page.getByLabel(/^Licence/).fill('CC0-1.0');
    await page.getByLabel('Source: attribution to show').fill('Hand-made sample timetable');
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page
      .getByTestId('layers-timetable')
      .getByText(/Timetable: 5 stops, 3 routes/)
      .waitFor();
    await page.getByText('No row left out: everything was imported.').waitFor();
    await page.getByRole('button', { name: 'Save into the tour’s layers' }).click();
    await page
      .getByTestId('layers-saved')
      .getByText(/8 points/)
      .waitFor();
    await page.getByText('5 bus stops, 326 calls in the timetable').waitFor();
    expect(decodeLayers(await readFile(layersFile())).timetable?.stops).toHaveLength(5);
    await expectAccessible('3-saved');

    // A file that cannot be read at all is announced, and the saved layers stay as they were.
    const before = await readFile(layersFile());
    await page.getByRole('radio', { name: 'DATAtourisme (JSON-LD)' }).check();
    await page.getByLabel('File(s)').setInputFiles({
      name: 'export.jsonld',
      mimeType: 'application/ld+json',
      buffer: Buffer.from('{ "@graph": ['),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('alert').getByText('IMPORT_REFUSED').waitFor();
    expect(await page.getByRole('alert').innerText()).toContain('layers/sources/export.jsonld');
    expect(await readFile(layersFile())).toEqual(before);
    await expectAccessible('4-refused');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
