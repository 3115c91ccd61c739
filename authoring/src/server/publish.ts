import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locale, Manifest, Text } from '@dunkirk/content';
import { canonicalJson, isTourFormatError, packageSizes } from '@dunkirk/content';
import type { WrittenPackage } from '@dunkirk/content/node';
import { verifyPackage } from '@dunkirk/content/node';
import type { PrepareHook } from '../build';
import { build } from '../build';
import { AuthoringError } from './AuthoringError';
import type { TourStore } from './tourStore';

export type Bump = 'major' | 'minor' | 'patch';

export interface PublishOptions {
  bump: Bump;
  /** The curator's own words for the changelog, per language (optional). */
  note?: Text;
  /** Publish although some texts lack a language (a draft for review). */
  allowMissing?: boolean;
  privateKey: CryptoKey;
  /** Public keys the published package must verify against. */
  trustedKeys: readonly string[];
  prepare?: PrepareHook;
  now?: Date;
}

/** What changed since the last published version, as a visitor would notice it. */
export interface ChangeSummary {
  stopsAdded: string[];
  stopsRemoved: string[];
  stopsMoved: string[];
  textsChanged: string[];
  mediaAdded: number;
  mediaRemoved: number;
}

export interface PublishResult {
  id: string;
  version: string;
  previousVersion?: string;
  outDir: string;
  changes: ChangeSummary;
  changelog: Text;
  packageBytes: number;
  /** Bytes a visitor who has the previous version downloads to update (new assets + manifest). */
  downloadBytes: number;
  /** packageBytes − previous packageBytes. */
  sizeDeltaBytes: number;
  verified: { assetCount: number; totalBytes: number };
}

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/;

export function bumpVersion(version: string, bump: Bump): string {
  const m = SEMVER.exec(version);
  if (!m)
    throw new AuthoringError('PUBLISH_REFUSED', { file: 'tour.json', pointer: '/version', issue: version });
  const [maj, min, pat] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (bump === 'major') return `${maj + 1}.0.0`;
  if (bump === 'minor') return `${maj}.${min + 1}.0`;
  return `${maj}.${min}.${pat + 1}`;
}

