import type { Text } from '@dunkirk/content';

/** The text in the visitor's language, else English, else French, else any. */
export function localized(text: Text | undefined, locale: string): string {
  if (!text) return '';
  const t = text as Record<string, string | undefined>;
  return t[locale] ?? t.en ?? t.fr ?? Object.values(t).find((v) => typeof v === 'string') ?? '';
}

export function compassPoint(bearing: number, locale: string): string {
  const points: Record<string, string[]> = {
    en: ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'],
    fr: ['N', 'NE', 'E', 'SE', 'S', 'SO', 'O', 'NO'],
    nl: ['N', 'NO', 'O', 'ZO', 'Z', 'ZW', 'W', 'NW'],
  };
  const list = points[locale] ?? points.en!;
  return list[Math.round((((bearing % 360) + 360) % 360) / 45) % 8]!;
}

export function megabytes(bytes: number): string {
  return (bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 1 : 0);
}
