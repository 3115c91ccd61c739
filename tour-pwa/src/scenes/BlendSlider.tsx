import { sceneText, type SceneLocale } from './core';

/** The then/now blend control shared by the panorama and the then/now view: 0–100 % in steps of 5. */
export function BlendSlider({
  locale,
  from,
  to,
  value,
  onChange,
}: {
  locale: SceneLocale;
  /** What 0 % shows, and what 100 % shows. */
  from: 'then' | 'now';
  to: 'then' | 'now';
  value: number;
  onChange(value: number): void;
}) {
  return (
    <label className="scene-slider">
      <span>
        {sceneText(locale, from === 'then' ? 'pano.then' : 'pano.now')} ↔{' '}
        {sceneText(locale, to === 'then' ? 'pano.then' : 'pano.now')}
      </span>
      <input
        type="range"
        min={0}
        max={100}
        step={5}
        value={value}
        aria-label={sceneText(locale, 'ar.slider')}
        aria-valuetext={`${value} %`}
        onChange={(e) => onChange(Number(e.currentTarget.value))}
      />
    </label>
  );
}