export function compareVersions(a: string, b: string): number {
  const pa = SEMVER.exec(a)?.slice(1, 4).map(Number) ?? [0, 0, 0];
  const pb = SEMVER.exec(b)?.slice(1, 4).map(Number) ?? [0, 0, 0];
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** The newest published package of a tour under `<publishDir>/<id>/<version>/`, if any. */
export async function lastPublished(
  publishDir: string,
  id: string,
): Promise<{ manifest: Manifest; packageBytes: number } | undefined> {
  const versions = await readdir(join(publishDir, id)).catch(() => [] as string[]);
  const newest = versions
    .filter((v) => SEMVER.test(v))
    .sort(compareVersions)
    .at(-1);
  if (!newest) return undefined;
  const dir = join(publishDir, id, newest);
  const manifestBytes = await readFile(join(dir, 'manifest.json'));
  const sigBytes = await readFile(join(dir, 'manifest.sig'));
  const manifest = JSON.parse(manifestBytes.toString('utf8')) as Manifest;
  return {
    manifest,
    packageBytes: packageSizes(manifest, manifestBytes.length, sigBytes.length).packageBytes,
  };
}

/** Visitor-visible texts of a stop (asset hashes left out: media changes are counted apart). */
const ASSET_KEYS = new Set(['image', 'audio', 'captions', 'model', 'then', 'now', 'portrait', 'tracks']);
function stopTexts(stop: Manifest['stops'][number]): string {
  const strip = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(strip)
      : typeof v === 'object' && v !== null
        ? Object.fromEntries(
            Object.entries(v)
              .filter(([k]) => !ASSET_KEYS.has(k))
              .map(([k, x]) => [k, strip(x)]),
          )
        : v;
  return canonicalJson(strip(stop));
}

export function diffManifests(before: Manifest | undefined, after: Manifest): ChangeSummary {
  const old = new Map((before?.stops ?? []).map((s) => [s.id, s]));
  const now = new Map(after.stops.map((s) => [s.id, s]));
  const oldAssets = new Set((before?.assets ?? []).map((a) => a.id));
  const newAssets = new Set(after.assets.map((a) => a.id));
  return {
    stopsAdded: [...now.keys()].filter((id) => !old.has(id)),
    stopsRemoved: [...old.keys()].filter((id) => !now.has(id)),
    stopsMoved: [...now.values()]
      .filter((s) => {
        const o = old.get(s.id);
        return o && (o.position[0] !== s.position[0] || o.position[1] !== s.position[1]);
      })
      .map((s) => s.id),
    textsChanged: [...now.values()]
      .filter((s) => {
        const o = old.get(s.id);
        return o && stopTexts(o) !== stopTexts(s);
      })
      .map((s) => s.id),
    mediaAdded: [...newAssets].filter((id) => !oldAssets.has(id)).length,
    mediaRemoved: [...oldAssets].filter((id) => !newAssets.has(id)).length,
  };
}

const words: Record<Locale, Record<keyof ChangeSummary | 'first' | 'none', string>> = {
  fr: {
    first: 'Première version.',
    none: 'Aucun changement visible.',
    stopsAdded: 'Arrêts ajoutés',
    stopsRemoved: 'Arrêts retirés',
    stopsMoved: 'Arrêts déplacés',
    textsChanged: 'Textes modifiés',
    mediaAdded: 'Médias ajoutés',
    mediaRemoved: 'Médias retirés',
  },
  en: {
    first: 'First version.',
    none: 'No visible change.',
    stopsAdded: 'Stops added',
    stopsRemoved: 'Stops removed',
    stopsMoved: 'Stops moved',
    textsChanged: 'Texts changed',
    mediaAdded: 'Media added',
    mediaRemoved: 'Media removed',
  },
  nl: {
    first: 'Eerste versie.',
    none: 'Geen zichtbare wijziging.',
    stopsAdded: 'Haltes toegevoegd',
    stopsRemoved: 'Haltes verwijderd',
    stopsMoved: 'Haltes verplaatst',
    textsChanged: 'Teksten gewijzigd',
    mediaAdded: 'Media toegevoegd',
    mediaRemoved: 'Media verwijderd',
  },
};

/** The changelog entry in every language: generated from the diff, then the curator's note. */
export function changelogText(changes: ChangeSummary, first: boolean, note?: Text): Text {
  const out: Text = {};
  for (const locale of ['fr', 'en', 'nl'] as const) {
    const w = words[locale];
    const colon = locale === 'fr' ? ' : ' : ': ';
    const parts: string[] = [];
    if (first) parts.push(w.first);
    else {
      for (const key of ['stopsAdded', 'stopsRemoved', 'stopsMoved', 'textsChanged'] as const) {
        if (changes[key].length > 0) parts.push(`${w[key]}${colon}${changes[key].join(', ')}.`);
      }
      for (const key of ['mediaAdded', 'mediaRemoved'] as const) {
        if (changes[key] > 0) parts.push(`${w[key]}${colon}${changes[key]}.`);
      }
      if (parts.length === 0) parts.push(w.none);
    }
    const extra = note?.[locale]?.trim();
    out[locale] = [...parts, ...(extra ? [extra] : [])].join(' ');
  }
  return out;
}

async function buildTo(tourDir: string, out: string, opts: PublishOptions): Promise<WrittenPackage> {
  try {
    return await build(tourDir, {
      out,
      privateKey: opts.privateKey,
      ...(opts.allowMissing !== undefined && { allowMissing: opts.allowMissing }),
      ...(opts.prepare && { prepare: opts.prepare }),
      ...(opts.now && { now: opts.now }),
    });
  } catch (err) {
    if (isTourFormatError(err)) {
      throw new AuthoringError(
        'PUBLISH_REFUSED',
        {
          file: err.details.file,
          pointer: err.details.pointer,
          issue: `${err.code}: ${err.message}`,
          cause: err.code,
        },
        { cause: err },
      );
    }
    throw err;
  }
}

/**
 * Publish = version + changelog + build + sign + verify. A trial build gives the manifest to diff with
 * the last published one; then `tour.json` gets the new version and changelog entry (atomically, under
 * the tour's lock) and the package is built again into `<publishDir>/<id>/<version>/` and verified.
 */
export async function publishTour(
  store: TourStore,
  publishDir: string,
  id: string,
  opts: PublishOptions,
): Promise<PublishResult> {
  const tourDir = store.tourDir(id);
  const previous = await lastPublished(publishDir, id);
  const trialDir = await mkdtemp(join(tmpdir(), 'authoring-trial-'));
  let trial: WrittenPackage;
  try {
    trial = await buildTo(tourDir, join(trialDir, 'pkg'), opts);
  } finally {
    await rm(trialDir, { recursive: true, force: true });
  }
  const changes = diffManifests(previous?.manifest, trial.manifest);
  const version = previous ? bumpVersion(previous.manifest.version, opts.bump) : trial.manifest.version;
  const changelog = changelogText(changes, !previous, opts.note);
  const date = (opts.now ?? new Date()).toISOString().slice(0, 10);

  await store.updateJson<Record<string, unknown>>(id, 'tour.json', (tour) => {
    const log = Array.isArray(tour['changelog']) ? (tour['changelog'] as { version: string }[]) : [];
    return {
      ...tour,
      version,
      changelog: [{ version, date, changes: changelog }, ...log.filter((e) => e.version !== version)],
    };
  });

  const outDir = join(publishDir, id, version);
  const written = await buildTo(tourDir, outDir, opts);
  const verified = await verifyPackage(outDir, { trustedKeys: opts.trustedKeys });
  const oldAssets = new Set((previous?.manifest.assets ?? []).map((a) => a.id));
  const downloadBytes =
    written.manifestBytes.length +
    written.sigBytes.length +
    written.manifest.assets.filter((a) => !oldAssets.has(a.id)).reduce((n, a) => n + a.size, 0);
  return {
    id,
    version,
    ...(previous && { previousVersion: previous.manifest.version }),
    outDir,
    changes,
    changelog,
    packageBytes: written.sizes.packageBytes,
    downloadBytes,
    sizeDeltaBytes: written.sizes.packageBytes - (previous?.packageBytes ?? 0),
    verified: { assetCount: verified.assetCount, totalBytes: verified.totalBytes },
  };
}
