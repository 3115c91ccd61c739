import type { Locale } from '@dunkirk/content';
import { DRAFT_VOICE_CREDIT, DRAFT_VOICE_LICENCE, parseVtt, synthesizeNarration } from '../media';
import { AuthoringError } from './AuthoringError';
import type { TourStore } from './tourStore';

export interface DraftNarrationRequest {
  stop: string;
  /** `common` or a scenario id. */
  list: string;
  /** Index of the narration block in that list. */
  block: number;
  locale: Locale;
}

export interface DraftTrack {
  audio: string;
  captions: string;
  durationS: number;
}

/**
 * Speaks a narration block's script with espeak-ng (the media pipeline), writes the Opus file and its
 * WebVTT captions under `media/narration/`, lists both with the draft-voice credit and licence, and
 * sets the block's track for that language. The captions stay a plain file the curator can edit.
 */
export async function draftNarration(
  store: TourStore,
  tour: string,
  req: DraftNarrationRequest,
): Promise<DraftTrack> {
  const file = `stops/${req.stop}.json`;
  const { value: stop } = await store.readJson<{
    common?: Record<string, unknown>[];
    scenarios: Record<string, Record<string, unknown>[]>;
  }>(tour, file);
  const list = req.list === 'common' ? stop.common : stop.scenarios[req.list];
  const block = list?.[req.block];
  const pointer = `${req.list === 'common' ? '/common' : `/scenarios/${req.list}`}/${req.block}`;
  if (block?.['type'] !== 'narration') throw new AuthoringError('BODY_INVALID', { tour, file, pointer });
  const text = (block['transcript'] as Partial<Record<Locale, string>> | undefined)?.[req.locale]?.trim();
  if (!text)
    throw new AuthoringError('MEDIA_REFUSED', { tour, file, pointer: `${pointer}/transcript/${req.locale}` });

  let narration;
  try {
    narration = await synthesizeNarration(text, req.locale);
  } catch (err) {
    throw new AuthoringError(
      'MEDIA_REFUSED',
      { tour, file, pointer, issue: (err as Error).message },
      { cause: err },
    );
  }
  const base = `media/narration/${req.stop}-${req.list}-${req.block}-${req.locale}`;
  const track: DraftTrack = {
    audio: `${base}.opus`,
    captions: `${base}.vtt`,
    durationS: Math.round(narration.durationS * 10) / 10,
  };
  parseVtt(narration.vtt);
  await store.writeMedia(tour, track.audio, narration.opus);
  await store.writeMedia(tour, track.captions, new TextEncoder().encode(narration.vtt));
  await store.updateJson<{ assets: Record<string, unknown>[] }>(tour, 'tour.json', (t) => ({
    ...t,
    assets: [
      ...t.assets.filter((a) => a['id'] !== track.audio && a['id'] !== track.captions),
      {
        id: track.audio,
        mediaType: 'audio/ogg; codecs=opus',
        credit: DRAFT_VOICE_CREDIT,
        licence: DRAFT_VOICE_LICENCE,
      },
      { id: track.captions, mediaType: 'text/vtt', credit: DRAFT_VOICE_CREDIT, licence: DRAFT_VOICE_LICENCE },
    ],
  }));
  await store.updateJson<typeof stop>(tour, file, (s) => {
    const l = req.list === 'common' ? s.common : s.scenarios[req.list];
    const b = l?.[req.block];
    if (b)
      b['tracks'] = { ...((b['tracks'] as Record<string, unknown> | undefined) ?? {}), [req.locale]: track };
    return s;
  });
  return track;
}

/** Checks edited captions before they replace the file: still WebVTT, cues in order. */
export function checkCaptions(text: string): void {
  try {
    parseVtt(text);
  } catch (err) {
    throw new AuthoringError(
      'BODY_INVALID',
      { issue: `captions: ${(err as Error).message}` },
      { cause: err },
    );
  }
}
