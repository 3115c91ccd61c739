import type { AnyManifest, Block, SourceBlock } from './manifest';

/** One place in a document where an asset id is written. */
export interface AssetRefSlot {
  /** JSON pointer of the reference inside the document. */
  pointer: string;
  /** The id as written. */
  id: string;
  /** Replaces the id in place. */
  set(id: string): void;
}

type Holder = Record<string, unknown>;

function slot(out: AssetRefSlot[], holder: Holder, key: string, pointer: string): void {
  const id = holder[key];
  if (typeof id === 'string') {
    out.push({ pointer: `${pointer}/${key}`, id, set: (v) => (holder[key] = v) });
  }
}

/** Every asset reference in one block (FORMAT.md, `type Block`). */
export function blockAssetRefs(block: Block | SourceBlock, pointer = ''): AssetRefSlot[] {
  const out: AssetRefSlot[] = [];
  const b = block as Block;
  switch (b.type) {
    case 'narration':
      for (const [locale, track] of Object.entries(b.tracks)) {
        if (!track) continue;
        slot(out, track, 'audio', `${pointer}/tracks/${locale}`);
        slot(out, track, 'captions', `${pointer}/tracks/${locale}`);
      }
      break;
    case 'image':
      slot(out, b, 'image', pointer);
      break;
    case 'panorama':
      slot(out, b, 'image', pointer);
      slot(out, b, 'then', pointer);
      b.hotspots.forEach((h, i) => {
        slot(out, h, 'image', `${pointer}/hotspots/${i}`);
        slot(out, h, 'audio', `${pointer}/hotspots/${i}`);
      });
      break;
    case 'reenactment':
      slot(out, b, 'model', pointer);
      b.stills.forEach((s, i) => slot(out, s, 'image', `${pointer}/stills/${i}`));
      b.timeline.sounds.forEach((s, i) => slot(out, s, 'audio', `${pointer}/timeline/sounds/${i}`));
      break;
    case 'ar':
      slot(out, b, 'model', pointer);
      if (b.overlay) {
        slot(out, b.overlay, 'then', `${pointer}/overlay`);
        slot(out, b.overlay, 'now', `${pointer}/overlay`);
      }
      break;
    case 'text':
    case 'quiz':
    case 'links':
      break;
  }
  return out;
}

/** Every asset reference of one stop (index `i` in `stops`). */
export function stopAssetRefs(doc: AnyManifest, i: number): AssetRefSlot[] {
  const stop = doc.stops[i];
  if (!stop) return [];
  const base = `/stops/${i}`;
  const out: AssetRefSlot[] = [];
  (stop.common ?? []).forEach((b, j) => out.push(...blockAssetRefs(b, `${base}/common/${j}`)));
  for (const [scenario, blocks] of Object.entries(stop.scenarios)) {
    const key = scenario.replaceAll('~', '~0').replaceAll('/', '~1');
    blocks.forEach((b, j) => out.push(...blockAssetRefs(b, `${base}/scenarios/${key}/${j}`)));
  }
  return out;
}

/** Every asset reference in a manifest (either form), in document order. */
export function assetRefs(doc: AnyManifest): AssetRefSlot[] {
  const out: AssetRefSlot[] = [];
  doc.characters.forEach((c, i) => slot(out, c, 'portrait', `/characters/${i}`));
  doc.stops.forEach((_, i) => out.push(...stopAssetRefs(doc, i)));
  if (doc.map.offline) slot(out, doc.map.offline, 'pmtiles', '/map/offline');
  slot(out, doc as unknown as Holder, 'layers', '');
  return out;
}
