/**
 * Test fixtures: a small, valid package-form manifest with real asset bytes, built in code so each
 * test can mutate its own copy.
 */
import type { Asset, Manifest, TourFormatError } from '../src/index';
import { sha256Hex } from '../src/index';

export interface FixtureAsset {
  asset: Asset;
  bytes: Uint8Array;
}

export async function fixtureAsset(content: string, mediaType: string): Promise<FixtureAsset> {
  const bytes = new TextEncoder().encode(content);
  const sha256 = await sha256Hex(bytes);
  return {
    bytes,
    asset: { id: sha256, sha256, size: bytes.byteLength, mediaType, credit: 'Test', licence: 'CC0-1.0' },
  };
}

const text = (s: string) => ({ fr: `${s} (fr)`, en: `${s} (en)`, nl: `${s} (nl)` });

/** A manifest with two stops: stop 1 has an image and a narration with audio + captions; stop 2 a text. */
export async function fixtureManifest(): Promise<{ manifest: Manifest; assets: FixtureAsset[] }> {
  const image = await fixtureAsset('image bytes', 'image/webp');
  const audio = await fixtureAsset('audio bytes', 'audio/ogg; codecs=opus');
  const captions = await fixtureAsset('WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n', 'text/vtt');
  const late = await fixtureAsset('second stop image', 'image/webp');
  const manifest: Manifest = {
    formatVersion: 1,
    id: 'test-tour',
    version: '1.2.3',
    locales: ['fr', 'en', 'nl'],
    title: text('Title'),
    description: text('Description'),
    durationMin: 30,
    distanceM: 1200,
    characters: [{ id: 'guide', name: 'Guide', role: text('role'), description: text('who') }],
    scenarios: [
      { id: 'family', audience: 'family', character: 'guide', title: text('Family'), description: text('d') },
    ],
    stops: [
      {
        id: 'first',
        title: text('First'),
        position: [2.37611, 51.03556],
        trigger: { radiusM: 40, dwellS: 5, minAccuracyM: 30 },
        positionSource: 'test',
        common: [{ type: 'image', image: image.asset.id, alt: text('alt') }],
        scenarios: {
          family: [
            {
              type: 'narration',
              tracks: { fr: { audio: audio.asset.id, captions: captions.asset.id, durationS: 1 } },
              transcript: text('Hello'),
            },
          ],
        },
      },
      {
        id: 'second',
        title: text('Second'),
        position: [2.37861, 51.04028],
        trigger: { radiusM: 40, dwellS: 5, minAccuracyM: 30 },
        positionSource: 'test',
        common: [{ type: 'image', image: late.asset.id, alt: text('alt') }],
        scenarios: { family: [{ type: 'text', markdown: text('Some *text*') }] },
      },
    ],
    route: {
      type: 'LineString',
      coordinates: [
        [2.37611, 51.03556],
        [2.37861, 51.04028],
      ],
    },
    map: { bounds: [2.372, 51.033, 2.383, 51.043] },
    assets: [image.asset, audio.asset, captions.asset, late.asset],
  };
  return { manifest, assets: [image, audio, captions, late] };
}

/**
 * Tests break the typed shape on purpose (delete required fields, put a string where a number goes),
 * which no precise type allows: hence `any` for the mutable copies, and only there.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

/** A deep copy that tests may mutate freely. */
export function looseCopy(value: unknown): Loose {
  return structuredClone(value) as Loose;
}

/** The error a refused promise rejects with; fails the test if the promise resolves instead. */
export async function refusal(p: Promise<unknown>): Promise<TourFormatError> {
  try {
    await p;
  } catch (err) {
    return err as TourFormatError;
  }
  throw new Error('expected a refusal');
}
