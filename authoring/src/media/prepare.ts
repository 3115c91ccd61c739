import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomic } from './cache';
import { synthesizeNarration, type NarrationOptions } from './narration';

type Locale = 'fr' | 'en' | 'nl';

/** The parts of a narration block this hook reads and fills (FORMAT.md `type Block`, narration). */
interface NarrationBlockLike {
  type: 'narration';
  tracks: Partial<Record<Locale, { audio: string; captions: string; durationS: number }>>;
  transcript: Partial<Record<Locale, string>>;
  draftVoice?: boolean;
}

interface BlockLike {
  type: string;
}

interface AssetLike {
  id: string;
  mediaType: string;
  credit: string;
  licence: string;
}

/** The shape of a read source this hook needs: stops inlined (as `readSource` returns them) and the asset list. */
export interface NarrationSource {
  locales?: readonly string[];
  stops: readonly ({ common?: BlockLike[]; scenarios: Record<string, BlockLike[]> } | string)[];
  assets: AssetLike[];
}

export interface PrepareNarrationOptions extends NarrationOptions {
  /** Called after each synthesised track, for progress lines on long builds. */
  onProgress?: (done: number, total: number, label: string) => void;
}

/** Where generated narration lives inside a tour folder (gitignored: rebuilt from the scripts). */
export const GENERATED_NARRATION_DIR = '.generated/narration';

export const DRAFT_VOICE_CREDIT =
  'Draft voice synthesised with espeak-ng from the script (Dunkirk toolkit contributors); to be replaced by recorded actors';
export const DRAFT_VOICE_LICENCE = 'CC-BY-4.0';
export const OPUS_MEDIA_TYPE = 'audio/ogg; codecs=opus';
export const VTT_MEDIA_TYPE = 'text/vtt';

function isDraftNarration(b: BlockLike): b is NarrationBlockLike {
  const n = b as NarrationBlockLike;
  return n.type === 'narration' && n.draftVoice === true && Object.keys(n.tracks ?? {}).length === 0;
}

/**
 * The build's `prepare` hook for narration: every narration block marked `draftVoice: true` with no tracks
 * gets, for each locale of its transcript (and of the tour), an espeak-ng draft voice and WebVTT captions
 * written to `<tourDir>/.generated/narration/<hash>.opus|.vtt`, listed in `assets` with credit and licence.
 * Returns a new source; the one given is not changed. Blocks that already have tracks are left alone.
 * Files of earlier builds that no block uses any more are removed from that folder.
 */
export async function prepareNarration<S extends NarrationSource>(
  source: S,
  tourDir: string,
  opts: PrepareNarrationOptions = {},
): Promise<S> {
  const out = structuredClone(source);
  const tourLocales = out.locales;
  const jobs: { block: NarrationBlockLike; locale: Locale; text: string; label: string }[] = [];
  for (const [s, stop] of out.stops.entries()) {
    if (typeof stop === 'string') continue;
    const lists: [string, BlockLike[]][] = [['common', stop.common ?? []], ...Object.entries(stop.scenarios)];
    for (const [list, blocks] of lists) {
      for (const [b, block] of blocks.entries()) {
        if (!isDraftNarration(block)) continue;
        for (const locale of ['fr', 'en', 'nl'] as const) {
          const text = block.transcript[locale];
          if (!text?.trim() || (tourLocales && !tourLocales.includes(locale))) continue;
          jobs.push({ block, locale, text, label: `stop ${s + 1} ${list}[${b}] ${locale}` });
        }
      }
    }
  }

  const dir = join(tourDir, GENERATED_NARRATION_DIR);
  const known = new Set(out.assets.map((a) => a.id));
  const used = new Set<string>();
  let done = 0;
  // synthesizeNarration itself queues its espeak-ng and ffmpeg work two at a time.
  const results = await Promise.all(
    jobs.map(async (job) => {
      const n = await synthesizeNarration(job.text, job.locale, opts);
      opts.onProgress?.(++done, jobs.length, job.label);
      return { job, n };
    }),
  );
  for (const { job, n } of results) {
    const audio = `${GENERATED_NARRATION_DIR}/${n.key}.opus`;
    const captions = `${GENERATED_NARRATION_DIR}/${n.key}.vtt`;
    if (!used.has(n.key)) {
      used.add(n.key);
      await writeIfChanged(join(dir, `${n.key}.opus`), n.opus);
      await writeIfChanged(join(dir, `${n.key}.vtt`), Buffer.from(n.vtt, 'utf8'));
    }
    for (const [id, mediaType] of [
      [audio, OPUS_MEDIA_TYPE],
      [captions, VTT_MEDIA_TYPE],
    ] as const) {
      if (known.has(id)) continue;
      known.add(id);
      out.assets.push({ id, mediaType, credit: DRAFT_VOICE_CREDIT, licence: DRAFT_VOICE_LICENCE });
    }
    job.block.tracks[job.locale] = { audio, captions, durationS: Math.round(n.durationS * 1000) / 1000 };
  }
  await removeUnused(dir, used);
  return out;
}

async function writeIfChanged(path: string, bytes: Uint8Array): Promise<void> {
  // Names are content hashes: a file of the same size under the same name holds the same bytes.
  const st = await stat(path).catch(() => undefined);
  if (st?.size !== bytes.length) await writeAtomic(path, bytes);
}

async function removeUnused(dir: string, used: ReadonlySet<string>): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((f) => /^[0-9a-f]{64}\.(opus|vtt)$/.test(f) && !used.has(f.slice(0, 64)))
      .map((f) => rm(join(dir, f), { force: true })),
  );
}
