import { useCallback, useEffect, useRef, useState } from 'react';
import { FULL_SPHERE, inLocale, pickHotspot, sceneText, type Look } from './core';
import { PanoramaView } from './PanoramaView';
import type { PanoramaBlockType, SceneBlockProps } from './types';
import './scenes.css';

type Hotspot = PanoramaBlockType['hotspots'][number];

/** A 360° panorama block: look-around, hotspots that open text, image or audio, then/now where given. */
export function PanoramaViewer({ block, locale, assetUrl }: SceneBlockProps<PanoramaBlockType>) {
  const [open, setOpen] = useState<Hotspot | null>(null);
  const turn = useRef<((l: Look) => void) | null>(null);
  const lookRef = useCallback((set: (l: Look) => void) => {
    turn.current = set;
  }, []);
  const onPick = useCallback(
    (yawDeg: number, pitchDeg: number) => {
      const hit = pickHotspot(block.hotspots, yawDeg, pitchDeg);
      if (hit) setOpen(hit);
    },
    [block.hotspots],
  );
  const choose = (h: Hotspot) => {
    turn.current?.({ yawDeg: h.yawDeg, pitchDeg: h.pitchDeg });
    setOpen(h);
  };
  const label = sceneText(locale, 'pano.label');
  return (
    <PanoramaView
      locale={locale}
      label={label}
      alt={inLocale(block.alt, locale)}
      imageUrl={assetUrl(block.image)}
      thenUrl={block.then ? assetUrl(block.then) : undefined}
      extent={FULL_SPHERE}
      headingDeg={block.headingDeg}
      hotspots={block.hotspots}
      activeHotspot={open?.id ?? null}
      onPickHotspot={onPick}
      lookRef={lookRef}
      testId="panorama-view"
    >
      {block.hotspots.length > 0 && (
        <nav className="scene-hotspots" aria-label={sceneText(locale, 'pano.hotspots')}>
          <ul>
            {block.hotspots.map((h) => (
              <li key={h.id}>
                <button type="button" aria-expanded={open?.id === h.id} onClick={() => choose(h)}>
                  {inLocale(h.title, locale)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {open && (
        <HotspotPanel hotspot={open} locale={locale} assetUrl={assetUrl} onClose={() => setOpen(null)} />
      )}
    </PanoramaView>
  );
}

function HotspotPanel({
  hotspot,
  locale,
  assetUrl,
  onClose,
}: {
  hotspot: Hotspot;
  locale: SceneBlockProps<PanoramaBlockType>['locale'];
  assetUrl(id: string): string;
  onClose(): void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [hotspot.id]);
  const title = inLocale(hotspot.title, locale);
  return (
    <section className="scene-hotspot" role="region" aria-label={title} data-testid="hotspot-panel">
      <h3 ref={heading} tabIndex={-1}>
        {title}
      </h3>
      {hotspot.text && <p>{inLocale(hotspot.text, locale)}</p>}
      {hotspot.image && <img src={assetUrl(hotspot.image)} alt={title} />}
      {hotspot.audio && <audio controls src={assetUrl(hotspot.audio)} aria-label={title} />}
      <button type="button" onClick={onClose}>
        {sceneText(locale, 'pano.close')}
      </button>
    </section>
  );
}

export default PanoramaViewer;
