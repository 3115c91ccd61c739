import { TourFormatError } from '../errors/TourFormatError';
import { assetRefs } from './assetRefs';
import type { AnyManifest } from './manifest';
import { toPointer } from './pointer';
import { baseMediaType } from './primitives';

function duplicates(ids: readonly string[], path: string, what: string, out: TourFormatError[]): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) {
      out.push(
        new TourFormatError('SCHEMA_INVALID', {
          pointer: `${path}/${i}/id`,
          issue: `duplicate ${what} id '${id}'`,
        }),
      );
    }
    seen.add(id);
  });
}

/**
 * Checks the schema cannot express: unique ids, references between characters, scenarios
 * and stops, and that every referenced asset id is listed in `assets` (REF_UNKNOWN).
 * Returns every problem found (empty when the document is consistent).
 */
export function crossCheckManifest(doc: AnyManifest): TourFormatError[] {
  const out: TourFormatError[] = [];
  const seenLocales = new Set<string>();
  doc.locales.forEach((l, i) => {
    if (seenLocales.has(l)) {
      out.push(
        new TourFormatError('SCHEMA_INVALID', { pointer: `/locales/${i}`, issue: `duplicate locale '${l}'` }),
      );
    }
    seenLocales.add(l);
  });
  duplicates(
    doc.characters.map((c) => c.id),
    '/characters',
    'character',
    out,
  );
  duplicates(
    doc.scenarios.map((s) => s.id),
    '/scenarios',
    'scenario',
    out,
  );
  duplicates(
    doc.stops.map((s) => s.id),
    '/stops',
    'stop',
    out,
  );
  duplicates(
    doc.assets.map((a) => a.id),
    '/assets',
    'asset',
    out,
  );

  const characters = new Set(doc.characters.map((c) => c.id));
  doc.scenarios.forEach((s, i) => {
    if (!characters.has(s.character)) {
      out.push(
        new TourFormatError('SCHEMA_INVALID', {
          pointer: `/scenarios/${i}/character`,
          issue: `unknown character '${s.character}'`,
        }),
      );
    }
  });

  const scenarios = new Set(doc.scenarios.map((s) => s.id));
  doc.stops.forEach((stop, i) => {
    for (const key of Object.keys(stop.scenarios)) {
      if (!scenarios.has(key)) {
        out.push(
          new TourFormatError('SCHEMA_INVALID', {
            pointer: toPointer(['stops', i, 'scenarios', key]),
            issue: `unknown scenario '${key}'`,
          }),
        );
      }
    }
    for (const [key, blocks] of Object.entries({ common: stop.common ?? [], ...stop.scenarios })) {
      blocks.forEach((block, j) => {
        if (block.type !== 'panorama') return;
        const base = key === 'common' ? ['stops', i, 'common', j] : ['stops', i, 'scenarios', key, j];
        duplicates(
          block.hotspots.map((h) => h.id),
          toPointer([...base, 'hotspots']),
          'hotspot',
          out,
        );
      });
    }
  });

  if (doc.layers !== undefined) {
    const asset = doc.assets.find((a) => a.id === doc.layers);
    if (asset && baseMediaType(asset.mediaType) !== 'application/json') {
      out.push(
        new TourFormatError('SCHEMA_INVALID', {
          pointer: '/layers',
          issue: `the layers document is application/json, not ${asset.mediaType}`,
        }),
      );
    }
  }

  const listed = new Set(doc.assets.map((a) => a.id));
  for (const ref of assetRefs(doc)) {
    if (!listed.has(ref.id)) {
      out.push(
        new TourFormatError('REF_UNKNOWN', {
          pointer: ref.pointer,
          issue: `asset '${ref.id}' is not in assets`,
        }),
      );
    }
  }
  return out;
}
