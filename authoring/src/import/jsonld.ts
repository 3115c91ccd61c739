import type { Text } from '@dunkirk/content';

/** Shapes a JSON-LD literal takes in DATAtourisme exports and in hand-written files. */
type Literal = string | number | { '@value'?: unknown; '@language'?: string } | Literal[];

const LANGS = ['fr', 'en', 'nl'] as const;

/** First member present among several spellings of a term (`rdfs:label` or `label`, `schema:geo` or `geo`). */
export function member(node: unknown, ...names: string[]): unknown {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return undefined;
  for (const n of names) if (n in node) return (node as Record<string, unknown>)[n];
  return undefined;
}

/** A value or the first element of an array. */
export function first(v: unknown): unknown {
  return Array.isArray(v) ? v[0] : v;
}

export function list(v: unknown): unknown[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/**
 * Language-tagged literals → Text: `[{ "@language": "fr", "@value": … }]`, `{ "fr": ["…"] }` (the
 * DATAtourisme flat JSON), or a plain string (taken as French, the feed's language).
 */
export function text(v: unknown): Text | undefined {
  const out: Record<string, string> = {};
  const put = (lang: string | undefined, value: unknown): void => {
    const l = (lang ?? 'fr').slice(0, 2).toLowerCase();
    if (
      (LANGS as readonly string[]).includes(l) &&
      typeof value === 'string' &&
      value.trim() &&
      !(l in out)
    ) {
      out[l] = value.trim();
    }
  };
  for (const item of list(v) as Literal[]) {
    if (typeof item === 'string') put(undefined, item);
    else if (item && typeof item === 'object' && !Array.isArray(item)) {
      if ('@value' in item) put(item['@language'], item['@value']);
      else for (const [lang, values] of Object.entries(item)) put(lang, first(values));
    }
  }
  return Object.keys(out).length > 0 ? (out as Text) : undefined;
}

/** `51.03`, `"51.03"` or `{ "@value": "51.03", "@type": "xsd:decimal" }` → 51.03. */
export function decimal(v: unknown): number | undefined {
  const raw = first(v);
  const value =
    raw && typeof raw === 'object' && '@value' in raw ? (raw as { '@value': unknown })['@value'] : raw;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

/** A plain string, or an `@id` / `@value` holding one. */
export function str(v: unknown): string | undefined {
  const raw = first(v);
  if (typeof raw === 'string') return raw;
  if (raw && typeof raw === 'object') {
    const inner = (raw as Record<string, unknown>)['@id'] ?? (raw as Record<string, unknown>)['@value'];
    if (typeof inner === 'string') return inner;
  }
  return undefined;
}

/** `schema:Monday`, `http://schema.org/Monday`, `{ "@id": "schema:Monday" }` → 1 (ISO weekday). */
export function isoWeekday(v: unknown): number | undefined {
  const name = str(v)?.split(/[/:#]/).pop()?.toLowerCase();
  const i = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].indexOf(
    name ?? '',
  );
  return i < 0 ? undefined : i + 1;
}

/** A stable kebab-case id from a source identifier (its last path segment). */
export function slug(id: string): string {
  const last =
    id
      .replace(/[/#]+$/, '')
      .split(/[/#:]/)
      .pop() ?? id;
  const s = last
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 90);
  return /^[a-z0-9]/.test(s) ? s : `p-${s || 'point'}`;
}
