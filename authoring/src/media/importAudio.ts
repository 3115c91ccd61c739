import { readFile } from 'node:fs/promises';
import { MediaError } from './MediaError';
import { runTool } from './runTool';

export interface LoudnessTarget {
  /** Integrated loudness, LUFS (EBU R128). -16 suits speech heard on a phone outdoors. */
  integratedLufs: number;
  /** True peak ceiling, dBTP. */
  truePeakDb: number;
  /** Loudness range, LU. */
  rangeLu: number;
}

export const SPEECH_LOUDNESS: LoudnessTarget = { integratedLufs: -16, truePeakDb: -1.5, rangeLu: 11 };

export interface ImportAudioOptions {
  loudness?: LoudnessTarget;
  /** Opus bit rate; 32k is transparent enough for a recorded voice in mono. */
  bitrate?: string;
  channels?: 1 | 2;
}

/** The ffmpeg `loudnorm` filter (EBU R128, single pass) for a target; also resamples back to 48 kHz for Opus. */
export function loudnessFilter(t: LoudnessTarget = SPEECH_LOUDNESS): string {
  return `loudnorm=I=${t.integratedLufs}:TP=${t.truePeakDb}:LRA=${t.rangeLu},aresample=48000`;
}

/**
 * Normalises the loudness of any audio ffmpeg can read and returns Ogg Opus. Used for recordings that
 * curators import, so every stop of a tour plays at the same level.
 */
export async function loudnessNormalise(
  input: Uint8Array,
  opts: ImportAudioOptions = {},
): Promise<Uint8Array> {
  if (input.length === 0) throw new MediaError('INPUT_INVALID', { field: 'input', reason: 'empty' });
  const { stdout } = await runTool(
    'ffmpeg',
    [
      ...['-hide_banner', '-loglevel', 'error', '-i', 'pipe:0', '-vn'],
      ...['-af', loudnessFilter(opts.loudness), '-ac', String(opts.channels ?? 1)],
      ...['-c:a', 'libopus', '-b:a', opts.bitrate ?? '32k'],
      ...['-map_metadata', '-1', '-fflags', '+bitexact', '-flags:a', '+bitexact', '-f', 'ogg', 'pipe:1'],
    ],
    input,
  );
  return new Uint8Array(stdout);
}

/** Reads an audio file (WAV, MP3, FLAC, M4A, …) and returns loudness-normalised Ogg Opus. */
export async function importAudio(file: string, opts: ImportAudioOptions = {}): Promise<Uint8Array> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new MediaError('INPUT_INVALID', { path: file, reason: (e as Error).message });
  }
  try {
    return await loudnessNormalise(new Uint8Array(bytes), opts);
  } catch (e) {
    if (e instanceof MediaError) e.details.path = file;
    throw e;
  }
}
