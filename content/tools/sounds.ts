import { join } from 'node:path';
import { run } from './lib/exec';
import { writeGenerated, type Written } from './lib/output';

/**
 * Sound effects synthesised from ffmpeg's lavfi sources (sines and seeded noise through filters):
 * nothing recorded, so nothing to license, and the same command always gives the same bytes.
 */
export const SOUNDS: Record<string, { durationS: number; graph: string }> = {
  // Two low partials a minor third apart, like a steam whistle's chord, with a slow swell and release.
  'ship-horn': {
    durationS: 4,
    graph:
      "aevalsrc='0.32*sin(2*PI*110*t)+0.22*sin(2*PI*138.6*t)+0.12*sin(2*PI*220*t)+0.06*sin(2*PI*330*t)':s=48000:d=4," +
      'afade=t=in:d=0.35,afade=t=out:st=3.1:d=0.9,lowpass=f=1200',
  },
  // Seeded brown noise, low-passed, with a swell every few seconds: surf on a shallow beach.
  waves: {
    durationS: 8,
    graph:
      'anoisesrc=d=8:c=brown:r=48000:a=0.6:s=1940,lowpass=f=700,highpass=f=60,' +
      "volume='0.25+0.22*(1+sin(2*PI*t/4-PI/2))':eval=frame,afade=t=in:d=1,afade=t=out:st=7:d=1",
  },
  // A piston-engine drone whose pitch and level rise and fall as it passes overhead (about 3 s in).
  aircraft: {
    durationS: 6,
    graph:
      "aevalsrc='(0.30*sin(2*PI*(78*t+6*atan(t-3)))+0.18*sin(2*PI*(156*t+12*atan(t-3)))+0.08*sin(2*PI*(234*t+18*atan(t-3))))*exp(-pow(t-3,2)/3)':s=48000:d=6," +
      'lowpass=f=1500,afade=t=in:d=0.3,afade=t=out:st=5.4:d=0.6',
  },
  // A small single-cylinder outboard: noise gated in sharp pulses twelve times a second.
  outboard: {
    durationS: 4,
    graph:
      "aevalsrc='pow(0.5+0.5*sin(2*PI*12*t),6)*(0.5*sin(2*PI*96*t)+0.35*(random(0)-0.5))':s=48000:d=4," +
      'lowpass=f=2200,afade=t=in:d=0.2,afade=t=out:st=3.4:d=0.6',
  },
};

export function synthSound(name: string): Uint8Array {
  const s = SOUNDS[name];
  if (!s) throw new Error(`unknown sound ${name}`);
  return run('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', s.graph],
    ...['-ac', '1', '-c:a', 'libopus', '-b:a', '32k'],
    ...['-map_metadata', '-1', '-fflags', '+bitexact', '-flags:a', '+bitexact', '-f', 'ogg', 'pipe:1'],
  ]);
}

export function writeSounds(dir: string, names: readonly string[]): Written[] {
  return names.map((n) => writeGenerated(join(dir, 'media', 'sounds', `${n}.opus`), synthSound(n)));
}
