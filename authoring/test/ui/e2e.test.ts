/**
 * The curator's whole path in headless Chromium (Debian's, never downloaded): create a tour, place
 * three stops on the map, write a French script, add an image with alt text and licence, see the
 * missing English/Dutch report, run the walk simulator (three stops fire), publish; the package
 * verifies and the built visitor app (tour-pwa/dist, when present) downloads it; then two curators save
 * the same stop and the second meets a conflict, not an overwrite. axe-core runs on every screen. Screenshots go to authoring/test-artifacts/.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRepoRoot, resolveTrustedKeys, verifyPackage } from '@dunkirk/content/node';
import type { Chromium } from '../../../test/support/chromium';
import { seriousViolations } from '../../../test/support/chromium';
import type { AuthoringServer } from '../../src/server';
import { ARTIFACTS, startEditorSite, type EditorSite } from './editorSite';

const repoRoot = findRepoRoot(import.meta.dirname);

let site: EditorSite;
let root: string;
let server: AuthoringServer;
let browser: Chromium;
let page: Page;
let consoleErrors: string[];

beforeAll(async () => {
  site = await startEditorSite({
    name: 'authoring-e2e',
    locale: 'fr-FR',
    viewport: { width: 1400, height: 900 },
  });
  ({ root, server, browser, page, pageErrors: consoleErrors } = site);
  page.on('dialog', (d) => void d.accept());
}, 120_000);

afterAll(async () => {
  await site?.close();
});

async function expectAccessible(name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
}

async function t3(): Promise<{ position: [number, number] }> {
  return JSON.parse(await readFile(join(root, 'tours', 'mole-est', 'stops', 'stop-3.json'), 'utf8')) as {
    position: [number, number];
  };
}

async function mapReady(testId: string): Promise<void> {
  await page.locator(`[data-testid="${testId}"][data-ready="yes"]`).waitFor({ timeout: 30_000 });
}

describe('authoring UI, end to end', () => {
  it('a curator creates, writes, illustrates, simulates and publishes a tour', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Parcours', level: 1 }).waitFor();
    await expectAccessible('1-tour-list');

    // Create a tour.
    await page.getByLabel('Identifiant').fill('mole-est');
    await page.getByLabel('Titre (français)').fill('La jetée Est');
    await page.getByRole('button', { name: 'Créer' }).click();
    await mapReady('editor-map');

    // Three stops by clicking the map, then the route through them.
    await page.getByRole('radio', { name: 'Ajouter un arrêt' }).check();
    const box = (await page.getByTestId('editor-map').boundingBox())!;
    for (const fx of [0.3, 0.5, 0.7]) {
      const before = await page.locator('.stop-marker').count();
      await page.mouse.click(box.x + box.width * fx, box.y + box.height * (0.35 + fx / 4));
      await expect.poll(() => page.locator('.stop-marker').count()).toBe(before + 1);
    }
    await page.getByRole('radio', { name: 'Sélection' }).check();
    await page.getByRole('button', { name: 'Itinéraire passant par les arrêts' }).click();
    await expect.poll(() => page.getByText(/Itinéraire : 3 points/).count()).toBe(1);
    await page.getByRole('button', { name: 'Ajuster la zone de carte aux arrêts' }).click();
    await expectAccessible('2-map-editor');

    // Live validation points to the field: a negative radius is reported and the button focuses it.
    await page.getByRole('button', { name: 'Arrêt 1', exact: true }).click();
    await page.getByLabel('Rayon de déclenchement (m)').fill('-5');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    const error = page.locator('.errors li', { hasText: 'stops/stop-1.json' });
    await error.getByText('#/trigger/radiusM').waitFor();
    await page.getByRole('tab', { name: 'Médiathèque' }).click();
    await error.getByRole('button', { name: 'Aller au champ' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('field:stops/stop-1.json#/trigger/radiusM');
    await page.getByLabel('Rayon de déclenchement (m)').fill('30');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText('Le parcours est valide.').waitFor();

    // Resize the zone by dragging its handle, and move a stop by dragging its marker.
    const handle = (await page.locator('.radius-handle').boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x + 60, handle.y + handle.height / 2, { steps: 8 });
    await page.mouse.up();
    await expect
      .poll(async () => Number(await page.getByLabel('Rayon de déclenchement (m)').inputValue()))
      .toBeGreaterThan(40);
    const radius = Number(await page.getByLabel('Rayon de déclenchement (m)').inputValue());
    const marker = (await page.locator('.stop-marker[data-stop-id="stop-3"]').boundingBox())!;
    const lonBefore = (await t3()).position[0];
    await page.mouse.move(marker.x + marker.width / 2, marker.y + marker.height / 2);
    await page.mouse.down();
    await page.mouse.move(marker.x + 40, marker.y + marker.height / 2, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => (await t3()).position[0]).toBeGreaterThan(lonBefore);
    await page.getByRole('button', { name: 'Itinéraire passant par les arrêts' }).click();
    const stop1 = JSON.parse(
      await readFile(join(root, 'tours', 'mole-est', 'stops', 'stop-1.json'), 'utf8'),
    ) as {
      trigger: { radiusM: number };
    };
    expect(stop1.trigger.radiusM).toBe(radius);

    // An image with credit and licence.
    await page.getByRole('tab', { name: 'Médiathèque' }).click();
    const png = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#7a8fa6' } })
      .png()
      .toBuffer();
    await page
      .getByLabel('Fichier')
      .setInputFiles({ name: 'Jetée est 1940.png', mimeType: 'image/png', buffer: png });
    await page
      .getByLabel('Crédit (auteur)')
      .fill('Archives municipales de Dunkerque (fabriqué pour le test)');
    await page.getByLabel(/^Licence/).fill('CC-BY-4.0');
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await page.getByText('Importé : media/jetee-est-1940.webp').waitFor({ timeout: 30_000 });
    await page.getByRole('cell', { name: /media\/jetee-est-1940\.webp/ }).waitFor();
    await expectAccessible('3-media-library');

    // The French script, an image with alt text, and a text with HTML that must stay inert.
    await page.getByRole('tab', { name: 'Arrêts et textes' }).click();
    await page.getByRole('button', { name: 'Arrêt 1', exact: true }).click();
    await page.getByRole('button', { name: '+ Narration (script)' }).click();
    await page
      .getByLabel('Script de narration (fr)')
      .fill('Le 26 mai 1940, la jetée Est devient le quai d’embarquement des soldats.');
    await page.getByRole('button', { name: '+ Image' }).click();
    await page.getByLabel('Image de la médiathèque').selectOption('media/jetee-est-1940.webp');
    await page.getByLabel('Texte alternatif (fr)').fill('Une longue jetée de bois qui avance dans la mer.');
    await page.getByRole('button', { name: '+ Texte' }).click();
    await page
      .getByLabel('Texte (Markdown) (fr)')
      .fill('**Attention** <script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">');
    await expect.poll(() => page.locator('.preview strong').count()).toBeGreaterThan(0);
    expect(await page.locator('.preview script, .preview img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText('Enregistré', { exact: true }).waitFor();

    // A draft voice from the French script, with editable captions.
    await page.getByRole('button', { name: 'Générer la voix provisoire (fr)' }).click();
    await page.getByLabel('Écouter la narration').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByLabel('Sous-titres WebVTT (fr)').inputValue()).toContain('WEBVTT');

    // The missing-translation report names English and Dutch.
    const report = page.locator('.missing-report');
    await expect.poll(() => report.locator('[data-missing="en,nl"]').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('td.cell-missing-text').count()).toBeGreaterThan(0);
    await expectAccessible('4-stop-editor');

    // Walk simulator: the three stops fire.
    await page.getByRole('tab', { name: 'Simulateur de marche' }).click();
    await mapReady('sim-map');
    await page.getByRole('button', { name: 'Lancer la simulation' }).click();
    const fired = page.locator('[data-testid="fired-list"] li');
    await expect.poll(() => fired.count()).toBe(3);
    expect(await page.locator('[data-testid="fired-list"] li[data-fired="yes"]').count()).toBe(3);
    await expectAccessible('5-simulator');

    // Publish (a draft: translations are missing) — built, signed, verified.
    await page.getByRole('tab', { name: 'Publier' }).click();
    await page.getByLabel(/Publier malgré des traductions manquantes/).check();
    await page.getByRole('button', { name: 'Construire, signer et publier' }).click();
    await page.getByTestId('publish-result').waitFor({ timeout: 90_000 });
    await page.getByText('Publié : mole-est 0.1.0').waitFor();
    await expectAccessible('6-publish');

    const trustedKeys = await resolveTrustedKeys({ repoRoot });
    const verified = await verifyPackage(join(root, 'published', 'mole-est', '0.1.0'), { trustedKeys });
    expect(verified).toMatchObject({ id: 'mole-est', version: '0.1.0' });
    // the image and the French draft voice (audio + captions) are in the package
    expect(verified.assetCount).toBeGreaterThanOrEqual(3);
    expect(consoleErrors).toEqual([]);

    // The visitor app, when built, lists the published tour from the editor's preview catalogue.
    if (existsSync(join(repoRoot, 'tour-pwa', 'dist', 'index.html'))) {
      const frame = page.frameLocator('iframe.visitor-preview');
      await frame
        .getByRole('link', { name: /La jetée Est/ })
        .first()
        .click();
      await frame.getByRole('button', { name: 'Télécharger pour l’utiliser hors ligne' }).click();
      // tour-pwa downloads the package and checks signature and every asset hash before saying so.
      await frame.getByText('Téléchargé : ce parcours fonctionne hors ligne.').waitFor({ timeout: 30_000 });
      await page.screenshot({ path: join(ARTIFACTS, '7-visitor-preview.png'), fullPage: true });
    }

    // Two curators on the same stop: the second save is refused with a conflict, nothing is overwritten.
    await page.getByRole('tab', { name: 'Arrêts et textes' }).click();
    await page.getByRole('button', { name: 'Arrêt 2', exact: true }).click();
    await page.getByRole('textbox', { name: 'English' }).fill('The wooden mole');
    const other = await browser.context.newPage();
    await other.goto(`${server.url}/#/tour/mole-est/stops`);
    await other.getByRole('button', { name: 'Arrêt 2', exact: true }).click();
    await other.getByRole('textbox', { name: 'Nederlands' }).fill('De houten pier');
    await other.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await other.getByText('Enregistré', { exact: true }).waitFor();
    await page.getByText(/Cet arrêt a changé ailleurs/).waitFor();
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page
      .getByRole('heading', { name: 'Conflit : stops/stop-2.json a été modifié par quelqu’un d’autre' })
      .waitFor();
    await expectAccessible('8-conflict');
    const onDisk = JSON.parse(
      await readFile(join(root, 'tours', 'mole-est', 'stops', 'stop-2.json'), 'utf8'),
    ) as {
      title: Record<string, string>;
    };
    expect(onDisk.title).toMatchObject({ nl: 'De houten pier', en: 'Stop 2' });
    await page.getByRole('alert').getByRole('button', { name: 'Charger leur version' }).click();
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Nederlands' }).inputValue())
      .toBe('De houten pier');
    await other.close();
  }, 180_000);
});
