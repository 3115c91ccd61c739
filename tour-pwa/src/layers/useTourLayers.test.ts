import { describe, expect, it } from 'vitest';
import { layersLocale, simulatedNow } from './useTourLayers';

describe('the app side of the layers', () => {
  it('reads ?now=<ISO instant> as a fixed moment, and ignores it when absent or not a date', () => {
    expect(simulatedNow('?now=2026-05-26T06:50:00Z&simulate=1.4')?.toISOString()).toBe(
      '2026-05-26T06:50:00.000Z',
    );
    expect(simulatedNow('?simulate=1.4')).toBeNull();
    expect(simulatedNow('?now=tuesday')).toBeNull();
  });

  it('speaks the app language when the layers have it, else English', () => {
    expect(layersLocale('nl')).toBe('nl');
    expect(layersLocale('fr')).toBe('fr');
    expect(layersLocale('de')).toBe('en');
  });
});
