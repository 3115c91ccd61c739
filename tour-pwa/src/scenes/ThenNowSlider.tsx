import { useState } from 'react';
import { BlendSlider } from './BlendSlider';
import type { SceneLocale } from './core';

/**
 * Then and now, one over the other: the 1940 layer is revealed from the left up to the slider.
 * The layer holds only what 1940 added, so it also reads over "now" when fully revealed.
 */
export function ThenNowSlider({
  locale,
  alt,
  thenUrl,
  nowUrl,
}: {
  locale: SceneLocale;
  alt: string;
  thenUrl: string;
  nowUrl?: string | undefined;
}) {
  const [share, setShare] = useState(50);
  return (
    <figure className="scene-thennow" data-testid="then-now">
      <div className="scene-thennow-frame">
        {nowUrl && <img className="scene-thennow-now" src={nowUrl} alt={alt} />}
        <img
          className="scene-thennow-then"
          src={thenUrl}
          // With a "now" picture, the alt above describes both; alone, this one carries it.
          alt={nowUrl ? '' : alt}
          style={{ clipPath: `inset(0 ${100 - share}% 0 0)` }}
        />
      </div>
      <figcaption>
        <BlendSlider locale={locale} from="then" to="now" value={share} onChange={setShare} />
      </figcaption>
    </figure>
  );
}
