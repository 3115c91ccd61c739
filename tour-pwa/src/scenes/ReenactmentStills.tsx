import { useState } from 'react';
import {
  clockTime,
  inLocale,
  sceneText,
  stillIndexAt,
  subtitleIndexAt,
  type PreparedTimeline,
  type SceneLocale,
} from './core';
import type { ReenactmentBlockType } from './types';

/**
 * The reduced-motion version of a re-enactment (and its fallback without WebGL): the package's
 * still frames, one at a time, each captioned with its description and the subtitle of its moment.
 */
export function ReenactmentStills({
  block,
  timeline,
  locale,
  assetUrl,
  notice,
  initialT = 0,
}: {
  block: ReenactmentBlockType;
  timeline: PreparedTimeline;
  locale: SceneLocale;
  assetUrl(id: string): string;
  notice: string;
  initialT?: number;
}) {
  const stills = block.stills;
  const [index, setIndex] = useState(() => Math.max(0, stillIndexAt(stills, initialT)));
  const still = stills[index];
  const m = stills.length;
  const subAt = still ? subtitleIndexAt(timeline.subtitles, still.atS) : -1;
  // A still between subtitles takes the next subtitle after it.
  const sub =
    subAt >= 0
      ? timeline.subtitles[subAt]
      : still
        ? timeline.subtitles.find((s) => s.startS >= still.atS)
        : undefined;
  return (
    <section className="scene-stills" aria-label={sceneText(locale, 'stills.label')}>
      <p className="scene-notice">{notice}</p>
      <p className="scene-alt">{inLocale(block.alt, locale)}</p>
      {still && (
        <figure className="scene-still">
          <img src={assetUrl(still.image)} alt={inLocale(still.alt, locale)} />
          <figcaption>
            <span className="scene-still-pos">
              {sceneText(locale, 'stills.position', { n: index + 1, m })} · {clockTime(still.atS)}
            </span>{' '}
            {sub && <span className="scene-still-sub">{inLocale(sub.text, locale)}</span>}
          </figcaption>
        </figure>
      )}
      {m > 1 && (
        <div className="scene-controls">
          <button type="button" onClick={() => setIndex((i) => i - 1)} disabled={index === 0}>
            {sceneText(locale, 'stills.previous')}
          </button>
          <button type="button" onClick={() => setIndex((i) => i + 1)} disabled={index >= m - 1}>
            {sceneText(locale, 'stills.next')}
          </button>
        </div>
      )}
    </section>
  );
}
