/**
 * Audio cues made with Web Audio (no files to ship): a rising pair for success, a low tone for a
 * refusal, a repeated beep for the idle warning. Visitors who cannot see the screen hear the outcome.
 */
export type Cue = 'success' | 'refusal' | 'warning';

const patterns: Record<Cue, { freq: number; at: number; dur: number }[]> = {
  success: [
    { freq: 660, at: 0, dur: 0.12 },
    { freq: 880, at: 0.14, dur: 0.16 },
  ],
  refusal: [{ freq: 220, at: 0, dur: 0.45 }],
  warning: [
    { freq: 520, at: 0, dur: 0.15 },
    { freq: 520, at: 0.3, dur: 0.15 },
    { freq: 520, at: 0.6, dur: 0.15 },
  ],
};

let context: AudioContext | null = null;

export function play(cue: Cue): void {
  if (typeof AudioContext === 'undefined') return;
  context ??= new AudioContext();
  const ctx = context;
  for (const note of patterns[cue]) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = note.freq;
    gain.gain.setValueAtTime(0.0001, ctx.currentTime + note.at);
    gain.gain.exponentialRampToValueAtTime(0.3, ctx.currentTime + note.at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + note.at + note.dur);
    osc.connect(gain).connect(ctx.destination);
    osc.start(ctx.currentTime + note.at);
    osc.stop(ctx.currentTime + note.at + note.dur + 0.05);
  }
}
