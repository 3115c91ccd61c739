import { join } from 'node:path';
import { cacheKey, defaultNarrationCacheDir, readCached, writeAtomic } from './cache';
import { createLimiter } from './limit';
import { MediaError } from './MediaError';
import { runTool, toolVersion } from './runTool';
import { splitSentences } from './sentences';
import { ESPEAK_RATE_WPM, voiceFor } from './voices';
import { buildVtt, sentenceCues, type Cue } from './vtt';
import { concatWithGaps, encodeWav, parseWav, pcmDurationS, type Pcm16 } from './wav';

export interface NarrationOptions {
  /** Where encoded narrations are kept by content hash; default `<repo>/.cache/narration/`. */
  cacheDir?: string;
  /** Silence between sentences, seconds. */
  gapS?: number;
}

export interface Narration {
  /** Ogg Opus, mono, 24 kb/s. */
  opus: Uint8Array;
  /** WebVTT, one cue per sentence (more when a sentence needs over two lines). */
  vtt: string;
  durationS: number;
  /** SHA-256 of everything that decides the bytes: also a stable file name. */
  key: string;
  fromCache: boolean;
}

export const NARRATION_BITRATE = '24k';
export const DEFAULT_GAP_S = 0.4;
/** Bumped when this module changes what it produces for the same inputs. */
const PIPELINE_VERSION = 1;

/** Two synthesis or encoding jobs at once across all callers: the machine has two shared cores. */
const limit = createLimiter(2);

/**
 * Draft narration from a script: each sentence is spoken by espeak-ng, measured from its WAV header,
 * joined with a short pause, encoded once to Opus, and captioned with one WebVTT cue per sentence at its
 * exact start and end. Unchanged text (same locale, voice, rate and tool versions) comes from the cache.
 */
export async function synthesizeNarration(
  text: string,
  locale: string,
  opts: NarrationOptions = {},
): Promise<Narration> {
  const { locale: loc, voice } = voiceFor(locale);
  const sentences = splitSentences(text, loc);
  if (sentences.length === 0) throw new MediaError('TEXT_EMPTY', { field: 'text' });
  const gapS = opts.gapS ?? DEFAULT_GAP_S;
  const [espeak, ffmpeg] = await Promise.all([toolVersion('espeak-ng'), toolVersion('ffmpeg')]);
  const key = cacheKey({
    pipeline: PIPELINE_VERSION,
    text: sentences,
    locale: loc,
    voice,
    rate: ESPEAK_RATE_WPM,
    gapS,
    bitrate: NARRATION_BITRATE,
    espeak,
    ffmpeg,
  });
  const dir = opts.cacheDir ?? defaultNarrationCacheDir();
  const paths = {
    opus: join(dir, `${key}.opus`),
    vtt: join(dir, `${key}.vtt`),
    meta: join(dir, `${key}.json`),
  };
  const [opus, vtt, meta] = await Promise.all([
    readCached(paths.opus),
    readCached(paths.vtt),
    readCached(paths.meta),
  ]);
  if (opus && vtt && meta) {
    const { durationS } = JSON.parse(meta.toString('utf8')) as { durationS: number };
    return { opus: new Uint8Array(opus), vtt: vtt.toString('utf8'), durationS, key, fromCache: true };
  }

  const clips = await Promise.all(sentences.map((s) => limit(() => speak(s, voice))));
  const { pcm, spans } = concatWithGaps(clips, gapS);
  const cues: Cue[] = sentences.flatMap((s, i) => {
    const span = spans[i] as { startS: number; endS: number };
    return sentenceCues(s, span.startS, span.endS);
  });
  const encoded = await limit(() => encodeOpus(pcm));
  const result = { opus: encoded, vtt: buildVtt(cues), durationS: pcmDurationS(pcm) };
  await writeAtomic(paths.opus, result.opus);
  await writeAtomic(paths.vtt, result.vtt);
  await writeAtomic(
    paths.meta,
    JSON.stringify({ durationS: result.durationS, locale: loc, sentences: sentences.length }),
  );
  return { ...result, key, fromCache: false };
}

/** One sentence → 16-bit PCM. The text goes through stdin, never through a shell or an argument. */
async function speak(sentence: string, voice: string): Promise<Pcm16> {
  const { stdout } = await runTool(
    'espeak-ng',
    ['-v', voice, '-s', String(ESPEAK_RATE_WPM), '-b', '1', '--stdout'],
    Buffer.from(sentence, 'utf8'),
  );
  return parseWav(new Uint8Array(stdout));
}

/**
 * PCM → Ogg Opus (mono, 24 kb/s). The bit-exact flags drop the encoder's version tag and the random Ogg
 * serial number, so the same PCM always gives the same bytes.
 */
export async function encodeOpus(pcm: Pcm16, bitrate: string = NARRATION_BITRATE): Promise<Uint8Array> {
  const { stdout } = await runTool(
    'ffmpeg',
    [
      ...['-hide_banner', '-loglevel', 'error', '-f', 'wav', '-i', 'pipe:0'],
      ...['-ac', '1', '-c:a', 'libopus', '-b:a', bitrate, '-application', 'voip'],
      ...['-map_metadata', '-1', '-fflags', '+bitexact', '-flags:a', '+bitexact', '-f', 'ogg', 'pipe:1'],
    ],
    encodeWav(pcm),
  );
  return new Uint8Array(stdout);
}
