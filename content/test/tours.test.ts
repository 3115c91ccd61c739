/**
 * The Operation Dynamo tours, checked over the whole content rather than by sampling: every tour,
 * stop, scenario, block, language and asset. What a visitor, a screen-reader user and a rights holder
 * are owed is a property of every item, so each test walks them all.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../src';
import { checkSource } from '../src/node';

const toursDir = join(import.meta.dirname, '..', 'tours');
const DYNAMO = ['dunkirk-port-mole', 'beaches-rearguard'];
const LOCALES: Locale[] = ['fr', 'en', 'nl'];

type Text = Partial<Record<Locale, string>>;
interface Block {
  type: string;
  [key: string]: unknown;
}

async function load(id: string) {
  const check = await checkSource(join(toursDir, id));
  expect(check.errors.map((e) => `${e.code} ${JSON.stringify(e.details)}`)).toEqual([]);
  return check;
}

const complete = (t: unknown): boolean =>
  typeof t === 'object' &&
  t !== null &&
  LOCALES.every((l) => typeof (t as Text)[l] === 'string' && (t as Text)[l]!.trim().length > 0);

function blocksOf(stop: {
  common?: Block[];
  scenarios: Record<string, Block[]>;
}): { where: string; block: Block }[] {
  return [
    ...(stop.common ?? []).map((block, i) => ({ where: `common/${i}`, block })),
    ...Object.entries(stop.scenarios).flatMap(([scenario, blocks]) =>
      blocks.map((block, i) => ({ where: `${scenario}/${i}`, block })),
    ),
  ];
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

describe.each(DYNAMO)('the %s tour', (id) => {
  it('validates, and has every text in French, English and Dutch', async () => {
    const check = await load(id);
    expect(check.missingTranslations.map((m) => `${m.file} ${m.pointer}`)).toEqual([]);
    expect(check.source?.locales).toEqual(expect.arrayContaining(LOCALES));
  });

  it('has 8 to 12 stops, each with a cited position source and a realistic trigger zone', async () => {
    const { source } = await load(id);
    const stops = source!.stops;
    expect(stops.length).toBeGreaterThanOrEqual(8);
    expect(stops.length).toBeLessThanOrEqual(12);
    const sources = readFileSync(join(toursDir, id, 'SOURCES.md'), 'utf8');
    for (const stop of stops) {
      expect(stop.positionSource.trim().length, `${stop.id}: positionSource`).toBeGreaterThan(10);
      expect(sources, `${stop.id} is cited in SOURCES.md`).toContain(stop.id);
      expect(stop.trigger.radiusM, `${stop.id}: radius`).toBeGreaterThanOrEqual(40);
      expect(stop.trigger.radiusM, `${stop.id}: radius`).toBeLessThanOrEqual(100);
      const [lon, lat] = stop.position;
      // The Dunkirk coast, Gravelines to the Belgian border.
      expect(lon).toBeGreaterThan(2.1);
      expect(lon).toBeLessThan(2.6);
      expect(lat).toBeGreaterThan(50.95);
      expect(lat).toBeLessThan(51.1);
    }
  });

  it('follows the three characters in every stop: a family scenario with a question, two adult ones', async () => {
    const { source } = await load(id);
    expect(source!.scenarios.map((s) => [s.id, s.audience, s.character])).toEqual([
      ['family', 'family', 'lucie'],
      ['soldier-fr', 'adult', 'marcel'],
      ['soldier-uk', 'adult', 'tom'],
    ]);
    for (const stop of source!.stops) {
      expect(Object.keys(stop.scenarios).sort(), stop.id).toEqual(['family', 'soldier-fr', 'soldier-uk']);
      const family = stop.scenarios.family as Block[];
      expect(
        family.some((b) => b.type === 'quiz'),
        `${stop.id}: family quiz`,
      ).toBe(true);
    }
  });

  it('writes every narration for listening: three languages, whole sentences, 60–120 s at 150 words a minute', async () => {
    const { source } = await load(id);
    let count = 0;
    for (const stop of source!.stops) {
      for (const [scenario, blocks] of Object.entries(stop.scenarios)) {
        const narrations = (blocks as Block[]).filter((b) => b.type === 'narration');
        expect(narrations.length, `${stop.id}/${scenario}: narration`).toBeGreaterThanOrEqual(1);
        for (const n of narrations) {
          const transcript = n.transcript as Text;
          expect(complete(transcript), `${stop.id}/${scenario}: transcript in fr/en/nl`).toBe(true);
          for (const locale of LOCALES) {
            const text = transcript[locale]!;
            count++;
            // Captions are cut sentence by sentence from this text (authoring/src/media/narration.ts).
            expect(text.trim(), `${stop.id}/${scenario}/${locale}: ends a sentence`).toMatch(/[.!?…»"]$/);
            expect(text, `${stop.id}/${scenario}/${locale}: no parentheses`).not.toMatch(/[()]/);
            const n = words(text);
            expect(n, `${stop.id}/${scenario}/${locale}: ${n} words`).toBeGreaterThanOrEqual(140);
            expect(n, `${stop.id}/${scenario}/${locale}: ${n} words`).toBeLessThanOrEqual(310);
          }
        }
      }
    }
    expect(count).toBe(source!.stops.length * 3 * 3);
  });

  it('gives every image, panorama, scene, still and AR view a text alternative in three languages', async () => {
    const { source } = await load(id);
    let visual = 0;
    for (const stop of source!.stops) {
      for (const { where, block } of blocksOf(stop as never)) {
        if (['image', 'panorama', 'reenactment', 'ar'].includes(block.type)) {
          visual++;
          expect(complete(block.alt), `${stop.id}/${where}: alt`).toBe(true);
        }
        if (block.type === 'reenactment') {
          const stills = block.stills as { alt: Text }[];
          expect(stills.length).toBeGreaterThan(0);
          for (const still of stills)
            expect(complete(still.alt), `${stop.id}/${where}: still alt`).toBe(true);
        }
        if (block.type === 'panorama') {
          for (const h of block.hotspots as { title: Text }[])
            expect(complete(h.title), `${stop.id}/${where}`).toBe(true);
        }
      }
    }
    // At least one re-enactment, one panorama and one AR view per tour (issue 9).
    const types = source!.stops.flatMap((s) => blocksOf(s as never).map((b) => b.block.type));
    for (const t of ['reenactment', 'panorama', 'ar', 'image']) expect(types, t).toContain(t);
    expect(visual).toBeGreaterThan(0);
  });

  it('credits and licenses every asset, and every asset file exists', async () => {
    const { source } = await load(id);
    for (const asset of source!.assets) {
      expect(asset.credit.trim().length, `${asset.id}: credit`).toBeGreaterThan(3);
      expect(asset.licence.trim().length, `${asset.id}: licence`).toBeGreaterThan(2);
      expect(existsSync(join(toursDir, id, asset.id)), `${asset.id} exists`).toBe(true);
    }
  });

  it('links every stop to nearby places with source and licence, and to the Les Balises catalogue', async () => {
    const { source } = await load(id);
    for (const stop of source!.stops) {
      const links = (stop.common ?? []).filter((b) => (b as Block).type === 'links') as Block[];
      expect(links.length, `${stop.id}: links`).toBe(1);
      const places = (links[0]!.places ?? []) as { source: string; licence: string; name: Text }[];
      const books = (links[0]!.books ?? []) as { title: string; catalogueUrl: string }[];
      expect(places.length + books.length, `${stop.id}: links`).toBeGreaterThan(0);
      for (const p of places) {
        expect(p.source, `${stop.id}: place source`).toMatch(/\S/);
        expect(p.licence, `${stop.id}: place licence`).toMatch(/\S/);
      }
      for (const b of books) expect(b.catalogueUrl, `${stop.id}: ${b.title}`).toMatch(/^https:\/\//);
    }
    const sample = JSON.parse(
      readFileSync(join(toursDir, id, 'datatourisme-sample.jsonld'), 'utf8'),
    ) as unknown;
    expect(JSON.stringify(sample)).toContain('Licence Ouverte');
  });

  it('keeps its committed media within the 3D and texture budgets of a phone', async () => {
    const { source } = await load(id);
    for (const asset of source!.assets) {
      const bytes = statSync(join(toursDir, id, asset.id)).size;
      // Generated media are committed (narration audio is synthesised at build time).
      expect(bytes, `${asset.id}`).toBeLessThan(3 * 1024 * 1024);
    }
    const total = source!.assets.reduce((n, a) => n + statSync(join(toursDir, id, a.id)).size, 0);
    expect(total).toBeLessThan(10 * 1024 * 1024);
  });
});

describe('the tour sources folder', () => {
  it('holds the two Operation Dynamo tours and the format sample, nothing half-written', () => {
    const ids = readdirSync(toursDir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(ids).toEqual(['beaches-rearguard', 'dunkirk-port-mole', 'sample']);
  });
});
