/** One WebVTT cue: times in seconds, text of at most two lines. */
export interface Cue {
  startS: number;
  endS: number;
  text: string;
}

export const MAX_LINE_CHARS = 42;
export const MAX_LINES = 2;

/**
 * Breaks a sentence into caption pieces of at most `MAX_LINES` lines of at most `MAX_LINE_CHARS` characters,
 * filling lines word by word (a single word longer than a line gets a line of its own).
 * Returns one string per cue, lines joined with "\n".
 */
export function captionPieces(sentence: string): string[] {
  const words = sentence.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    // keep French spaced punctuation (« ! ? : ; ») on the line of the word it belongs to
    const joined = line ? `${line} ${w}` : w;
    if (line && joined.length > MAX_LINE_CHARS && !/^[!?:;»]+$/.test(w)) {
      lines.push(line);
      line = w;
    } else line = joined;
  }
  if (line) lines.push(line);
  const pieces: string[] = [];
  for (let i = 0; i < lines.length; i += MAX_LINES) pieces.push(lines.slice(i, i + MAX_LINES).join('\n'));
  return pieces;
}

/**
 * Cues for one sentence spoken from `startS` to `endS`: a single cue when it fits in two lines,
 * otherwise consecutive cues sharing the span in proportion to their length (the sentence's first cue
 * starts and its last cue ends exactly on the measured times).
 */
export function sentenceCues(sentence: string, startS: number, endS: number): Cue[] {
  const pieces = captionPieces(sentence);
  const weights = pieces.map((p) => p.replace(/\n/g, ' ').length);
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const cues: Cue[] = [];
  let t = startS;
  let acc = 0;
  for (const [i, p] of pieces.entries()) {
    acc += weights[i] as number;
    const end = i === pieces.length - 1 ? endS : startS + ((endS - startS) * acc) / total;
    cues.push({ startS: t, endS: end, text: p });
    t = end;
  }
  return cues;
}

/** `hh:mm:ss.ttt`, rounded to the millisecond as WebVTT requires. */
export function vttTimestamp(s: number): string {
  const ms = Math.round(s * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const sec = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(sec)}.${pad(ms % 1000, 3)}`;
}

/** Cue text escaped for WebVTT: `&`, `<` and `>` would otherwise be read as markup, and "-->" as timing. */
function escapeCueText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function buildVtt(cues: readonly Cue[]): string {
  const blocks = cues.map(
    (c, i) => `${i + 1}\n${vttTimestamp(c.startS)} --> ${vttTimestamp(c.endS)}\n${escapeCueText(c.text)}`,
  );
  return `WEBVTT\n\n${blocks.join('\n\n')}\n`;
}

/** A strict reader for the WebVTT this module writes (and simple files like it): used by tests and imports. */
export function parseVtt(vtt: string): Cue[] {
  const lines = vtt.replace(/\r\n?/g, '\n').split('\n');
  if (!/^WEBVTT( |\t|$)/.test(lines[0] ?? '')) throw new Error('missing WEBVTT signature');
  const cues: Cue[] = [];
  const time = (s: string): number => {
    const m = /^(?:(\d{2,}):)?(\d{2}):(\d{2})\.(\d{3})$/.exec(s);
    if (!m) throw new Error(`bad timestamp ${s}`);
    return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000;
  };
  for (let i = 1; i < lines.length; i++) {
    const arrow = /^(\S+) --> (\S+)/.exec(lines[i] as string);
    if (!arrow) continue;
    const text: string[] = [];
    let j = i + 1;
    while (j < lines.length && lines[j] !== '') text.push(lines[j++] as string);
    cues.push({ startS: time(arrow[1] as string), endS: time(arrow[2] as string), text: text.join('\n') });
    i = j;
  }
  return cues;
}
