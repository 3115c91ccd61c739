import { MediaError } from './MediaError';

/** 16-bit PCM audio as read from (or written to) a RIFF/WAVE file. */
export interface Pcm16 {
  sampleRate: number;
  channels: number;
  /** Interleaved little-endian 16-bit samples. */
  data: Uint8Array;
}

/** Duration in seconds, exact to the sample: bytes / (rate × channels × 2). */
export function pcmDurationS(pcm: Pcm16): number {
  return pcm.data.length / (pcm.sampleRate * pcm.channels * 2);
}

/**
 * Reads a canonical or extended RIFF/WAVE file holding 16-bit PCM (format tag 1), walking the chunk list so
 * LIST/INFO chunks before `data` do not matter. A streamed header (data size 0xFFFFFFFF) takes the rest of the file.
 */
export function parseWav(bytes: Uint8Array): Pcm16 {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number): string => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') {
    throw new MediaError('WAV_INVALID', { offset: 0, reason: 'no RIFF/WAVE header' });
  }
  let at = 12;
  let fmt: { channels: number; sampleRate: number; bits: number; format: number } | undefined;
  while (at + 8 <= bytes.length) {
    const id = tag(at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > bytes.length)
        throw new MediaError('WAV_INVALID', { offset: at, reason: 'short fmt' });
      fmt = {
        format: view.getUint16(body, true),
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bits: view.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      if (!fmt) throw new MediaError('WAV_INVALID', { offset: at, reason: 'data before fmt' });
      if (fmt.format !== 1 || fmt.bits !== 16 || fmt.channels < 1 || fmt.sampleRate < 1) {
        throw new MediaError('WAV_INVALID', { offset: at, reason: 'not 16-bit PCM', ...fmt });
      }
      const end = size === 0xffffffff ? bytes.length : Math.min(bytes.length, body + size);
      const frame = fmt.channels * 2;
      const usable = end - body - ((end - body) % frame);
      return { sampleRate: fmt.sampleRate, channels: fmt.channels, data: bytes.slice(body, body + usable) };
    }
    at = body + size + (size % 2); // chunks are padded to an even length (RIFF)
  }
  throw new MediaError('WAV_INVALID', { offset: at, reason: 'no data chunk' });
}

/** Writes a canonical 44-byte-header WAV file. */
export function encodeWav(pcm: Pcm16): Uint8Array {
  const out = new Uint8Array(44 + pcm.data.length);
  const view = new DataView(out.buffer);
  const put = (at: number, s: string): void => {
    for (let i = 0; i < 4; i++) out[at + i] = s.charCodeAt(i);
  };
  put(0, 'RIFF');
  view.setUint32(4, 36 + pcm.data.length, true);
  put(8, 'WAVE');
  put(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, pcm.channels, true);
  view.setUint32(24, pcm.sampleRate, true);
  view.setUint32(28, pcm.sampleRate * pcm.channels * 2, true);
  view.setUint16(32, pcm.channels * 2, true);
  view.setUint16(34, 16, true);
  put(36, 'data');
  view.setUint32(40, pcm.data.length, true);
  out.set(pcm.data, 44);
  return out;
}

/** Joins clips of one format with `gapS` of silence between them; returns each clip's start and end. */
export function concatWithGaps(
  clips: readonly Pcm16[],
  gapS: number,
): { pcm: Pcm16; spans: { startS: number; endS: number }[] } {
  const first = clips[0];
  if (!first) throw new MediaError('TEXT_EMPTY');
  const { sampleRate, channels } = first;
  const frame = channels * 2;
  const gapBytes = Math.round(gapS * sampleRate) * frame;
  let total = 0;
  for (const c of clips) {
    if (c.sampleRate !== sampleRate || c.channels !== channels) {
      throw new MediaError('WAV_INVALID', { reason: 'clips differ in rate or channels' });
    }
    total += c.data.length;
  }
  total += gapBytes * (clips.length - 1);
  const data = new Uint8Array(total); // zero-filled: the gaps are silence
  const spans: { startS: number; endS: number }[] = [];
  let at = 0;
  for (const [i, c] of clips.entries()) {
    if (i > 0) at += gapBytes;
    data.set(c.data, at);
    spans.push({ startS: at / frame / sampleRate, endS: (at + c.data.length) / frame / sampleRate });
    at += c.data.length;
  }
  return { pcm: { sampleRate, channels, data }, spans };
}
