import type { OpeningHours } from '@dunkirk/content';

const DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
const RULE =
  /^((?:Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?(?:,(?:Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?)*) ((?:\d\d:\d\d-\d\d:\d\d)(?:,\d\d:\d\d-\d\d:\d\d)*)$/;

/**
 * The common subset of the OpenStreetMap `opening_hours` syntax: `24/7`, and rules such as
 * `Mo-Fr 09:00-18:00; Sa 10:00-12:00,14:00-17:00`. Anything richer (public holidays, months,
 * "off", comments) returns `undefined`: the importer reports it and keeps the point without hours.
 */
export function parseOsmOpeningHours(value: string): OpeningHours[] | undefined {
  const v = value.trim();
  if (v === '24/7') return [{ days: [1, 2, 3, 4, 5, 6, 7], opens: '00:00', closes: '24:00' }];
  const out: OpeningHours[] = [];
  for (const rule of v
    .split(';')
    .map((r) => r.trim())
    .filter(Boolean)) {
    const m = RULE.exec(rule);
    if (!m) return undefined;
    const days = (m[1] as string).split(',').flatMap((part) => {
      const [a, b] = part.split('-').map((d) => DAYS.indexOf(d) + 1) as [number, number | undefined];
      if (b === undefined) return [a];
      // Sa-Mo wraps over the week's end.
      const span = ((b - a + 7) % 7) + 1;
      return Array.from({ length: span }, (_, i) => ((a - 1 + i) % 7) + 1);
    });
    for (const range of (m[2] as string).split(',')) {
      const [opens, closes] = range.split('-') as [string, string];
      if (
        !/:[0-5]\d$/.test(opens) ||
        !/:[0-5]\d$/.test(closes) ||
        opens > '24:00' ||
        closes > '24:00' ||
        (closes <= opens && closes !== '24:00')
      )
        return undefined;
      out.push({ days, opens, closes });
    }
  }
  return out.length > 0 ? out : undefined;
}
